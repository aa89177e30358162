"""Emergent claims through the CLI, as a desk would run them: are headlines attached to their claim?

Usage: python benchmarks/eval_claims.py [DATA_DIR] [--tracker PATH] [--semantic]
       (default: ../shared/data beside the repo; the tracker beside this Python)

--semantic runs it twice, in two ledgers: as a new ledger does (words only), and with
`tracker settings set semantic on` (the semantic extra), and prints both; --semantic-only
runs only the second.

In a temporary database: `tracker claim add TEXT --ref claim-ID` for each of Emergent's 240
claims, `tracker import` of its 2,071 headlines as statements (text = headline, source = outlet,
ref = article id), then `tracker claim show ID --json` for each claim. Scored: the share of
headlines attached to their own claim, and of those, the share with the gold stance (for →
supports, against → denies, observing → discusses). Halves are by claim, as in eval_relate.py.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_relate import DEFAULT_DATA, figure, halves, read_csv

TRACKER = Path(sys.executable).with_name("tracker")
STANCE = {"for": "supports", "against": "denies", "observing": "discusses"}
FLOORS = {"attached": 0.85, "stance": 0.70}


def run(tracker: Path, *args: str) -> str:
    """stdout of one tracker command; a failure stops the evaluation with tracker's message."""
    done = subprocess.run([str(tracker), *args], capture_output=True, text=True)
    if done.returncode != 0:
        shown = " ".join(args[:3])
        raise SystemExit(f"tracker {shown} exited {done.returncode}: {done.stderr.strip()[-400:]}")
    return done.stdout


def has_claims(tracker: Path) -> bool:
    return subprocess.run([str(tracker), "claim", "--help"], capture_output=True).returncode == 0


def claim_id(output: str) -> str:
    """The id `tracker claim add` prints: the bare id, like `tracker add`, or a JSON object."""
    text = output.strip()
    if text.isdigit():
        return text
    try:
        return str(json.loads(text)["id"])
    except (ValueError, KeyError, TypeError):
        raise SystemExit(f"tracker claim add printed no id: {text[:200]!r}") from None


def write_headlines(rows: list[dict[str, str]], path: Path) -> None:
    # No speaker: a headline has none but its outlet, so the import files them under `unknown`.
    with open(path, "w", encoding="utf-8") as out:
        for r in rows:
            record = {"text": r["headline"], "source": r["outlet"], "ref": r["article_id"]}
            out.write(json.dumps(record) + "\n")


def import_headlines(tracker: Path, rows: list[dict[str, str]], db: Path) -> str:
    """Import the headlines; a line saying how many were stored and how long it took."""
    headlines = db.with_name("headlines.jsonl")
    write_headlines(rows, headlines)
    started = time.perf_counter()
    run(tracker, "import", str(headlines), "--speaker-missing", "unknown", "--db", str(db))
    seconds = time.perf_counter() - started
    info = json.loads(run(tracker, "db", "info", "--json", "--db", str(db)))
    distinct = len(set(stored_refs(rows).values()))
    return (
        f"  imported {info['statements']:,} statements from {len(rows):,} headlines ({distinct:,} distinct "
        f"by text and outlet) in {seconds:.1f} s, {info['links']:,} links"
    )


def stored_refs(rows: list[dict[str, str]]) -> dict[str, str]:
    """Article id -> the ref of the statement it is stored as. A headline repeating another's
    text and outlet (one article filed under two claims) is stored once, under the first ref."""
    first: dict[tuple[str, str], str] = {}
    return {r["article_id"]: first.setdefault((r["headline"], r["outlet"]), r["article_id"]) for r in rows}


def score(rows: list[dict[str, str]], shown: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Per half: headlines attached to their own claim, and the stance of those attached."""
    half = halves([r["claim_id"] for r in rows])
    ref = stored_refs(rows)
    own: dict[str, set[str]] = {}  # stored ref -> the claims its headlines are about
    for r in rows:
        own.setdefault(ref[r["article_id"]], set()).add(r["claim_id"])
    under: dict[str, set[str]] = {}  # stored ref -> the claims tracker attached it to
    for claim, statements in shown.items():
        for s in statements:
            under.setdefault(str(s.get("ref")), set()).add(claim)
    lines = []
    for part in ("dev", "check", "all"):
        chosen = [r for r in rows if part == "all" or half[r["claim_id"]] == part]
        attached = stance_right = other = 0
        for r in chosen:
            stored = ref[r["article_id"]]
            other += bool(under.get(stored, set()) - own[stored])
            found = next((s for s in shown[r["claim_id"]] if str(s.get("ref")) == stored), None)
            if found is None:
                continue
            attached += 1
            stance_right += found.get("stance") == STANCE[r["stance"]]
        gate = part == "all"
        share = attached / len(chosen)
        right = stance_right / attached if attached else 0.0
        lines.append(
            f" {part} ({len(chosen)} headlines, {len({r['claim_id'] for r in chosen})} claims;"
            f" {attached} on their own claim, {stance_right} of them with the gold stance)"
        )
        lines.append(
            figure(
                "attached to their own claim",
                share,
                f">= {FLOORS['attached']:.2f}",
                share >= FLOORS["attached"] if gate else None,
            )
        )
        lines.append(
            figure(
                "of those, gold stance",
                right,
                f">= {FLOORS['stance']:.2f}",
                right >= FLOORS["stance"] if gate else None,
            )
        )
        lines.append(figure("attached to a claim not theirs", other / len(chosen), "", None))
    return lines


def evaluate(tracker: Path, rows: list[dict[str, str]], db: Path, semantic: bool = False) -> list[str]:
    claims: dict[str, str] = {}
    for r in rows:
        claims.setdefault(r["claim_id"], r["claim"])
    started = time.perf_counter()
    run(tracker, "db", "init", "--db", str(db))  # `claim add` writes only to a ledger that exists
    if semantic:
        run(tracker, "settings", "set", "semantic", "on", "--db", str(db))
    ids = {
        # --new: Emergent's claims are distinct by construction, though two say nearly the same
        claim: claim_id(
            run(tracker, "claim", "add", text, "--ref", f"claim-{claim}", "--new", "--db", str(db))
        )
        for claim, text in sorted(claims.items())
    }
    lines = [f"  added {len(ids)} claims in {time.perf_counter() - started:.1f} s"]
    lines.append(import_headlines(tracker, rows, db))
    started = time.perf_counter()
    shown = {
        claim: json.loads(run(tracker, "claim", "show", cid, "--json", "--db", str(db)))["statements"]
        for claim, cid in ids.items()
    }
    lines.append(f"  showed {len(shown)} claims in {time.perf_counter() - started:.1f} s")
    return lines + score(rows, shown)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--tracker", type=Path, default=TRACKER, help="the tracker command to run")
    parser.add_argument("--semantic", action="store_true", help="also with the semantic layer on")
    parser.add_argument("--semantic-only", action="store_true", help="only with the semantic layer on")
    args = parser.parse_args(argv[1:])
    source = args.data / "emergent" / "train.csv"
    if not source.is_file():
        print(f"skipped: no Emergent data at {args.data}")
        return 0
    rows = read_csv(source)
    print(f"Emergent claims through the CLI ({args.tracker}) on {args.data}")
    with tempfile.TemporaryDirectory(prefix="eval-claims-") as tmp:
        db = Path(tmp) / "claims.db"
        if not has_claims(args.tracker):
            print(import_headlines(args.tracker, rows, db))
            print("skipped: tracker has no claim commands yet")
            return 0
        print(f"  {'measure':<34} {'value':>8}   {'floor':<10}")
        passes = (True,) if args.semantic_only else (False, True) if args.semantic else (False,)
        for semantic in passes:
            if len(passes) > 1 or semantic:
                print("semantic layer on" if semantic else "words only (a new ledger)")
            started = time.perf_counter()
            for line in evaluate(args.tracker, rows, db.with_name(f"claims-{int(semantic)}.db"), semantic):
                print(line)
            print(f"  ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
