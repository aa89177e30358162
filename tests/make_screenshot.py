"""Make the README's picture of the HTML report: the demo ledger (`make demo`: the seed article
extracted, the claim it answers imported), its report, and headless Chromium's screenshot of
the page's top.

    python tests/make_screenshot.py            # rewrites docs/report.png (`make screenshot`)
    python tests/make_screenshot.py out.png    # anywhere else

Chromium is Debian's `chromium`, started as the browser test starts it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_ARTICLE = ROOT / "seeds" / "000_5d60781b92935417.txt"
SEED_CLAIM = ROOT / "data" / "seed-claim.jsonl"
DEFAULT = ROOT / "docs" / "report.png"
SIZE = (1200, 1600)
# the demo's commands, as `make demo` runs them
DEMO = (
    ("extract", str(SEED_ARTICLE), "--date", "2025-05-10"),
    ("import", str(SEED_CLAIM)),
)


def demo_report(where: Path) -> Path:
    """The demo ledger's HTML report, written in `where`."""
    db = where / "demo.db"
    page = where / "report.html"
    for args in (*DEMO, ("report", "--format", "html", "-o", str(page))):
        subprocess.run(
            [sys.executable, "-m", "tracker", *args, "--db", str(db)],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return page


def screenshot(page: Path, out: Path, chromium: str) -> Path:
    """Chromium's picture of the page's top, SIZE pixels, at `out`."""
    from test_browser import FLAGS

    with tempfile.TemporaryDirectory(prefix="tracker-shot-") as profile:
        done = subprocess.run(
            [
                chromium,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={SIZE[0]},{SIZE[1]}",
                f"--screenshot={out}",
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"chromium made no screenshot: {done.stderr[-500:]}")
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DEFAULT
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("Error: chromium is not installed: apt-get install chromium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="tracker-demo-") as where:
        shot = screenshot(demo_report(Path(where)), Path(where) / "report.png", chromium)
        partial = out.with_name(f".{out.name}.partial")
        shutil.copyfile(shot, partial)
        partial.replace(out)  # only a whole picture replaces the old one
    print(f"Wrote {out} ({SIZE[0]}x{SIZE[1]}).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # test_browser's FLAGS
    raise SystemExit(main(sys.argv[1:]))
