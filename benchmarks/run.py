"""Performance benchmarks of tracker at 10k / 100k / 1M statements (issue 6).

Usage: python benchmarks/run.py [--tier 10k --tier 100k | --tier 1m] [--runs 3]
                                [--liar ../shared/data/liar/train.tsv] [--link-timeout 300]

Every figure is printed with its target, its baseline measured in the same run and the
ratio; timings are medians of --runs runs where a run is cheap (the machine is noisy).
Generated data and databases go to benchmarks/out/ (git-ignored), never to the repo.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import datagen  # noqa: E402

PYTHON = sys.executable
TRACKER = str(Path(PYTHON).with_name("tracker"))
TIERS = datagen.TIERS
Row = tuple[str, str, str, str, str, str]  # what, measured, target, baseline, ratio, verdict


class Report:
    """Rows of the final table, printed as they come so a long run shows progress."""

    def __init__(self) -> None:
        self.rows: list[Row] = []

    def add(
        self,
        what: str,
        measured: str,
        target: str = "",
        baseline: str = "",
        ratio: str = "",
        verdict: str = "",
    ) -> None:
        self.rows.append((what, measured, target, baseline, ratio, verdict))
        print(f"  {what}: {measured}" + (f"  [{verdict}]" if verdict else ""), flush=True)

    def table(self) -> str:
        head = ("what", "measured", "target", "baseline", "ratio", "met?")
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines)


def met(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def median_time(func: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# A process's peak RSS counts the memory of the process it was forked from, up to its exec:
# forked from this (large) benchmark process, a small command would report our size. So
# commands run under this launcher, forked from a fresh small interpreter, which writes
# their peak (theirs and their workers') to the file named in its first argument.
_LAUNCH = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:], stdin=sys.stdin)
with open(sys.argv[1], "w") as out:
    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


def child(
    args: list[str],
    *,
    timeout: float | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    rss: bool = False,
) -> tuple[float, float, int]:
    """Run a process: (seconds, peak RSS in MiB of it or its largest descendant, exit code).
    The peak is measured only with rss=True (the launcher that measures it adds its own start
    to the time, so latencies are measured without it); otherwise, and when a timeout killed
    the process, it is nan. A timeout returns the timeout as the time, with exit code -9."""
    if not rss:
        elapsed, code = _run_child(args, args, timeout, stdin, env)
        return elapsed, float("nan"), code
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as peak:
        elapsed, code = _run_child([PYTHON, "-c", _LAUNCH, peak.name, *args], args, timeout, stdin, env)
        measured = peak.read().strip()
    return elapsed, int(measured) / 1024 if measured else float("nan"), code


def _run_child(
    args: list[str], shown: list[str], timeout: float | None, stdin: str | None, env: dict[str, str] | None
) -> tuple[float, int]:
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as errors:  # a file, not a pipe: a chatty child never blocks
        proc = subprocess.Popen(
            args,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            text=True,
            env={**os.environ, **(env or {})},
            start_new_session=True,
        )
        if stdin is not None:
            assert proc.stdin is not None
            proc.stdin.write(stdin)
            proc.stdin.close()
        deadline = None if timeout is None else started + timeout
        while True:
            pid, status, _ = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                os.killpg(proc.pid, 9)
                os.wait4(proc.pid, 0)
                proc.returncode = -9
                return timeout or 0.0, -9
            time.sleep(0.01)
        elapsed = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            errors.seek(0)
            print(f"    ! {' '.join(shown[:3])} exited {code}: {errors.read()[-400:]}", flush=True)
        proc.returncode = code  # reaped here, so Popen must not wait again
    return elapsed, code


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def data_file(out: Path, n: int, liar: Path | None) -> tuple[Path, bool]:
    """The tier's CSV (generated once per size and source); whether LIAR went into it."""
    has_liar = bool(liar and liar.is_file())
    path = out / f"statements-{n}-{'liar' if has_liar else 'synthetic'}.csv"
    if not path.exists():
        started = time.perf_counter()
        corpus = datagen.write_csv(path, n, liar_path=liar if has_liar else None)
        print(
            f"  generated {path.name} in {time.perf_counter() - started:.1f} s: {dict(corpus.kinds)}",
            flush=True,
        )
    return path, has_liar


# --- 1. import ---------------------------------------------------------------------------------


def raw_insert(rows: list[tuple[str, ...]], path: Path) -> float:
    """Seconds for plain executemany of the rows into one table in one WAL transaction."""
    remove_db(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"CREATE TABLE t ({', '.join(datagen.COLUMNS)})")
    marks = ", ".join("?" for _ in datagen.COLUMNS)
    started = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO t VALUES ({marks})", rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def import_in_process(csv_path: Path, db_path: Path) -> float:
    from tracker.export import read_statements
    from tracker.store import add_statements, open_db

    remove_db(db_path)
    db = open_db(db_path)
    started = time.perf_counter()
    add_statements(db, read_statements(str(csv_path), "csv"))
    elapsed = time.perf_counter() - started
    db.conn.close()
    return elapsed


def bench_import(report: Report, tier: str, n: int, csv_path: Path, out: Path, runs: int) -> Path:
    rows = datagen.read_rows(csv_path)
    raw = statistics.median(raw_insert(rows, out / "raw.db") for _ in range(runs))
    raw_rate = n / raw
    del rows
    db_path = out / f"tracker-{tier}.db"
    in_runs = runs if n <= 100_000 else 1
    ours = (
        median_time(lambda: import_in_process(csv_path, db_path), 1)
        if in_runs == 1
        else statistics.median(import_in_process(csv_path, db_path) for _ in range(in_runs))
    )
    rate = n / ours
    report.add(
        f"{tier} import, in-process (rows/s, median of {in_runs})",
        f"{rate:,.0f}",
        "≥ 0.5× raw",
        f"raw executemany {raw_rate:,.0f}",
        f"{rate / raw_rate:.3f}×",
        met(rate >= 0.5 * raw_rate),
    )
    remove_db(db_path)
    seconds, rss, code = child(
        [TRACKER, "import", str(csv_path), "--no-link", "--db", str(db_path)], rss=True
    )
    whole = n / seconds
    report.add(
        f"{tier} import, whole `tracker import --no-link` (rows/s)",
        f"{whole:,.0f}",
        "≥ 0.5× raw",
        f"raw {raw_rate:,.0f}",
        f"{whole / raw_rate:.3f}×",
        met(whole >= 0.5 * raw_rate and code == 0),
    )
    report.add(f"{tier} import peak RSS (MiB, largest process)", f"{rss:,.0f}", "flat in file size")
    seconds2, _, _ = child([TRACKER, "import", str(csv_path), "--no-link", "--db", str(db_path)])
    report.add(
        f"{tier} re-import of the same file (s, adds nothing)",
        f"{seconds2:.1f}",
        "",
        f"first import {seconds:.1f} s",
        f"{seconds2 / seconds:.2f}×",
    )
    return db_path


# --- 2. link ------------------------------------------------------------------------------------


def have_linker() -> bool:
    return (ROOT / "tracker" / "link").exists()


_RELINK = """
import sys, time
from tracker.store import open_db
from tracker.link import relink_all
db = open_db(sys.argv[1])
started = time.perf_counter()
log = open(sys.argv[2], "w", buffering=1)  # line-buffered: read even if the run is stopped
last = ["", -1.0]
def progress(done, total, stage):
    seconds = time.perf_counter() - started
    if stage != last[0] or seconds - last[1] >= 5 or done == total:
        last[:] = stage, seconds
        log.write(f"stopped at {stage} ({done:,}/{total:,}) after {seconds:.0f} s\\n")
stats = relink_all(db, progress=progress)
log.write(f"{stats.timings()}; {stats.candidates:,} candidates, {stats.judged:,} judged\\n")
"""


def _last_line(path: Path) -> str:
    lines = path.read_text().splitlines() if path.exists() else []
    return lines[-1] if lines else "stopped while preparing (reading, analysing)"


def bench_link(report: Report, tier: str, n: int, db_path: Path, timeout: float, profile: bool) -> bool:
    if not have_linker():
        report.add(f"{tier} link", "not measured: no linker")
        return False
    target = {10_000: None, 100_000: 60.0, 1_000_000: 900.0}.get(n)
    linked = db_path.with_name(db_path.stem + "-linked.db")
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{db_path}{suffix}").exists():
            shutil.copy(f"{db_path}{suffix}", f"{linked}{suffix}")
    stages = linked.with_suffix(".stages")
    stages.unlink(missing_ok=True)  # a run stopped before it wrote must not show the last one's
    seconds, rss, code = child([PYTHON, "-c", _RELINK, str(linked), str(stages)], timeout=timeout, rss=True)
    if code == -9:
        report.add(
            f"{tier} full link, relink_all whole process (s)",
            f"> {timeout:.0f} (stopped)",
            f"≤ {target:.0f} s" if target else "",
            "",
            "",
            met(False) if target else "",
        )
        report.add(f"{tier} link: how far it got", _last_line(stages))
        if profile:
            profile_link(report, tier, linked)
        return False
    report.add(
        f"{tier} full link, relink_all whole process (s)",
        f"{seconds:.1f}",
        f"≤ {target:.0f} s" if target else "",
        "",
        "",
        met(seconds <= target) if target else "",
    )
    report.add(f"{tier} link stages", _last_line(stages))
    report.add(
        f"{tier} link peak RSS (MiB)",
        f"{rss:,.0f}",
        "≤ 1,024" if n >= 1_000_000 else "",
        "",
        "",
        met(rss <= 1024) if n >= 1_000_000 else "",
    )
    if profile and seconds > (target or 1e9):
        profile_link(report, tier, linked)
    return True


def profile_link(report: Report, tier: str, db_path: Path) -> None:
    """Where link time goes: blocking all statements, then relate() on a sample of the pairs."""
    from tracker import link
    from tracker.judge import relate
    from tracker.store import open_db

    db = open_db(db_path)
    texts = link._texts(db)
    started = time.perf_counter()
    pairs = sorted(link.block_candidates(texts))
    blocking = time.perf_counter() - started
    sample = random.Random(1).sample(pairs, min(3000, len(pairs)))
    limits = link.thresholds(db)
    started = time.perf_counter()
    for a, b in sample:
        relate(texts[a], texts[b], related_threshold=limits.suggest)
    per_pair = (time.perf_counter() - started) / max(1, len(sample))
    report.add(f"{tier} link profile: blocking (s)", f"{blocking:.1f}", "", "", "", f"{len(pairs):,} pairs")
    report.add(
        f"{tier} link profile: relate on candidate pairs",
        f"{1 / per_pair:,.0f} pairs/s",
        "",
        "",
        "",
        f"≈ {len(pairs) * per_pair:,.0f} s for all",
    )


def brute_force_recall(report: Report, tier: str, db_path: Path, sample_size: int) -> None:
    """Of the pairs of a random sample that brute force finds related above the link threshold,
    the share that blocked linking stored. Brute force judges every pair of the sample as the
    linker does (bench_link.brute_force: the exact pre-filter, then relate)."""
    import bench_link

    from tracker.store import open_db

    linked = db_path.with_name(db_path.stem + "-linked.db")
    started = time.perf_counter()
    truth, ids = bench_link.brute_force(linked, sample_size, os.cpu_count() or 1)
    result = bench_link.bounded_recall(open_db(linked), truth, ids, time.perf_counter() - started)
    report.add(
        f"{tier} link recall vs brute force ({len(ids):,} sample)",
        result.describe(),
        "≥ 98 %",
        f"all {len(ids) * (len(ids) - 1) // 2:,} pairs judged in {result.seconds:.0f} s",
        "",
        met(result.share >= 0.98),
    )


def one_by_one_recall(report: Report, tier: str, db_path: Path, sample_size: int = 1000) -> None:
    """Of the links exact batch linking stored for a sample of statements, the share that
    linking them one at a time finds (what `tracker add` does: FTS candidates, then relate)."""
    from tracker import link
    from tracker.judge import relate
    from tracker.store import open_db

    db = open_db(db_path.with_name(db_path.stem + "-linked.db"))
    partners: dict[int, dict[int, float]] = {}
    for a, b, score in db.execute("SELECT a_id, b_id, score FROM links"):
        partners.setdefault(a, {})[b] = partners.setdefault(b, {})[a] = score
    ids = [r[0] for r in db.execute("SELECT id FROM statements")]
    chosen = random.Random(5).sample(ids, min(sample_size, len(ids)))
    texts = link._texts(db)
    limits = link.thresholds(db)
    df = link._DocFrequency(db)
    found = {"all": [0, 0], "≥ 60": [0, 0]}
    for sid in chosen:
        linked = set()
        for other, _ in link.fts_candidates(db, texts[sid], exclude=sid, df=df):
            a, b = sorted((sid, other))
            judgement = relate(texts[a], texts[b], related_threshold=limits.suggest)
            if judgement.relation in link._STORED and judgement.score >= limits.suggest:
                linked.add(other)
        for other, score in partners.get(sid, {}).items():
            for kind in ("all", "≥ 60") if score >= 60 else ("all",):
                found[kind][0] += other in linked
                found[kind][1] += 1
    share = {kind: hit / total if total else 1.0 for kind, (hit, total) in found.items()}
    report.add(
        f"{tier} one-by-one linking (add) finds, of the batch links of {len(chosen)} statements",
        f"{100 * share['all']:.1f} % (of those scoring ≥ 60: {100 * share['≥ 60']:.1f} %)",
    )


# --- 3-5. add, similar, relate, start-up ---------------------------------------------------------


def bench_add(report: Report, tier: str, db_path: Path, runs: int) -> None:
    target = "p50 ≤ 300 ms" if tier != "10k" else ""
    rng = random.Random(9)
    times = []
    for i in range(max(runs, 3) * 3):
        text = f"The minister said {rng.randint(2, 900)} troops left the border post {i} today."
        seconds, _, _ = child([TRACKER, "add", text, "--speaker", "Ishaq Dar", "--db", str(db_path)])
        times.append(seconds)
    base = statistics.median(child([PYTHON, "-c", "pass"])[0] for _ in range(3))
    p50, p95 = statistics.median(times), sorted(times)[int(0.95 * (len(times) - 1))]
    report.add(
        f"{tier} `tracker add` whole process, with linking (ms p50/p95, n={len(times)})",
        f"{1000 * p50:.0f} / {1000 * p95:.0f}",
        target,
        f"python -c pass {1000 * base:.0f} ms",
        f"{p50 / base:.1f}×",
        met(p50 <= 0.3) if target else "",
    )


def bench_similar(report: Report, tier: str, db_path: Path) -> None:
    if not have_linker():
        report.add(f"{tier} similar", "not measured: no linker")
        return
    from tracker import search
    from tracker.store import fts_query, open_db

    db = open_db(db_path)
    rows = db.execute("SELECT text FROM statements ORDER BY random() LIMIT 30").fetchall()
    times = []
    for (text,) in rows:
        started = time.perf_counter()
        search.similar(db, text, limit=10)
        times.append(time.perf_counter() - started)
    base = []
    for (text,) in rows[:10]:  # FTS5 query of the 5 first words, as a floor for retrieval
        started = time.perf_counter()
        db.execute(
            "SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? LIMIT 50",
            [fts_query(" ".join(text.split()[:5]), operator="OR")],
        ).fetchall()
        base.append(time.perf_counter() - started)
    p50, p95 = statistics.median(times), sorted(times)[int(0.95 * (len(times) - 1))]
    report.add(
        f"{tier} similar in-process (ms p50/p95, n={len(times)})",
        f"{1000 * p50:.0f} / {1000 * p95:.0f}",
        "p50 ≤ 100 ms at 1M",
        f"FTS 5-word OR query {1000 * statistics.median(base):.1f} ms",
        f"{p50 / statistics.median(base):.0f}×",
        met(p50 <= 0.1),
    )


def bench_relate(report: Report, runs: int) -> None:
    import bench_relate
    from rapidfuzz import fuzz

    from tracker.judge import relate

    pairs = bench_relate.make_pairs(2000)
    baseline = bench_relate.rate(fuzz.token_set_ratio, pairs, runs)
    ours = bench_relate.rate(relate, pairs, runs)
    report.add(
        f"relate (pairs/s, median of {runs}, one core)",
        f"{ours:,.0f}",
        f"≥ {bench_relate.TARGET:,.0f}",
        f"token_set_ratio {baseline:,.0f}",
        f"{ours / baseline:.4f}×",
        met(ours >= bench_relate.TARGET),
    )


def bench_startup(report: Report, db_path: Path | None, runs: int) -> None:
    n = max(5, runs)
    base = statistics.median(child([PYTHON, "-c", "pass"])[0] for _ in range(n))
    helps = statistics.median(child([TRACKER, "--help"])[0] for _ in range(n))
    report.add(
        f"`tracker --help` (ms, median of {n})",
        f"{1000 * helps:.0f}",
        "≤ 300 ms",
        f"python -c pass {1000 * base:.0f} ms",
        f"{helps / base:.1f}×",
        met(helps <= 0.3),
    )
    if db_path is not None:
        listed = statistics.median(
            child([TRACKER, "list", "--limit", "10", "--json", "--db", str(db_path)])[0] for _ in range(n)
        )
        report.add(
            f"`tracker list --limit 10` on the largest DB (ms, median of {n})",
            f"{1000 * listed:.0f}",
            "",
            f"python -c pass {1000 * base:.0f} ms",
            f"{listed / base:.1f}×",
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--tier",
        action="append",
        choices=list(TIERS),
        help="10k, 100k or 1m (repeatable; default: 10k and 100k)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per cheap measurement (median)")
    parser.add_argument("--liar", type=Path, default=datagen.DEFAULT_LIAR)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument(
        "--link-timeout", type=float, default=120.0, help="stop a full link after this many seconds"
    )
    parser.add_argument(
        "--profile-link",
        action="store_true",
        help="when a link misses its target, time blocking and relate apart (slow)",
    )
    parser.add_argument("--recall-sample", type=int, default=10_000)
    args = parser.parse_args()
    tiers = args.tier or ["10k", "100k"]
    args.out.mkdir(parents=True, exist_ok=True)
    report = Report()
    print(
        f"tracker benchmarks: tiers {', '.join(tiers)}; {os.cpu_count()} cores; "
        f"medians of {args.runs} where cheap",
        flush=True,
    )
    bench_relate(report, args.runs)
    last_db = None
    for tier in tiers:
        n = TIERS[tier]
        print(f"\n== tier {tier}", flush=True)
        csv_path, has_liar = data_file(args.out, n, args.liar)
        if not has_liar:
            print(f"  LIAR not found at {args.liar}: synthetic statements only", flush=True)
        db_path = bench_import(report, tier, n, csv_path, args.out, args.runs)
        if bench_link(report, tier, n, db_path, args.link_timeout, args.profile_link):
            brute_force_recall(report, tier, db_path, args.recall_sample)
            one_by_one_recall(report, tier, db_path)
        bench_similar(report, tier, db_path)
        bench_add(report, tier, db_path, args.runs)
        last_db = db_path
    bench_startup(report, last_db, args.runs)
    print("\n" + report.table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
