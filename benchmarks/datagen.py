"""Deterministic benchmark statements: real LIAR claims, reworded and negated copies, and
synthetic English-like claims, written as an import CSV.

LIAR (../shared/data/liar/train.tsv) gives real texts, speakers and a realistic vocabulary;
when it is absent every row is synthetic and `Corpus.liar` is False so reports can say so.
Nothing here is written into the repository: callers pass a temp or benchmarks/out/ path.
"""

from __future__ import annotations

import csv
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TIERS = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}  # the benchmark sizes

DEFAULT_LIAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "liar" / "train.tsv"
COLUMNS = ["text", "speaker", "role", "affiliation", "source", "url", "said_on", "tags", "ref"]

_FIRST = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Ahmed Priya Wei Olga Carlos "
    "Fatima Hiroshi Amara Ivan Lucia"
).split()
_LAST = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez "
    "Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson "
    "White Harris Sanchez Clark Ramirez Lewis Robinson Khan Singh Chen Ivanova Okafor "
    "Tanaka Rossi Muller Novak Haddad"
).split()
_OUTLETS = [
    f"{a}{b}.example"
    for a in (
        "daily",
        "morning",
        "city",
        "national",
        "global",
        "metro",
        "valley",
        "capital",
        "coast",
        "union",
    )
    for b in ("news", "post", "times", "herald", "wire", "journal", "record", "tribune", "gazette", "ledger")
]
_SYNTHETIC_WORDS = (
    "government budget tax jobs health care insurance schools teachers police border security "
    "energy oil gas coal climate emissions wages workers unemployment inflation prices rent "
    "housing immigrants voters election ballots senate congress governor mayor city state "
    "county federal spending deficit debt billion million percent rate crime prison drugs "
    "military troops veterans war ceasefire missiles talks treaty trade tariffs farmers water "
    "roads bridges transit airport hospital doctors nurses medicare medicaid pension social "
    "security abortion guns law court judge ruling vote bill plan program funding cuts increase "
    "decrease doubled tripled record highest lowest since last year decade first ever never"
).split()
# rewordings that keep the claim: word swaps a reporter would make
_SWAPS = {
    "said": "stated",
    "says": "claims",
    "increase": "rise",
    "increased": "rose",
    "more": "over",
    "than": "than",
    "voted": "cast a vote",
    "percent": "per cent",
    "million": "mn",
    "supports": "backs",
    "cut": "slashed",
    "jobs": "positions",
    "people": "residents",
    "government": "administration",
    "tax": "levy",
    "largest": "biggest",
    "never": "not once",
    "nearly": "almost",
    "about": "roughly",
}
_AUX = re.compile(r"\b(is|are|was|were|will|has|have|had|can|does|did)\b")


@dataclass
class Corpus:
    """Where the rows came from; `liar` is False when the LIAR file was not found."""

    liar: bool
    rows: int = 0
    kinds: Counter[str] = field(default_factory=Counter)


def load_liar(path: Path | None) -> list[list[str]]:
    """LIAR rows (TSV, no header, quoting off); [] when the file is absent."""
    if path is None or not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            row
            for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            if len(row) >= 8 and row[2].strip()
        ]


def _speaker_name(slug: str) -> str:
    return " ".join(part.capitalize() for part in slug.split("-") if part) or "Unknown"


def reword(text: str, rng: random.Random) -> str:
    """The same claim in slightly different words (swaps, a dropped word, a lead-in)."""
    words = text.split()
    out = [_SWAPS.get(w.lower(), w) if rng.random() < 0.6 else w for w in words]
    if len(out) > 8 and rng.random() < 0.5:
        del out[rng.randrange(1, len(out) - 1)]
    lead = rng.choice(["", "", "Reportedly, ", "As stated, ", "Officials say "])
    return lead + " ".join(out)


def negate(text: str, rng: random.Random) -> str:
    """The opposite claim: 'not' after the first auxiliary, else a denial lead-in."""
    if _AUX.search(text) and rng.random() < 0.7:
        return _AUX.sub(lambda m: f"{m.group(1)} not", text, count=1)
    return (
        rng.choice(["It is false that ", "There is no truth to the claim that ", "Denied that "])
        + text[:1].lower()
        + text[1:]
    )


class _Synthetic:
    """English-like claims drawn from a Zipf-weighted vocabulary (LIAR's, when present)."""

    def __init__(self, rng: random.Random, liar_texts: list[str]):
        counts: Counter[str] = Counter()
        for text in liar_texts:
            counts.update(w for w in re.findall(r"[A-Za-z][a-z']+", text) if len(w) > 1)
        vocabulary = [w for w, _ in counts.most_common(12_000)] or list(_SYNTHETIC_WORDS)
        if len(vocabulary) < 2_000:  # no LIAR: grow a vocabulary of pseudo-words
            syllables = [
                "ka",
                "lo",
                "mi",
                "ren",
                "tor",
                "va",
                "sel",
                "dun",
                "pri",
                "mo",
                "gra",
                "nel",
                "ost",
                "ul",
                "ber",
                "tan",
                "fi",
                "zo",
                "que",
                "lin",
            ]
            seen = set(vocabulary)
            while len(vocabulary) < 8_000:
                word = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
                if word not in seen:
                    seen.add(word)
                    vocabulary.append(word)
        self.words = vocabulary
        self.weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(vocabulary))]
        self.rng = rng

    def claim(self) -> str:
        n = self.rng.randint(10, 40)
        words = self.rng.choices(self.words, self.weights, k=n)
        if self.rng.random() < 0.3:  # numbers are what contradictions are made of
            words.insert(self.rng.randrange(n), str(self.rng.choice([3, 12, 40, 250, 1_000, 2_500_000])))
        return (" ".join(words).capitalize() + ".").replace("  ", " ")


def generate(
    n: int, *, seed: int = 42, liar_path: Path | None = DEFAULT_LIAR, corpus: Corpus | None = None
) -> Iterator[dict[str, Any]]:
    """`n` import records: ~30 % LIAR (capped by its size), ~10 % reworded, ~5 % negated
    copies of earlier rows, the rest synthetic (a fifth of those are variants of earlier
    synthetic claims so that large tiers still have things to link)."""
    rng = random.Random(seed)
    liar = load_liar(liar_path)
    if corpus is not None:
        corpus.liar = bool(liar)
    rng.shuffle(liar)
    synthetic = _Synthetic(rng, [row[2] for row in liar])
    speakers = [(_speaker_name(r[4]), r[5] or None, r[6] or None) for r in liar]
    n_people = max(200, n // 100)  # a newsroom DB: ~100 statements per speaker on average
    for _ in range(n_people):
        speakers.append((f"{rng.choice(_FIRST)} {rng.choice(_LAST)}{rng.randint(1, 99_999)}", None, None))
    originals = liar[: int(n * 0.3)]
    recent: list[str] = []  # earlier texts that copies are made from (bounded)
    for i in range(n):
        roll = rng.random()
        ref = None
        if i < len(originals) * 2 and i % 2 == 0 and i // 2 < len(originals):
            row = originals[i // 2]
            text, speaker = row[2], (_speaker_name(row[4]), row[5] or None, row[6] or None)
            tags, ref, kind = row[3].replace(",", ";"), f"liar:{row[0]}", "liar"
        else:
            speaker = rng.choice(speakers)
            tags, kind = rng.choice(["", "economy", "health;budget", "immigration", "war"]), "synthetic"
            if recent and roll < 0.2:
                text, kind = reword(rng.choice(recent), rng), "reworded"
            elif recent and roll < 0.3:
                text, kind = negate(rng.choice(recent), rng), "negated"
            else:
                text = synthetic.claim()
        if kind in ("liar", "synthetic"):
            if len(recent) < 50_000:
                recent.append(text)
            else:
                recent[rng.randrange(len(recent))] = text
        outlet = rng.choice(_OUTLETS)
        if corpus is not None:
            corpus.rows += 1
            corpus.kinds[kind] += 1
        yield {
            "text": text,
            "speaker": speaker[0],
            "role": speaker[1],
            "affiliation": speaker[2],
            "source": outlet,
            "url": f"https://{outlet}/a/{rng.randrange(max(1, n // 500))}",
            "said_on": f"{rng.randint(2007, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "tags": tags,
            "ref": ref,
        }


def write_csv(path: Path, n: int, *, seed: int = 42, liar_path: Path | None = DEFAULT_LIAR) -> Corpus:
    """Write `n` generated rows as an import CSV; returns what went into it."""
    corpus = Corpus(liar=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for record in generate(n, seed=seed, liar_path=liar_path, corpus=corpus):
            writer.writerow([record[c] or "" for c in COLUMNS])
    return corpus


def read_rows(path: Path) -> list[tuple[str, ...]]:
    """The CSV's data rows as tuples (for the raw executemany baseline)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        return [tuple(row) for row in reader]
