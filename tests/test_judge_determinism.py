"""relate() gives the same judgement, to the last decimal and the reason's words, whatever
PYTHONHASHSEED is: sets iterate in an order the hash seed picks, and none of that order may
reach a score or a reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Each pair varied at relate-7 between the seeds below: which antonym a reason named (a word
# with two antonyms on the other side), or a score 0.1 apart (weights summed in a set's order
# and rounded at a tie).
PAIRS = [
    ("The journalist was freed on Monday", "The journalist was detained in captivity on Monday"),
    ("Rebels captured the town", "Rebels lost the town and had to escape"),
    (
        "The blast in Karachi was a gas leak that the dam upstream",
        "The climate summit will be held in Belém that the dam upstream",
    ),
    (
        "Ukrainian forces blew up the Kakhovka dam ruled that",
        "Nairobi opened an investigation into the ferry sinking ruled that",
    ),
]
SEEDS = ("1", "4", "5")

_SCRIPT = """
import json, sys
from tracker import relate
for a, b in json.loads(sys.argv[1]):
    j = relate(a, b)
    print(json.dumps([j.relation.value, j.score, [[r.code, r.detail] for r in j.reasons]]))
"""


def _judged_with_seed(seed: str) -> list[list[object]]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, json.dumps(PAIRS)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_relate_judges_alike_under_every_hash_seed() -> None:
    expected = [
        # 67.5 since words11: "captivity" is the prisoner concept, as "detained" is arrest
        ["contradicts", 67.5, [["antonym", "'freed' in a vs 'captivity' in b"], ["similarity", "68/100"]]],
        ["contradicts", 63.1, [["antonym", "'captured' in a vs 'escape' in b"], ["similarity", "63/100"]]],
        ["agrees", 26.7, [["similarity", "27/100"]]],  # 26.7 since words11: "held" is "hold"
        ["unrelated", 7.7, [["similarity", "8/100"]]],  # 7.7: "blew" is "blow", "investigation" "investigate"
    ]
    for seed in SEEDS:
        assert _judged_with_seed(seed) == expected, f"PYTHONHASHSEED={seed}"
