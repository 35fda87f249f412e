"""The GitHub workflows: valid, least privilege, and installing only what is pinned and hashed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", re.M)


def _pins(text: str) -> dict[str, str]:
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in _PIN.findall(text)}


def test_the_hashed_requirements_pin_exactly_what_requirements_txt_pins():
    # After changing requirements.txt, in a throwaway virtual environment:
    #   pip install pip-tools && pip-compile --generate-hashes --allow-unsafe --strip-extras \
    #     --no-emit-index-url --output-file=requirements-lock.txt requirements.txt
    pinned = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    locked = (ROOT / "requirements-lock.txt").read_text(encoding="utf-8")
    assert _pins(locked) == _pins(pinned)
    entries = re.split(r"^(?=[A-Za-z0-9])", locked, flags=re.M)[1:]
    assert len(entries) == len(_pins(pinned))
    for entry in entries:
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", entry), entry.splitlines()[0]


def test_the_pages_workflow_installs_with_hashes_and_the_tests_run_on_pull_requests():
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    installs = [s["run"] for s in pages["jobs"]["build"]["steps"] if "pip install" in s.get("run", "")]
    assert installs and all("--require-hashes" in r and "requirements-lock.txt" in r for r in installs)

    tests = yaml.safe_load((ROOT / ".github" / "workflows" / "tests.yml").read_text(encoding="utf-8"))
    assert "pull_request" in tests[True]  # YAML 1.1 reads the key "on" as true
    assert tests["permissions"] == {"contents": "read"}
    runs = [s.get("run", "") for job in tests["jobs"].values() for s in job["steps"]]
    assert "make test REQUIREMENTS=requirements-lock.txt" in runs


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
@pytest.mark.parametrize(
    "command",
    [["check-jsonschema", "--builtin-schema", "vendor.github-workflows"], ["zizmor", "--offline"]],
    ids=["schema", "zizmor"],
)
def test_every_workflow_is_valid(command, workflow: Path):
    tool = Path(sys.executable).parent / command[0]
    result = subprocess.run(
        [str(tool), *command[1:], str(workflow)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
