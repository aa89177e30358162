"""Measure `tracker similar` on CLEF-2020 CheckThat! task 2: MAP@5 of the verified claim a tweet
is about, against plain FTS5 BM25 over every tweet word (the baseline) in the same run.

Usage: python benchmarks/eval_similar.py [DATA_DIR] [--semantic]   (default: ../shared/data beside the repo)

--semantic adds a row: `tracker similar` in a ledger that judges by meaning (the semantic extra;
the 10k claims are encoded once, a few minutes on 2 cores), which ranks by the cosine too.

The verified claims go into a temporary tracker database through the bulk import path, each
as the claim of its fact-check (text = vclaim, ref = vclaim_id, source = Snopes, url =
clef:vclaim/ID, title = the fact-check's headline); nothing is copied into the repository.
The baseline searches the claims' text only, as before.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tracker.evaluate import mean_average_precision
from tracker.model import NewStatement
from tracker.search import similar
from tracker.store import add_statements, fts_query, open_db

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
FLOOR = 0.80  # MAP@5 on dev
K = 5

csv.field_size_limit(10**8)


def _tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return rows[1:]  # a header line: "", "vclaim", "title" / "", "tweet_content"


def load_claims(db, data: Path) -> int:  # type: ignore[no-untyped-def]
    rows = _tsv(data / "clef2020" / "verified_claims.docs.tsv")
    items = (
        NewStatement(
            text=r[1],
            speaker="unknown",
            ref=r[0],
            source="Snopes",
            url=f"clef:vclaim/{r[0]}",
            title=r[2].strip() or None if len(r) > 2 else None,
        )
        for r in rows
        if r[1].strip()
    )
    return len(add_statements(db, items))


def queries(data: Path, part: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    tweets = {r[0]: r[1] for r in _tsv(data / "clef2020" / part / "tweets.queries.tsv")}
    relevant: dict[str, set[str]] = defaultdict(set)
    with open(data / "clef2020" / part / "tweet-vclaim-pairs.qrels", encoding="utf-8") as qrels:
        for line in qrels:
            fields = line.split()
            if len(fields) == 4 and fields[3] != "0":
                relevant[fields[0]].add(fields[2])
    return tweets, relevant


def baseline(db, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Plain FTS5 BM25, every tweet word OR'ed."""
    match = fts_query(text, operator="OR")
    if not match:
        return []
    rows = db.execute(
        "SELECT s.ref FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid "
        "WHERE statements_fts MATCH ? ORDER BY bm25(statements_fts) LIMIT ?",
        [match, K],
    )
    return [r[0] for r in rows]


def ours(db, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [row["ref"] for row in similar(db, text, K)]


def main(argv: list[str]) -> int:
    semantic = "--semantic" in argv
    argv = [a for a in argv if a != "--semantic"]
    data = Path(argv[1]) if len(argv) > 1 else DEFAULT_DATA
    if not (data / "clef2020" / "verified_claims.docs.tsv").exists():
        print(f"CLEF-2020 data not found under {data}: skipped.")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "clef.db")
        started = time.perf_counter()
        n = load_claims(db, data)
        print(f"{n:,} verified claims imported in {time.perf_counter() - started:.1f} s")
        met = True
        searches = [("baseline FTS5 BM25 all words", baseline, "off"), ("tracker similar", ours, "off")]
        if semantic:
            from tracker.semantic.store import STATEMENT, set_enabled, vectors

            set_enabled(db, "on")
            started = time.perf_counter()
            # every claim's vector encoded and stored once, as `tracker link` does (a search never writes)
            vectors(db, STATEMENT, {int(r[0]): r[1] for r in db.execute("SELECT id, text FROM statements")})
            print(f"{n:,} claims encoded in {time.perf_counter() - started:.1f} s")
            searches.append(("tracker similar, semantic on", ours, "on"))
        for part in ("dev", "train"):
            tweets, relevant = queries(data, part)
            ids = [t for t in tweets if t in relevant]
            gold = [relevant[t] for t in ids]
            line = [f"{part} ({len(ids)} tweets):"]
            for name, search, setting in searches:
                if semantic:
                    set_enabled(db, setting)  # the ledger judges by meaning, or by words only
                started = time.perf_counter()
                ranked = [search(db, tweets[t]) for t in ids]
                elapsed = (time.perf_counter() - started) / max(1, len(ids)) * 1000
                score = mean_average_precision(ranked, gold, K)
                line.append(f"  {name:<30} MAP@5 {score:.3f}  ({elapsed:.1f} ms/query)")
                if part == "dev" and search is ours and setting == "off":
                    ok = score >= FLOOR
                    met = met and ok
                    line[-1] += f"   floor >= {FLOOR:.2f} {'met' if ok else 'NOT MET'}"
            print("\n".join(line))
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
