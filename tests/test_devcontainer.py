"""The dev container ("Open in a codespace"): the site built, the preview on its forwarded port."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess

from authoring.sitecheck import free_port
from tasks import CONFIG
from tests.conftest import ROOT
from tests.test_authoring import INVOKE, _wait_for

DEVCONTAINER = ROOT / ".devcontainer" / "devcontainer.json"


def _container() -> dict:
    return json.loads(DEVCONTAINER.read_text(encoding="utf-8"))


def test_the_container_builds_the_site_and_forwards_the_preview_the_readme_names():
    container = _container()
    assert container["image"] == "mcr.microsoft.com/devcontainers/python:3.11"
    assert container["postCreateCommand"] == "make site"
    preview = container["postAttachCommand"]["preview"]
    assert preview == ".venv/bin/invoke serve --host 0.0.0.0"
    assert container["forwardPorts"] == [CONFIG["port"]]
    assert container["portsAttributes"][str(CONFIG["port"])]["label"] == "Blog preview"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"`{preview}`" in readme and "`make site`" in readme


def test_the_preview_listens_on_every_address_when_asked(project_copy):
    port = free_port()
    # The container's command, run by this Python, on a free port.
    command = [*INVOKE, *shlex.split(_container()["postAttachCommand"]["preview"])[1:], "--port", str(port)]
    process = subprocess.Popen(
        command,
        cwd=project_copy,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        body = _wait_for(f"http://127.0.0.1:{port}/", lambda page: "</html>" in page)
        assert "Children’s Social Work Notes" in body
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=20)[0]
    assert f"Serving the preview at http://0.0.0.0:{port}/" in output


def test_the_preview_stays_on_loopback_by_default(project_copy):
    listed = subprocess.run([*INVOKE, "--help", "serve"], cwd=project_copy, capture_output=True, text=True)
    assert "default 127.0.0.1" in listed.stdout
    assert CONFIG["host"] == "127.0.0.1"
