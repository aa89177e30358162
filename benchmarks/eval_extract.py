"""Score tracker.extract on PolNeAR dev attributions and print the figures beside the floors.

Usage: python benchmarks/eval_extract.py [POLNEAR_DEV_DIR] [--misses N]
(default: ../shared/data/polnear/dev beside the repo; prints a line and exits 0 when absent)

Matching is lenient, as in the corpus notes: a gold attribution is found when some
prediction's content span overlaps its content span by at least one character.
  recall     found gold attributions / all gold attributions
  precision  predictions whose content overlaps some gold content / all predictions
  speaker    of the predictions that matched, the fraction whose speaker span overlaps the
             Source span of a gold attribution they matched (gold without a Source is left out)
Texts annotated by several annotators have one .ann per annotator; each .ann is scored as a
separate gold set against the same predictions (so such texts weigh once per annotator).
The project's gold articles (tests/gold/gold_*.json) are scored first: a statement is found
when a prediction has exactly its content span, and then each field is compared.
Texts are split into "dev" and "check" halves by a CRC32 of the text's file name: rules are
developed on dev and checked on check.
"""

from __future__ import annotations

import re
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.extract import extract_statements
from tracker.model import Extracted

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear" / "dev"
FLOORS = {"recall": 0.50, "precision": 0.85, "speaker": 0.75}
# The floors, on the development half: recall at precision, and the speaker span.
DEV_FLOORS = {"recall": 0.65, "precision": 0.93, "speaker": 0.92}
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^E\d+\t(.*)$")

Spans = list[tuple[int, int]]


@dataclass
class Gold:
    content: Spans
    source: Spans | None


def half_of(name: str) -> str:
    """A stable half for a text, independent of file order and of Python's hash seed."""
    return ("dev", "check")[zlib.crc32(name.encode("utf-8")) % 2]


def read_ann(path: Path) -> list[Gold]:
    """Attributions of one brat .ann file: content spans and source spans."""
    spans: dict[str, Spans] = {}
    relations: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = [tuple(int(x) for x in part.split()) for part in m.group(3).split(";")]  # type: ignore[misc]
            continue
        m = _E_LINE.match(line)
        if m:
            relations.append(m.group(1))
    golds = []
    for rel in relations:
        roles = dict(part.split(":", 1) for part in rel.split() if ":" in part)
        content = [s for key, tid in roles.items() if key.startswith("Content") for s in spans.get(tid, [])]
        if not content:
            continue
        source = spans.get(roles["Source"]) if "Source" in roles else None
        golds.append(Gold(content, source))
    return golds


def overlaps(a: tuple[int, int] | None, spans: Spans | None) -> bool:
    return a is not None and spans is not None and any(a[0] < e and s < a[1] for s, e in spans)


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    preds: int = 0
    hits: int = 0
    speaker_total: int = 0
    speaker_ok: int = 0

    def add(self, golds: list[Gold], preds: list[Extracted]) -> list[Gold]:
        """Score one gold set; return the gold attributions that were missed."""
        self.gold += len(golds)
        missed = []
        for g in golds:
            if any(overlaps(p.content_span, g.content) for p in preds):
                self.found += 1
            else:
                missed.append(g)
        for p in preds:
            self.preds += 1
            matched = [g for g in golds if overlaps(p.content_span, g.content)]
            if not matched:
                continue
            self.hits += 1
            with_source = [g for g in matched if g.source]
            if with_source:
                self.speaker_total += 1
                self.speaker_ok += any(overlaps(p.speaker_span, g.source) for g in with_source)
        return missed

    def figures(self) -> dict[str, float]:
        return {
            "recall": self.found / self.gold if self.gold else 0.0,
            "precision": self.hits / self.preds if self.preds else 0.0,
            "speaker": self.speaker_ok / self.speaker_total if self.speaker_total else 0.0,
        }


GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "gold"


def gold_articles() -> str:
    """The project's own gold articles (tests/gold/gold_*.json), scored field by field."""
    import json

    from tracker.extract import extract_article

    articles = sorted(GOLD_DIR.glob("gold_*.json"))
    gold_n = found_n = pred_n = exact = speaker_ok = answers_ok = answers_n = dates_ok = dates_n = 0
    for path in articles:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (GOLD_DIR.parent.parent / gold["article"]).read_text(encoding="utf-8")
        preds = {
            tuple(s.content_span): s
            for s in extract_article(text, date=gold["date"]).statements
            if not s.implied
        }
        pred_n += len(preds)
        for g in gold["statements"]:
            if g.get("implied"):
                continue
            gold_n += 1
            answers_n += g["answers"] is not None
            dates_n += g["said_on"] is not None
            p = preds.get(tuple(g["span"]))
            if p is None:
                continue
            found_n += 1
            speaker_ok += p.speaker == g["speaker"]
            answers_ok += g["answers"] is not None and p.answers == g["answers"]
            dates_ok += g["said_on"] is not None and p.said_on == g["said_on"]
            exact += (p.speaker, p.cue, p.kind.value, p.polarity.value, p.said_on, p.answers, p.hedge) == (
                g["speaker"],
                g["cue"],
                g["kind"],
                g["polarity"],
                g["said_on"],
                g["answers"],
                g["hedge"],
            )
    return (
        f"Gold articles (tests/gold): {len(articles)} articles, {gold_n} statements: "
        f"found {found_n}/{gold_n} (exact span), extra {pred_n - found_n}, speaker {speaker_ok}/{found_n}, "
        f"said_on {dates_ok}/{dates_n}, answers {answers_ok}/{answers_n}, every field {exact}/{gold_n}"
    )


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    show = int(argv[argv.index("--misses") + 1]) if "--misses" in argv else 0
    if show:
        args = [a for a in args if a != str(show)]
    root = Path(args[0]) if args else DEFAULT_DIR
    print(gold_articles())
    if not (root / "text").is_dir() or not (root / "attributions").is_dir():
        print(f"PolNeAR dev data not found at {root}: skipping the extraction benchmark")
        return 0
    tallies = {"dev": Tally(), "check": Tally(), "total": Tally()}
    texts = 0
    misses: list[str] = []
    for text_path in sorted((root / "text").glob("*.txt")):
        anns = sorted((root / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        texts += 1
        text = text_path.read_text(encoding="utf-8")
        preds = extract_statements(text, headline=True)  # PolNeAR annotates headlines too
        half = half_of(text_path.name)
        for ann in anns:
            golds = read_ann(ann)
            tallies["total"].add(golds, preds)
            missed = tallies[half].add(golds, preds)
            if show and half == "dev":
                for g in missed:
                    a, b = g.content[0][0], g.content[-1][1]
                    misses.append(
                        f"{text_path.name}: {text[max(0, a - 60) : a]}[[{text[a:b]}]]{text[b : b + 60]}"
                    )
    print(
        f"PolNeAR dev attributions: {texts} texts, lenient overlap, each annotator's .ann scored separately"
    )
    for part, tally in tallies.items():
        f = tally.figures()
        print(
            f"  {part:<6} recall {f['recall']:.3f} ({tally.found}/{tally.gold})  "
            f"precision {f['precision']:.3f} ({tally.hits}/{tally.preds})  "
            f"speaker {f['speaker']:.3f} ({tally.speaker_ok}/{tally.speaker_total})"
        )
    total = tallies["total"].figures()
    verdicts = [f"{k} {'met' if total[k] >= v else 'NOT MET'} (>= {v:.2f})" for k, v in FLOORS.items()]
    print("  floors on total: " + ", ".join(verdicts))
    dev = tallies["dev"].figures()
    print(
        "  issue floors on dev: "
        + ", ".join(f"{k} {'met' if dev[k] >= v else 'NOT MET'} (>= {v:.2f})" for k, v in DEV_FLOORS.items())
    )
    for line in misses[:show]:
        print(line.replace("\n", " "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
