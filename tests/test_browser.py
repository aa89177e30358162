"""The HTML report in a real browser: headless Chromium renders the seed report; the test reads
the rendered DOM, measures the layout (the chart's box, no sideways scroll on a phone) and
looks at the screenshot's pixels.

Chromium is Debian's `chromium` (`.ci/run` installs it). Without it the test fails, unless
TRACKER_SKIP_BROWSER=1 says on purpose to skip it.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from test_html import SEED, parse

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--run-all-compositor-stages-before-draw",  # the screenshot waits for the whole page to be painted
]
# Writes the layout facts the test needs into the page, where --dump-dom shows them.
PROBE = """<script>
const box = (el) => { const r = el.getBoundingClientRect();
  return [Math.round(r.left), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)]; };
// measured once the page and its fonts are loaded, as the screenshot is taken
window.addEventListener("load", () => document.fonts.ready.then(() => {
  const probe = document.createElement("pre"); probe.id = "probe";
  probe.textContent = JSON.stringify({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: innerWidth,
    chart: box(document.querySelector("svg")),
    marks: [...document.querySelectorAll("svg circle.mark")].map(box),
    wide: [...document.querySelectorAll("body *")].filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
      .map((el) => el.tagName),
  });
  document.body.append(probe);
}));
</script>"""
ACCENT, DENIES = (0x1F, 0x4E, 0x8C), (0xB3, 0x26, 0x1E)


@pytest.fixture(scope="module")
def chromium() -> str:
    return find_chromium()


def find_chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("TRACKER_SKIP_BROWSER") == "1":
        pytest.skip("TRACKER_SKIP_BROWSER=1: the browser test is skipped on purpose")
    pytest.fail(
        "chromium is not installed: apt-get install chromium (.ci/run does), "
        "or set TRACKER_SKIP_BROWSER=1 to skip the browser test",
        pytrace=False,
    )


def run(chromium: str, tmp_path: Path, page: Path, *args: str, size: str = "1200,1600", url: str = "") -> str:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    if "--dump-dom" in args:  # let the probe's promise settle before the DOM is dumped
        args = ("--virtual-time-budget=2000", *args)
    result = subprocess.run(
        [
            chromium,
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={size}",
            *args,
            url or page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def probed(page: str) -> str:
    """The page with the probe, and a policy that lets the probe (and nothing from outside) run."""
    policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    assert policy in page
    return page.replace(policy, policy + "; script-src 'unsafe-inline'").replace("</body>", PROBE + "</body>")


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        (length,), kind = struct.unpack(">I", data[pos : pos + 4]), data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, interlace) == (8, 0) and colour in (2, 6), (depth, colour, interlace)
    step = 3 if colour == 2 else 4
    raw, stride, rows, previous = zlib.decompress(b"".join(chunks)), width * step, [], bytearray(width * step)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up, corner = previous[i], previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        previous = line
        rows.append(bytes(line) if step == 3 else bytes(b for n, b in enumerate(line) if n % 4 != 3))
    return width, height, rows


def count(rows: list[bytes], box: tuple[int, int, int, int], test) -> int:  # type: ignore[no-untyped-def]
    x0, y0, w, h = box
    return sum(
        1
        for row in rows[y0 : y0 + h]
        for x in range(x0, min(x0 + w, len(row) // 3))
        if test(row[3 * x], row[3 * x + 1], row[3 * x + 2])
    )


def near(colour: tuple[int, int, int]):  # type: ignore[no-untyped-def]
    return lambda r, g, b: abs(r - colour[0]) + abs(g - colour[1]) + abs(b - colour[2]) < 40


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from tracker.cli import app

    where = tmp_path_factory.mktemp("browser")
    db = str(where / "seed.db")
    runner = CliRunner()
    for args in (["import", str(SEED)], ["report", "--format", "html", "-o", str(where / "report.html")]):
        result = runner.invoke(app, [*args, "--db", db], catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
    return where / "report.html"


@pytest.fixture(scope="module")
def desktop(chromium, seed_report, tmp_path_factory) -> tuple:  # type: ignore[no-untyped-def, type-arg]
    """The seed report's DOM as Chromium rendered it at 1200×1600, and what the probe measured."""
    where = tmp_path_factory.mktemp("desktop")
    page = where / "probed.html"
    page.write_text(probed(seed_report.read_text(encoding="utf-8")), encoding="utf-8")
    doc = parse(unscripted(run(chromium, where, page, "--dump-dom")))
    return doc, json.loads(doc.one("pre", id="probe").text)


def unscripted(dom: str) -> str:
    """The dumped DOM with the probe's script renamed, so the parser's no-script check holds."""
    return dom.replace("<script>", "<x-script>").replace("</script>", "</x-script>")


def test_chromium_renders_the_seed_report_with_its_rows_and_chart(desktop):
    doc, facts = desktop
    svg = doc.one("svg")
    assert [g.one("text").parts[-1] for g in svg.all("g", class_="row")] == [
        "Ishaq Dar",
        "US State Department",
        "Indian military",
        "India",
        "Pakistan's military",
    ]
    assert [m.attrs["data-id"] for m in svg.all("circle", class_="mark")] == ["1", "2", "3", "4", "5", "6"]
    assert [(p.attrs["data-a"], p.attrs["data-b"]) for p in svg.all("path", class_="contradiction")] == [
        ("5", "6")
    ]
    claim = doc.one("article", id="c4")
    assert [li.one("span", class_="who").text for li in claim.all("li")] == ["Pakistan's military", "India"]
    assert doc.one("section", id="speakers").all("h3")[0].text == "Ishaq Dar (2 statements)"
    assert facts["chart"][2:] == [960, 217]  # the chart fills the 960 px column, its height to scale
    assert [m[2:] for m in facts["marks"]] == [[12, 12]] * 6  # every mark drawn, at its size
    assert (facts["innerWidth"], facts["scrollWidth"], facts["wide"]) == (1200, 1200, [])


# Chromium's window is never narrower than 500 px: a 375 px frame stands in for the phone.
PHONE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="phone" width="375" height="800" style="border:0" srcdoc="{page}"></iframe>
<script>
window.addEventListener("load", () => document.getElementById("phone").contentDocument.fonts.ready.then(() => {{
  const doc = document.getElementById("phone").contentDocument, view = doc.defaultView;
  const probe = document.createElement("pre"); probe.id = "probe";
  const chart = doc.querySelector(".chart");
  probe.textContent = JSON.stringify({{
    innerWidth: view.innerWidth, scrollWidth: doc.documentElement.scrollWidth,
    frame: Math.round(chart.getBoundingClientRect().width), chart: chart.scrollWidth,
    wide: [...doc.querySelectorAll("body *")].filter((el) => !el.closest(".chart svg"))
      .filter((el) => el.getBoundingClientRect().right > view.innerWidth + 1).map((el) => el.tagName),
  }});
  document.body.append(probe);
}}));
</script></body></html>"""


def test_on_a_phone_nothing_scrolls_sideways(chromium, seed_report, tmp_path):
    from html import escape

    page = tmp_path / "phone.html"
    page.write_text(PHONE.format(page=escape(seed_report.read_text(encoding="utf-8"))), encoding="utf-8")
    dom = unscripted(run(chromium, tmp_path, page, "--dump-dom"))
    facts = json.loads(parse(dom).one("pre", id="probe").text)
    assert (facts["innerWidth"], facts["scrollWidth"], facts["wide"]) == (375, 375, [])
    # the chart's frame fits the phone's column (375 px less 0.6rem each side); the chart, kept
    # readable at 44rem, scrolls inside it
    assert (facts["frame"], facts["chart"]) == (356, 44 * 16)


def test_the_screenshot_shows_the_page_and_the_chart(chromium, seed_report, desktop, tmp_path):
    shot = tmp_path / "report.png"  # the top of the page, chart included: decoding is in pure Python
    run(chromium, tmp_path, seed_report, f"--screenshot={shot}", size="1200,600")
    width, height, rows = read_png(shot)
    assert (width, height) == (1200, 600)
    ink = count(rows, (0, 0, width, height), lambda r, g, b: r + g + b < 600)
    assert ink > width * height // 50  # text and chart, not a blank page
    chart = tuple(desktop[1]["chart"])  # where the probe found it (the probe sits below, out of the way)
    blue, red = count(rows, chart, near(ACCENT)), count(rows, chart, near(DENIES))
    assert blue >= 4 * 60  # four blue marks: Dar's two, the State Department's, the Indian military's
    assert red >= 2 * 60 + 30  # India's and Pakistan's military's, red, and the line between them


SEED_SPEAKERS = ["Ishaq Dar", "US State Department", "Indian military", "India", "Pakistan's military"]


def test_the_report_prints_to_a_pdf_of_its_pages(chromium, seed_report, tmp_path):
    """Printed by Chromium: a PDF of several pages, titled as the report; where poppler's
    pdftotext is installed, its text is the report's, without the on-screen navigation."""
    import re

    pdf = tmp_path / "report.pdf"
    run(chromium, tmp_path, seed_report, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data = pdf.read_bytes()
    assert (data[:5], data.rstrip()[-5:]) == (b"%PDF-", b"%%EOF")
    assert len(data) > 20_000  # text, fonts and the chart, not an empty page
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    assert re.findall(rb"/Type\s*/Pages\b.*?/Count (\d+)", data, re.DOTALL) == [str(pages).encode()]
    assert pages >= 2  # the seed report does not fit on one page
    assert re.findall(rb"/Title \(([^)]*)\)", data) == [b"Statement report"]
    if shutil.which("pdftotext") is None:
        return  # the text is in compressed, subset fonts: reading it needs poppler (.ci/run installs it)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # the heading, the summary, then the timeline: the print stylesheet hid the section links
    assert lines[:3] == [
        "Statement report",
        "6 statements by 5 speakers in 1 outlet; 1 contradiction, 0 flips, 0 verdicts.",
        "Timeline",
    ]
    assert [name for name in SEED_SPEAKERS if name in lines] == SEED_SPEAKERS  # the chart's rows
    assert text.count("\f") == pages


def free_port() -> int:
    import socket

    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


@pytest.fixture
def served(seed_report: Path):  # type: ignore[no-untyped-def]
    """`tracker serve` on the seed ledger, in its own process, stopped after the test."""
    import sys
    import time
    import urllib.request

    port = free_port()
    ledger = seed_report.parent / "seed.db"
    server = subprocess.Popen(
        [sys.executable, "-m", "tracker", "serve", "--port", str(port), "--db", str(ledger)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/{ledger.stem}"
    try:
        for _ in range(100):  # up to 10 s for it to start
            try:
                with urllib.request.urlopen(f"{base}.json", timeout=1):
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                time.sleep(0.1)
        else:
            pytest.fail("tracker serve did not answer within 10 s")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_chromium_shows_the_datasette_contradictions_page(chromium, served, tmp_path):
    import re

    dom = run(chromium, tmp_path, Path("/"), "--dump-dom", url=f"{served}/contradictions")
    cells = dict(re.findall(r'<td class="col-(\w+)">([^<]*)</td>', dom))
    assert {k: cells.get(k) for k in ("link", "speaker", "says", "other_speaker", "other_says", "why")} == {
        "link": "1",
        "speaker": "India",
        "says": "India's missiles did not strike targets in Afghanistan; the allegations are false and baseless.",
        "other_speaker": "Pakistan's military",
        "other_says": "Indian missiles struck targets in Afghanistan.",
        "why": "denial: 'false' in a",
    }
    assert "<h1" in dom and ">Contradictions</h1>" in dom
    shot = tmp_path / "contradictions.png"
    run(
        chromium, tmp_path, Path("/"), f"--screenshot={shot}", url=f"{served}/contradictions", size="1200,400"
    )
    width, height, rows = read_png(shot)
    assert count(rows, (0, 0, width, height), lambda r, g, b: r + g + b < 600) > width * height // 200


def test_without_chromium_the_browser_tests_fail_unless_skipping_was_asked_for(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("TRACKER_SKIP_BROWSER", raising=False)
    with pytest.raises(pytest.fail.Exception, match=r"^chromium is not installed: apt-get install chromium"):
        find_chromium()
    monkeypatch.setenv("TRACKER_SKIP_BROWSER", "1")
    with pytest.raises(pytest.skip.Exception, match="TRACKER_SKIP_BROWSER=1"):
        find_chromium()


def test_make_screenshot_draws_the_demo_report_for_the_readme(chromium, tmp_path):
    """`make screenshot` (tests/make_screenshot.py) rewrites docs/report.png from the demo
    ledger: a picture of the README's size, with the page and the chart's marks on it."""
    import make_screenshot

    page = make_screenshot.demo_report(tmp_path)
    html = page.read_text(encoding="utf-8")
    assert "16 statements by 8 speakers in 1 outlet; 1 contradiction, 0 flips, 0 verdicts." in html
    out = tmp_path / "docs" / "report.png"
    out.parent.mkdir()
    assert make_screenshot.main([str(out)]) == 0
    width, height, rows = read_png(out)
    assert (width, height) == make_screenshot.SIZE
    assert count(rows, (0, 0, width, height), lambda r, g, b: r + g + b < 600) > width * height // 50
    assert count(rows, (0, 0, width, height // 2), near(DENIES)) >= 2 * 60  # the two sides' red marks
    assert sorted(p.name for p in out.parent.iterdir()) == ["report.png"]
