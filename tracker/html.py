"""The report as one self-contained HTML page: styles and the timeline chart inline, no network.

Pure: it takes what `tracker.reports.report`, `tracker.reports.timeline` and
`tracker.claims.get_claim` return and gives back a string. Every piece of user text goes
through `html.escape`; the only links that leave the page are evidence URLs, and only
http(s) ones (anything else is shown as text).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from html import escape
from typing import Any

from tracker.patterns import lazy
from tracker.reports import Section, reason_text

STANCES = ("supports", "denies", "discusses")
# Sections drawn in their own way; any other the report grows is shown as a plain table.
_OWN_SECTIONS = {"speakers", "contradictions", "flips", "claims", "corroborated", "disputed", "verdicts"}

# The chart's geometry, in SVG user units (the SVG scales to the page's width).
LABEL_WIDTH = 180
PLOT_WIDTH = 760
ROW_HEIGHT = 34
AXIS_HEIGHT = 34
MARK_RADIUS = 6
MARK_STEP = 15  # between marks of one speaker on one day
TICK_GAP = 90  # between the centres of two date labels: a label is about 75 wide
UNDATED_WIDTH = 70

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

CSS = """
:root { --ink: #1d232a; --muted: #5b6570; --line: #d8dde3; --paper: #fff; --soft: #f4f6f8;
  --supports: #1f7a45; --denies: #b3261e; --discusses: #5b6570; --accent: #1f4e8c; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 62rem; padding: 1rem; color: var(--ink); background: var(--paper);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: .5rem 0; } h2 { font-size: 1.25rem; margin: 2rem 0 .5rem;
  border-bottom: 2px solid var(--line); padding-bottom: .2rem; } h3 { font-size: 1.05rem; margin: .2rem 0; }
p.about, .muted { color: var(--muted); } p.summary { font-size: 1.05rem; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
a { color: var(--accent); }
figure { margin: 0; } .chart { overflow-x: auto; } .chart svg { width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: .9rem; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
svg .axis line, svg .grid { stroke: var(--line); } svg .axis text { fill: var(--muted); }
svg .mark { fill: var(--accent); stroke: #fff; stroke-width: 1.5; }
svg .mark.contradicted { fill: var(--denies); }
svg .contradiction { stroke: var(--denies); stroke-width: 2; fill: none; }
svg .agreement { stroke: var(--supports); stroke-width: 1.5; stroke-dasharray: 4 3; fill: none; }
.legend { display: flex; flex-wrap: wrap; gap: .2rem 1rem; font-size: .9rem; color: var(--muted);
  list-style: none; padding: 0; }
.legend .swatch { display: inline-block; width: 1.4em; height: .25em; vertical-align: middle;
  margin-right: .3em; background: var(--denies); }
.legend .swatch.agreement { background: var(--supports); } .legend .swatch.dot { width: .8em; height: .8em;
  border-radius: 50%; background: var(--accent); }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .7rem .9rem; margin: .7rem 0;
  background: var(--paper); break-inside: avoid; }
.card.disputed { border-left: 5px solid var(--denies); }
.pair, .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: .7rem; }
.side { background: var(--soft); border-radius: 4px; padding: .5rem .7rem; }
.side h4 { margin: 0 0 .3rem; font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; }
.side.supports h4 { color: var(--supports); } .side.denies h4 { color: var(--denies); }
.side.discusses h4 { color: var(--discusses); }
.side ul, ul.statements { list-style: none; margin: 0; padding: 0; }
.side li + li, ul.statements li + li { margin-top: .5rem; }
q { quotes: "“" "”"; } .who { font-weight: 600; } .meta, .why { color: var(--muted); font-size: .9rem; }
.badge { display: inline-block; font-size: .75rem; padding: 0 .45em; border-radius: 1em;
  border: 1px solid currentColor; margin-left: .3em; vertical-align: middle; white-space: nowrap; }
.badge.open, .badge.suggested, .badge.auto-confirmed { color: #8a5a00; } .badge.reviewed, .badge.confirmed { color: var(--supports); }
.badge.rating { color: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
th { font-size: .85rem; color: var(--muted); }
.speaker { break-inside: avoid; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@media (max-width: 40rem) {
  body { padding: .6rem; font-size: 15px; }
  .chart svg { min-width: 44rem; }  /* readable labels: the chart scrolls in its frame, not the page */
  table, thead, tbody, tr, th, td { display: block; }
  thead { display: none; }
  tr { border-bottom: 1px solid var(--line); padding: .3rem 0; }
  td { border: 0; padding: .1rem 0; }
  td::before { content: attr(data-label) ": "; color: var(--muted); font-size: .85rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; } .card, tr, figure, .speaker { break-inside: avoid; }
  .side { background: none; border: 1px solid var(--line); }
}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _day(value: str | None) -> date | None:
    """A said/reported date as a day; a partial one (2025-05, 2025) as its first day."""
    if not value:
        return None
    text = value[:10]
    text += "-01-01"[len(text) - 4 :] if len(text) < 10 else ""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _cell(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return _e(", ".join(str(v) for v in value))
    return _e(value)


def _ref(statement_id: Any) -> str:
    """#id, linked to the statement in the per-speaker section."""
    return f'<a href="#s{_e(statement_id)}">#{_e(statement_id)}</a>'


_URL_BREAK = lazy(r"((?<!/)/(?!/)|[?&=#_-])")


def _url(url: str | None) -> str:
    if not url:
        return "—"
    # a long URL wraps after its slashes and separators, not inside a word ("example.o rg")
    shown = "<wbr>".join(_e(piece) for piece in _URL_BREAK.sub("\\1\0", url).split("\0"))
    if url.startswith(("https://", "http://")):
        return f'<a href="{_e(url)}" rel="noreferrer">{shown}</a>'
    return shown


# --- the chart ---------------------------------------------------------------------------------


def _ticks(known: list[date], x_of: Callable[[date], float]) -> list[date]:
    """The dates to label: the first and the last, and between them those at least a label's
    width from the labels beside them (two days of a long span would print over each other)."""
    if not known:
        return []
    ticks = [known[0]]
    for day in known[1:-1]:
        if x_of(day) - x_of(ticks[-1]) >= TICK_GAP and x_of(known[-1]) - x_of(day) >= TICK_GAP:
            ticks.append(day)
    return ticks if len(known) == 1 else [*ticks, known[-1]]


def timeline_svg(rows: Sequence[Mapping[str, Any]]) -> str:
    """Statements over time, one row per speaker (in order of first statement), a line between
    each pair of statements that contradict (solid) or agree (dashed)."""
    if not rows:
        return ""
    speakers = list(dict.fromkeys(str(r["speaker"]) for r in rows))
    days = {r["id"]: _day(r["date"]) for r in rows}
    known = sorted({d for d in days.values() if d is not None})
    undated = any(d is None for d in days.values())
    # a date label is centred on its tick: the last one needs half a label's room to the right
    left, right = LABEL_WIDTH + 20, LABEL_WIDTH + PLOT_WIDTH - (UNDATED_WIDTH if undated else 0) - 40
    first, last = (known[0], known[-1]) if known else (None, None)

    def x_of(day: date | None) -> float:
        if day is None:
            return LABEL_WIDTH + PLOT_WIDTH - UNDATED_WIDTH / 2
        assert first is not None and last is not None
        if first == last:
            return (left + right) / 2
        return left + (right - left) * (day - first).days / (last - first).days

    groups: dict[tuple[str, date | None], list[Any]] = {}
    for r in rows:
        groups.setdefault((str(r["speaker"]), days[r["id"]]), []).append(r["id"])
    where: dict[Any, tuple[float, float]] = {}
    for (speaker, day), ids in groups.items():
        y = AXIS_HEIGHT + ROW_HEIGHT * speakers.index(speaker) + ROW_HEIGHT / 2
        for n, sid in enumerate(ids):
            where[sid] = (x_of(day) + (n - (len(ids) - 1) / 2) * MARK_STEP, y)

    width = LABEL_WIDTH + PLOT_WIDTH
    height = AXIS_HEIGHT + ROW_HEIGHT * len(speakers) + 8
    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="chart-title" class="timeline-chart">',
        '<title id="chart-title">Statements over time, one row per speaker</title>',
        '<g class="axis">',
    ]
    for day in _ticks(known, x_of):
        x = x_of(day)
        parts.append(
            f'<line x1="{x:.1f}" y1="{AXIS_HEIGHT - 6}" x2="{x:.1f}" y2="{height - 8}"/>'
            f'<text x="{x:.1f}" y="{AXIS_HEIGHT - 12}" text-anchor="middle">{day.isoformat()}</text>'
        )
    if undated:
        x = x_of(None)
        parts.append(f'<text x="{x:.1f}" y="{AXIS_HEIGHT - 12}" text-anchor="middle">undated</text>')
    parts.append("</g>")
    for n, speaker in enumerate(speakers):
        y = AXIS_HEIGHT + ROW_HEIGHT * n + ROW_HEIGHT / 2
        label = speaker if len(speaker) <= 24 else speaker[:23] + "…"
        parts.append(
            f'<g class="row"><line class="grid" x1="{LABEL_WIDTH}" y1="{y:.1f}" x2="{width}" y2="{y:.1f}"/>'
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 4:.1f}" text-anchor="end">'
            f"<title>{_e(speaker)}</title>{_e(label)}</text></g>"
        )
    contradicted: set[Any] = set()
    for r in rows:
        for relation, css in (("contradicts", "contradiction"), ("agrees", "agreement")):
            for other in r.get(relation) or []:
                if other not in where:
                    continue  # left out by the filter
                if relation == "contradicts":
                    contradicted |= {r["id"], other}
                (x1, y1), (x2, y2) = where[r["id"]], where[other]
                bend = max(abs(y2 - y1), 2 * MARK_STEP) * 0.4
                parts.append(
                    f'<path class="{css}" data-a="{_e(other)}" data-b="{_e(r["id"])}" '
                    f'd="M{x2:.1f},{y2:.1f} C{x2 + bend:.1f},{y2:.1f} {x1 + bend:.1f},{y1:.1f} {x1:.1f},{y1:.1f}">'
                    f"<title>#{_e(r['id'])} {relation} #{_e(other)}</title></path>"
                )
    for r in rows:
        x, y = where[r["id"]]
        css = "mark contradicted" if r["id"] in contradicted else "mark"
        tip = f"#{r['id']} {r['date'] or 'undated'} {r['speaker']}: {r['text']}"
        parts.append(
            f'<a href="#s{_e(r["id"])}"><circle class="{css}" data-id="{_e(r["id"])}" '
            f'cx="{x:.1f}" cy="{y:.1f}" r="{MARK_RADIUS}"><title>{_e(tip)}</title></circle></a>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


# --- sections ----------------------------------------------------------------------------------


def _table(section: Section) -> str:
    head = "".join(f"<th>{_e(label)}</th>" for _, label in section.columns)
    body = "\n".join(
        "<tr>"
        + "".join(
            f'<td data-label="{_e(label)}">{_cell(row.get(key))}</td>' for key, label in section.columns
        )
        + "</tr>"
        for row in section.rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


_CODE = lazy(r"`([^`]+)`")
_EMPHASIS = lazy(r"\*([^*]+)\*")


def _inline(text: str) -> str:
    """A section's sentence, written for Markdown, in HTML: `code` and *emphasis*, escaped."""
    return _EMPHASIS.sub(r"<em>\1</em>", _CODE.sub(r"<code>\1</code>", _e(text)))


def _open(key: str, title: str, about: str = "") -> str:
    lead = f'\n<p class="about">{_inline(about)}</p>' if about else ""
    return f'<section id="{_e(key)}">\n<h2>{_e(title)}</h2>{lead}'


def _none(what: str) -> str:
    return f'<p class="none">No {_e(what)}.</p>'


def _contradictions(section: Section) -> str:
    out = [_open(section.key, section.title, section.about)]
    for row in section.rows:
        badges = f'<span class="badge {_e(row["state"])}">{_e(row["state"])}</span>'
        if row.get("flip"):
            badges += '<span class="badge flip">flip</span>'
        link = (
            f"link {_e(row['link'])}"
            if row.get("link") is not None
            else f'opposite sides of <a href="#c{_e(row["claim"])}">claim {_e(row["claim"])}</a>'
            if row.get("claim") is not None
            else "through a claim"
        )
        if row.get("review"):
            link += f" · decide with <code>{_e(row['review'])}</code>"
        out.append(
            f'<article class="card contradiction">\n<div class="pair">\n'
            f'<div class="side"><span class="who">{_e(row["a_speaker"])}</span> {_ref(row["a_id"])}'
            f"<br><q>{_e(row['a_text'])}</q></div>\n"
            f'<div class="side"><span class="who">{_e(row["b_speaker"])}</span> {_ref(row["b_id"])}'
            f"<br><q>{_e(row['b_text'])}</q></div>\n</div>\n"
            f'<p class="why">Why: {_e(row["reason"])} · {link}{badges}</p>\n</article>'
        )
    if not section.rows:
        out.append(_none("contradictions"))
    out.append("</section>")
    return "\n".join(out)


def _flips(section: Section) -> str:
    out = [_open(section.key, section.title, section.about)]
    for row in section.rows:
        out.append(
            f'<article class="card flip"><h3>{_e(row["speaker"])}'
            f'<span class="badge {_e(row["state"])}">{_e(row["state"])}</span></h3>\n<div class="pair">\n'
            f'<div class="side"><span class="meta">{_e(row["earlier_date"] or "undated")}</span> '
            f"{_ref(row['earlier_id'])}<br><q>{_e(row['earlier_text'])}</q></div>\n"
            f'<div class="side"><span class="meta">then, {_e(row["later_date"] or "undated")}</span> '
            f"{_ref(row['later_id'])}<br><q>{_e(row['later_text'])}</q></div>\n</div>\n</article>"
        )
    if not section.rows:
        out.append(_none("flips"))
    out.append("</section>")
    return "\n".join(out)


def _is_disputed(claim: Mapping[str, Any]) -> bool:
    stances = {s["stance"] for s in claim["statements"]}
    return {"supports", "denies"} <= stances


# the sides no person has reviewed, and what their badge says of them
_UNREVIEWED = {
    "suggested": "tracker put it on this side; no one has reviewed it",
    "auto-confirmed": "tracker was sure of this side and confirmed it; no one has reviewed it",
}


def _claim_statement(item: Mapping[str, Any]) -> str:
    from tracker.claims import side_label

    where = " · ".join(_e(v) for v in (item.get("outlet"), item.get("said_on")) if v)
    label = side_label(item)
    pending = (
        f' <span class="badge {label}" title="{_UNREVIEWED[label]}">{label}</span>'
        if label in _UNREVIEWED
        else ""
    )
    return (
        f'<li><span class="who">{_e(item["speaker"])}</span> {_ref(item["id"])}{pending}'
        f"{f' <span class=meta>{where}</span>' if where else ''}"
        f"<br><q>{_e(item['text'])}</q>"
        f'<br><span class="why">{_e(reason_text(list(item.get("reasons") or [])))}</span></li>'
    )


def _claims(claims: Sequence[Mapping[str, Any]]) -> str:
    out = [
        _open(
            "claims",
            "Claims",
            "Each claim with the statements on each side and why they were put "
            "there; disputed claims (someone supports, someone denies) first.",
        )
    ]
    ordered = sorted(claims, key=lambda c: (not _is_disputed(c), c["id"]))
    for claim in ordered:
        disputed = _is_disputed(claim)
        verdict = claim.get("verdict")
        badges = '<span class="badge disputed">disputed</span>' if disputed else ""
        if verdict:
            badges += f'<span class="badge rating">rated {_e(verdict)}</span>'
        sides = []
        for stance in STANCES:
            items = [s for s in claim["statements"] if s["stance"] == stance]
            if not items and not (disputed and stance != "discusses"):
                continue
            body = "\n".join(_claim_statement(s) for s in items) or '<li class="muted">nobody</li>'
            sides.append(
                f'<div class="side {stance}"><h4>{stance} ({len(items)})</h4>\n<ul>\n{body}\n</ul></div>'
            )
        out.append(
            f'<article class="card claim{" disputed" if disputed else ""}" id="c{_e(claim["id"])}">\n'
            f'<h3>{_e(claim["text"])}{badges}</h3>\n<div class="sides">\n'
            + "\n".join(sides)
            + "\n</div>\n</article>"
        )
    if not claims:
        out.append(_none("claims"))
    out.append("</section>")
    return "\n".join(out)


def _verdicts(section: Section) -> str:
    out = [_open(section.key, section.title, section.about)]
    if section.rows:
        out.append(
            "<table>\n<thead><tr><th>#</th><th>speaker</th><th>claim</th><th>rating</th>"
            "<th>by</th><th>date</th><th>evidence</th><th>also covers</th></tr></thead>\n<tbody>"
        )
        for row in section.rows:
            covers = ", ".join(_ref(i) for i in row.get("covers") or []) or "—"
            out.append(
                f'<tr><td data-label="#">{_ref(row["statement_id"])}</td>'
                f'<td data-label="speaker">{_cell(row["speaker"])}</td>'
                f'<td data-label="claim">{_cell(row["claim"])}</td>'
                f'<td data-label="rating"><span class="badge rating">{_cell(row["rating"])}</span></td>'
                f'<td data-label="by">{_cell(row["by"])}</td><td data-label="date">{_cell(row["date"])}</td>'
                f'<td data-label="evidence">{_url(row.get("evidence_url"))}</td>'
                f'<td data-label="also covers">{covers}</td></tr>'
            )
        out.append("</tbody>\n</table>")
    else:
        out.append(_none("verdicts"))
    out.append("</section>")
    return "\n".join(out)


def _plain(section: Section) -> str:
    body = _table(section) if section.rows else _none(section.title.lower())
    return f"{_open(section.key, section.title, section.about)}\n{body}\n</section>"


def _speakers(rows: Sequence[Mapping[str, Any]], counts: Sequence[str]) -> str:
    out = [
        _open(
            "speakers",
            "Speakers",
            "Each speaker's statements in date order, with the statements "
            "they contradict (✗) or agree with (✓ as a person confirmed, ≈ as only the engine judged),"
            " or were judged both to agree with and to contradict, no person having settled which (±).",
        )
    ]
    by_speaker: dict[str, list[Mapping[str, Any]]] = {}
    for r in rows:
        by_speaker.setdefault(str(r["speaker"]), []).append(r)
    order = [s for s in counts if s in by_speaker] + [s for s in by_speaker if s not in set(counts)]
    for speaker in dict.fromkeys(order):
        items = by_speaker[speaker]
        lines = []
        for r in items:
            unchecked = r.get("agrees_unchecked") or []
            marks = " ".join(
                [f"✗ {_ref(i)}" for i in r.get("contradicts") or []]
                + [f"✓ {_ref(i)}" for i in r.get("agrees") or [] if i not in unchecked]
                + [f"≈ {_ref(i)}" for i in unchecked]
                + [f"± {_ref(i)}" for i in r.get("conflicting") or []]
            )
            meta = " · ".join(_e(v) for v in (r["date"] or "undated", r.get("source")) if v)
            lines.append(
                f'<li id="s{_e(r["id"])}"><span class="meta">#{_e(r["id"])} · {meta}</span>'
                f"{f' <span class=marks>{marks}</span>' if marks else ''}<br><q>{_e(r['text'])}</q></li>"
            )
        count = f"{len(items)} statement{'s' if len(items) != 1 else ''}"
        out.append(
            f'<article class="card speaker"><h3>{_e(speaker)} <span class="muted">({count})</span></h3>\n'
            f'<ul class="statements">\n' + "\n".join(lines) + "\n</ul>\n</article>"
        )
    if not rows:
        out.append(_none("statements"))
    out.append("</section>")
    return "\n".join(out)


# --- the page ----------------------------------------------------------------------------------


def report_page(
    sections: Sequence[Section],
    timeline: Sequence[Mapping[str, Any]],
    claims: Sequence[Mapping[str, Any]],
    *,
    title: str = "Statement report",
    summary: str = "",
    generated: str | None = None,
) -> str:
    """The whole page.

    `timeline` is the selection (what `tracker.reports.timeline` gives); `claims` are what
    `tracker.claims.get_claim` gives, with a `verdict` key when the claim is rated. A claim is
    shown, whole, when any of its statements is in the timeline.
    """
    by_key = {s.key: s for s in sections}
    selected = {r["id"] for r in timeline}
    shown = [c for c in claims if any(s["id"] in selected for s in c["statements"])]
    speaker_order = [str(r["speaker"]) for r in by_key["speakers"].rows] if "speakers" in by_key else []
    corroborated = by_key.get("corroborated")
    toc = [
        ("timeline", "Timeline"),
        ("contradictions", "Contradictions"),
        ("flips", "Flips"),
        ("claims", "Claims"),
        ("corroborated", "Corroborated"),
        ("verdicts", "Verdicts"),
        ("speakers", "Speakers"),
    ]
    toc += [(s.key, s.title) for s in sections if s.key not in _OWN_SECTIONS]
    body = [
        f"<header>\n<h1>{_e(title)}</h1>",
        f'<p class="summary">{_e(summary)}</p>' if summary else "",
        '<nav aria-label="sections"><ul>'
        + "".join(f'<li><a href="#{k}">{_e(t)}</a></li>' for k, t in toc)
        + "</ul></nav>\n</header>\n<main>",
        _open(
            "timeline",
            "Timeline",
            "Each dot is a statement, on its speaker's row at the date it was "
            "said (else reported); a red line joins two statements that contradict each other.",
        ),
        '<figure>\n<div class="chart">'
        + (timeline_svg(timeline) or _none("statements"))
        + '</div>\n<figcaption><ul class="legend">'
        '<li><span class="swatch dot"></span>statement</li><li><span class="swatch"></span>contradicts</li>'
        '<li><span class="swatch agreement"></span>agrees</li></ul></figcaption>\n</figure>\n</section>',
    ]
    if "contradictions" in by_key:
        body.append(_contradictions(by_key["contradictions"]))
    if "flips" in by_key:
        body.append(_flips(by_key["flips"]))
    body.append(_claims(shown))
    if corroborated is not None:
        body.append(_plain(corroborated))
    if "verdicts" in by_key:
        body.append(_verdicts(by_key["verdicts"]))
    body.append(_speakers(timeline, speaker_order))
    body.extend(_plain(s) for s in sections if s.key not in _OWN_SECTIONS)
    body.append("</main>")
    if generated:
        body.append(f"<footer>Made by tracker on {_e(generated)}.</footer>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(part for part in body if part)
        + "\n</body>\n</html>\n"
    )
