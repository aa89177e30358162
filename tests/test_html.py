"""`tracker report --format html`: the page's structure on the seed, escaping, and no network."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tracker.html import _inline, report_page, timeline_svg
from tracker.reports import Section

SEED = Path(__file__).resolve().parent.parent / "data" / "seed-statements.jsonl"
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # text directly inside, in order

    @property
    def text(self) -> str:
        """All the text inside, whitespace collapsed (for an SVG element, its <title> too)."""
        return " ".join("".join(self._texts()).split())

    def _texts(self) -> list[str]:
        out = list(self.parts[:1])
        for n, child in enumerate(self.children):
            out += child._texts() + self.parts[n + 1 : n + 2]
        return out

    def all(self, tag: str | None = None, **attrs: str) -> list[Node]:
        """Descendants with this tag whose attributes contain these (class_ matches one class)."""
        found = []
        for child in self.children:
            if (tag is None or child.tag == tag) and all(
                value in child.attrs.get(key.rstrip("_"), "").split()
                if key == "class_"
                else child.attrs.get(key.rstrip("_")) == value
                for key, value in attrs.items()
            ):
                found.append(child)
            found += child.all(tag, **attrs)
        return found

    def one(self, tag: str | None = None, **attrs: str) -> Node:
        found = self.all(tag, **attrs)
        assert len(found) == 1, (tag, attrs, len(found))
        return found[0]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, parts=[""])
        self.stack = [self.root]
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, parts=[""])
        self.stack[-1].children.append(node)
        self.stack[-1].parts.append("")
        self.scripts += tag == "script"
        if tag == "br":
            self.stack[-1].parts[-1] += " "
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].parts[-1] += data


def parse(page: str) -> Node:
    """The page as a tree; fails on a tag closed out of order."""
    builder = _Builder()
    builder.feed(page)
    builder.close()
    assert builder.stack == [builder.root], [n.tag for n in builder.stack]
    assert builder.scripts == 0
    return builder.root


def seed_page(cli, *extra: str) -> str:
    cli.ok("import", str(SEED))
    return cli.ok("report", "--format", "html", *extra)


# every way a page could make a browser fetch something
FETCHES = re.compile(
    r"""(\bsrc\s*=|\burl\s*\(|@import|<link\b|<script\b|<iframe\b|<object\b|<embed\b|\bsrcset\s*=)""", re.I
)


def test_the_seed_page_has_every_section_in_order(cli):
    doc = parse(seed_page(cli))
    assert doc.one("head").one("title").text == "Statement report"
    assert doc.one("h1").text == "Statement report"
    assert doc.one("p", class_="summary").text == (
        "6 statements by 5 speakers in 1 outlet; 1 contradiction, 0 flips, 0 verdicts."
    )
    assert [s.attrs["id"] for s in doc.all("section")] == [
        "timeline",
        "contradictions",
        "flips",
        "claims",
        "corroborated",
        "verdicts",
        "speakers",
        "outlets",
        "unverified",
        "lag",
    ]
    assert [a.attrs["href"] for a in doc.one("nav").all("a")] == [
        f"#{s.attrs['id']}" for s in doc.all("section")
    ]
    assert doc.one("section", id="flips").one("p", class_="none").text == "No flips."


def test_the_seed_chart_has_a_row_per_speaker_a_mark_per_statement_and_the_contradiction(cli):
    svg = parse(seed_page(cli)).one("svg")
    labels = [row.one("text").parts[-1] for row in svg.all("g", class_="row")]
    assert labels == ["Ishaq Dar", "US State Department", "Indian military", "India", "Pakistan's military"]
    marks = svg.all("circle", class_="mark")
    assert [m.attrs["data-id"] for m in marks] == ["1", "2", "3", "4", "5", "6"]
    assert [m.attrs["data-id"] for m in svg.all("circle", class_="contradicted")] == ["5", "6"]
    assert (
        marks[4].text
        == "#5 2025-05-10 India: India's missiles did not strike targets in Afghanistan; the allegations are false and baseless."
    )
    # one day: every mark on its centre, Dar's two side by side, each row at its own height
    assert [(m.attrs["cx"], m.attrs["cy"]) for m in marks] == [
        ("542.5", "51.0"),
        ("557.5", "51.0"),
        ("550.0", "85.0"),
        ("550.0", "119.0"),
        ("550.0", "153.0"),
        ("550.0", "187.0"),
    ]
    link = svg.one("path", class_="contradiction")
    assert (link.attrs["data-a"], link.attrs["data-b"], link.text) == ("5", "6", "#6 contradicts #5")
    assert link.attrs["d"].startswith("M550.0,153.0 ") and link.attrs["d"].endswith(" 550.0,187.0")
    assert svg.all("path", class_="agreement") == []
    assert [a.attrs["href"] for a in svg.all("a")] == [f"#s{i}" for i in range(1, 7)]


def test_the_seed_contradiction_shows_both_sides_and_why(cli):
    section = parse(seed_page(cli)).one("section", id="contradictions")
    card = section.one("article", class_="contradiction")
    sides = card.all("div", class_="side")
    assert [s.text for s in sides] == [
        "India #5 “India's missiles did not strike targets in Afghanistan; the allegations are false and baseless.”".replace(
            "“", ""
        ).replace("”", ""),
        "Pakistan's military #6 Indian missiles struck targets in Afghanistan.",
    ]
    assert card.one("p", class_="why").text == (
        "Why: denial: 'false' in a · link 1 · decide with tracker link confirm 1 (or reject 1)open"
    )
    assert card.one("span", class_="badge").attrs["class"] == "badge open"


def test_the_disputed_claim_comes_first_with_who_is_on_each_side(cli):
    claims = parse(seed_page(cli)).one("section", id="claims").all("article")
    assert [c.attrs["id"] for c in claims] == ["c4", "c1", "c2", "c3", "c5"]
    disputed = claims[0]
    assert disputed.attrs["class"] == "card claim disputed"
    assert disputed.one("h3").text == "Indian missiles struck targets in Afghanistan.disputed"
    supports, denies = disputed.all("div", class_="side")
    assert supports.one("h4").text == "supports (1)"
    assert supports.one("li").text == (
        "Pakistan's military #6 Caliber.Az · 2025-05-10 Indian missiles struck targets in Afghanistan. "
        "claim: founded the claim"
    )
    assert denies.one("h4").text == "denies (1)"
    assert denies.one("li").text == (
        "India #5 suggested Caliber.Az · 2025-05-10 India's missiles did not strike targets in "
        "Afghanistan; the allegations are false and baseless. claim: contradicts with statement 6, "
        "which founded the claim"
    )
    # an undisputed claim shows only the side someone took
    assert [h.text for h in claims[1].all("h4")] == ["supports (1)"]
    assert claims[1].attrs["class"] == "card claim"


def test_every_speaker_has_their_statements_with_anchors_the_chart_links_to(cli):
    section = parse(seed_page(cli)).one("section", id="speakers")
    assert [a.one("h3").text for a in section.all("article")] == [
        "Ishaq Dar (2 statements)",
        "India (1 statement)",
        "Indian military (1 statement)",
        "Pakistan's military (1 statement)",
        "US State Department (1 statement)",
    ]
    assert sorted(li.attrs["id"] for li in section.all("li")) == [f"s{i}" for i in range(1, 7)]
    assert (
        section.one("li", id="s6").text
        == "#6 · 2025-05-10 · Caliber.Az ✗ #5 Indian missiles struck targets in Afghanistan."
    )


def test_the_page_fetches_nothing_and_forbids_fetching(cli):
    page = seed_page(cli)
    assert FETCHES.findall(page) == []
    assert re.findall(r"https?:", page) == []
    csp = [m for m in parse(page).all("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"]
    assert [m.attrs["content"] for m in csp] == [
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    ]


def test_the_page_has_a_print_and_a_phone_stylesheet(cli):
    doc = parse(seed_page(cli))
    css = doc.one("style").text
    assert "@media print {" in css and "@media (max-width: 40rem) {" in css
    viewport = [m for m in doc.all("meta") if m.attrs.get("name") == "viewport"]
    assert [m.attrs["content"] for m in viewport] == ["width=device-width, initial-scale=1"]


NASTY = 'He said <script>alert("x")</script> & "left" it'
NASTY_SPEAKER = 'A "B" & <C>'


def test_user_text_is_escaped_everywhere_it_appears(cli, tmp_path):
    import json

    rows = [
        {"text": NASTY, "speaker": NASTY_SPEAKER, "source": "<b>Outlet</b>", "said_on": "2025-05-01"},
        {
            "text": f"It is not true that {NASTY}",
            "speaker": "Other",
            "source": "Daily & Co",
            "said_on": "2025-05-02",
        },
    ]
    path = tmp_path / "nasty.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    cli.ok("import", str(path))
    page = cli.ok("report", "--format", "html")
    assert "<script" not in page and "<b>" not in page and "<C>" not in page
    doc = parse(page)  # would fail on a stray tag
    marks = doc.one("svg").all("circle", class_="mark")
    assert marks[0].text == f"#1 2025-05-01 {NASTY_SPEAKER}: {NASTY}"
    assert doc.one("svg").all("g", class_="row")[0].one("title").text == NASTY_SPEAKER
    assert doc.one("li", id="s1").text == f"#1 · 2025-05-01 · <b>Outlet</b> {NASTY}".replace("  ", " ")
    assert doc.one("section", id="speakers").all("h3")[0].text == f"{NASTY_SPEAKER} (1 statement)"
    assert "He said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;left&quot; it" in page


def _section(key: str, rows: list[dict[str, object]]) -> Section:
    return Section(key, key.title(), "", [], rows)


def _verdict(url: str) -> dict[str, object]:
    """A verdicts row of the report, false, with this evidence URL."""
    return {
        "statement_id": 1,
        "speaker": "S",
        "claim": "c",
        "rating": "false",
        "by": None,
        "date": "2025-05-02",
        "evidence_url": url,
        "covers": [],
    }


def test_evidence_is_a_link_only_when_it_is_http():
    verdicts = [_verdict(url) for url in ("https://example.org/e?a=1&b=2", "javascript:alert(1)")]
    doc = parse(report_page([_section("verdicts", verdicts)], [], []))
    cells = doc.one("section", id="verdicts").all("td", **{"data-label": "evidence"})
    assert [[a.attrs["href"] for a in c.all("a")] for c in cells] == [["https://example.org/e?a=1&b=2"], []]
    assert [c.text for c in cells] == ["https://example.org/e?a=1&b=2", "javascript:alert(1)"]


def test_the_chart_places_statements_by_date_and_undated_ones_apart():
    rows = [
        {"id": 1, "date": "2025-05-01", "speaker": "A", "text": "a", "contradicts": [], "agrees": []},
        {"id": 2, "date": "2025-05", "speaker": "B", "text": "b", "contradicts": [], "agrees": []},
        {"id": 3, "date": "2025-05-11", "speaker": "A", "text": "c", "contradicts": [], "agrees": [2]},
        {"id": 4, "date": "2025-05-06", "speaker": "B", "text": "d", "contradicts": [99], "agrees": []},
        {"id": 5, "date": None, "speaker": "C", "text": "e", "contradicts": [1], "agrees": []},
    ]
    svg = parse(timeline_svg(rows)).one("svg")
    assert [(m.attrs["data-id"], m.attrs["cx"], m.attrs["cy"]) for m in svg.all("circle")] == [
        ("1", "200.0", "51.0"),
        ("2", "200.0", "85.0"),
        ("3", "830.0", "51.0"),  # the last date's label keeps room to the right of it
        ("4", "515.0", "85.0"),
        ("5", "905.0", "119.0"),
    ]
    assert [t.text for t in svg.one("g", class_="axis").all("text")] == [
        "2025-05-01",
        "2025-05-06",
        "2025-05-11",
        "undated",
    ]
    # a statement the filter left out (99) gets no line
    assert [(p.attrs["class"], p.attrs["data-a"], p.attrs["data-b"]) for p in svg.all("path")] == [
        ("agreement", "2", "3"),
        ("contradiction", "1", "5"),
    ]
    assert [c.attrs["class"] for c in svg.all("circle")] == [
        "mark contradicted",
        "mark",
        "mark",
        "mark",
        "mark contradicted",
    ]


def test_date_labels_of_a_long_span_never_print_over_each_other():
    days = ["2026-03-01", "2026-03-02", "2026-03-04", "2026-04-20", "2026-06-01", "2026-06-03"]
    rows = [
        {"id": n, "date": day, "speaker": "A", "text": "t", "contradicts": [], "agrees": []}
        for n, day in enumerate(days, 1)
    ]
    svg = parse(timeline_svg(rows)).one("svg")
    labels = svg.one("g", class_="axis").all("text")
    assert [(t.text, t.attrs["x"]) for t in labels] == [
        ("2026-03-01", "200.0"),
        ("2026-04-20", "572.3"),
        ("2026-06-03", "900.0"),
    ]


def test_a_long_url_wraps_after_its_slashes_and_section_notes_keep_their_marks():
    verdicts = [_verdict("https://example.org/fact-check/dam?id=3")]
    page = report_page([_section("verdicts", verdicts)], [], [])
    assert '">https://example.org/<wbr>fact-<wbr>check/<wbr>dam?<wbr>id=<wbr>3</a>' in page
    assert _inline("In *why*, `decide with` <b>") == "In <em>why</em>, <code>decide with</code> &lt;b&gt;"


def test_an_empty_ledger_gives_a_page_that_says_so(cli):
    doc = parse(cli.ok("report", "--format", "html"))
    assert doc.all("svg") == []
    assert doc.one("section", id="timeline").one("p", class_="none").text == "No statements."
    assert doc.one("section", id="claims").one("p", class_="none").text == "No claims."


def test_dash_o_writes_the_page_to_a_file(cli, tmp_path):
    cli.ok("import", str(SEED))
    target = tmp_path / "report.html"
    result = cli("report", "--format", "html", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"Wrote the report to {target}.\n")
    assert target.read_text(encoding="utf-8") == cli.ok("report", "--format", "html")


@pytest.mark.parametrize("args", [["--format", "md"], ["--format", "json"], ["--csv"], ["--nl"]])
def test_dash_o_writes_every_file_format_of_the_report(cli, tmp_path, args):
    cli.ok("import", str(SEED))
    target = tmp_path / "report.out"
    result = cli("report", *args, "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"Wrote the report to {target}.\n")
    assert target.read_text(encoding="utf-8") == cli.ok("report", *args)


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["-o", "x.txt"],
            "Error: Invalid value for --output: a file takes --format html, md, json, csv or --nl, not the terminal's tables",
        ),
        (["--format", "pdf"], "Error: Invalid value for --format: use one of table, md, csv, json, nl, html"),
    ],
)
def test_report_refuses_bad_format_and_output_and_writes_nothing(cli, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    stderr = cli.fails("report", *args, code=2)
    assert stderr == f"{message} (see 'tracker report --help')\n"
    assert [p.name for p in tmp_path.iterdir()] == ["tracker.db"]  # the test's ledger, and nothing else


def test_a_filtered_page_keeps_a_claim_whole_when_one_of_its_statements_is_selected(cli):
    cli.ok("import", str(SEED))
    doc = parse(cli.ok("report", "--format", "html", "--speaker", "India"))
    assert [m.attrs["data-id"] for m in doc.one("svg").all("circle")] == ["5"]
    claims = doc.one("section", id="claims").all("article")
    assert [c.attrs["id"] for c in claims] == ["c4"]
    assert [li.one("span", class_="who").text for li in claims[0].all("li")] == [
        "Pakistan's military",
        "India",
    ]


def test_a_contradiction_through_a_claim_points_at_the_claim_and_how_to_decide_it(cli):
    cli.ok("add", "Indian missiles struck targets in Afghanistan.", "-s", "Pakistan's military")
    cli.ok("add", "India denied claims that its missiles struck targets in Afghanistan.", "-s", "India")
    cli.ok("add", "Kabul said the strikes hit Khost province.", "-s", "Zabihullah Mujahid", "--no-link")
    cli.ok("claim", "attach", "3", "1", "--stance", "supports")  # 3 and 2 share no link: only the claim
    section = parse(cli.ok("report", "--format", "html")).one("section", id="contradictions")
    (card,) = [c for c in section.all("article", class_="contradiction") if "claim 1" in c.text]
    why = card.one("p", class_="why")
    assert why.one("a").attrs["href"] == "#c1"
    assert why.text.endswith("· opposite sides of claim 1 · decide with tracker claim review --claim 1open")
