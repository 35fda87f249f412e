"""Files GitHub Pages reads from the site's root.

``.nojekyll`` tells Pages to serve the output as it is (Jekyll would hide
folders whose names start with an underscore, such as Pagefind's), and a
``CNAME`` file carries the custom domain when the ``CNAME`` setting names one.

Template variables added: none.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals


def write_pages_files(pelican) -> None:
    output = Path(pelican.output_path)
    output.mkdir(parents=True, exist_ok=True)
    (output / ".nojekyll").write_bytes(b"")
    domain = (pelican.settings.get("CNAME") or "").strip()
    cname = output / "CNAME"
    if domain:
        cname.write_text(domain + "\n", encoding="utf-8")
    elif cname.exists():
        cname.unlink()


def register():
    signals.finalized.connect(write_pages_files)
