"""Sentence vectors kept in the ledger, and the nearest neighbours they give.

A vector is stored once per statement (or recorded claim) and model, with a digest of the
text it was computed from: an edited text no longer matches its digest and is encoded again;
everything else is read back, never encoded twice. Whether a ledger uses them is its setting
`semantic` (off by default: installing a package must not change a ledger's verdicts).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlite_utils import Database

from tracker.model import InvalidInput
from tracker.semantic.errors import require_extra

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from tracker.link.config import Progress

SETTING = "semantic"
TABLE = "semantic_vectors"
STATEMENT = "statement"
CLAIM = "claim"
ENCODE_CHUNK = 256  # texts encoded between two progress reports (and written together)
NEIGHBOUR_CHUNK = 512  # rows of the similarity matrix computed at once: 512 × 100k floats = 200 MB
_ON = {
    "on": True,
    "off": False,
    "true": True,
    "false": False,
    "yes": True,
    "no": False,
    "1": True,
    "0": False,
}


def enabled(db: Database) -> bool:
    """Whether this ledger judges with meaning as well as words (setting `semantic`)."""
    from tracker.store import get_setting

    return get_setting(db, SETTING) == "on"


def set_enabled(db: Database, raw: str) -> bool:
    """Turn the semantic layer on or off; on needs the extra installed (nothing is written
    otherwise)."""
    from tracker.store import set_setting

    value = _ON.get(raw.strip().casefold())
    if value is None:
        raise InvalidInput(f"{SETTING} must be on or off, not {raw!r}")
    if value:
        require_extra()
    set_setting(db, SETTING, "on" if value else "off")
    return value


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def vectors(
    db: Database,
    owner: str,
    texts: dict[int, str],
    *,
    progress: Progress | None = None,
    prune: bool = False,
) -> tuple[list[int], NDArray[np.float32]]:
    """(ids, one unit vector a row) of `texts` (id -> text), in id order: stored vectors whose
    digest matches are read, the others are encoded and stored. With `prune`, stored vectors
    of `owner` whose id is not in `texts` (deleted statements) are removed."""
    import numpy as np

    from tracker.semantic.encoder import DIMENSIONS, MODEL_NAME, encode
    from tracker.store import write_transaction

    ids = sorted(texts)
    stored: dict[int, tuple[str, bytes]] = {
        int(r[0]): (r[1], r[2])
        for r in db.execute(
            f"SELECT owner_id, digest, vector FROM {TABLE} WHERE owner = ? AND model = ?", [owner, MODEL_NAME]
        )
    }
    matrix = np.zeros((len(ids), DIMENSIONS), dtype=np.float32)
    missing: list[int] = []
    for row, sid in enumerate(ids):
        known = stored.get(sid)
        if known is not None and known[0] == digest(texts[sid]):
            matrix[row] = np.frombuffer(known[1], dtype=np.float32)
        else:
            missing.append(row)
    gone = [(owner, sid, MODEL_NAME) for sid in stored if sid not in texts] if prune else []
    if missing and progress is not None:
        progress(0, len(missing), f"encoding {owner}s")
    for start in range(0, len(missing), ENCODE_CHUNK):
        rows = missing[start : start + ENCODE_CHUNK]
        encoded = encode([texts[ids[r]] for r in rows])
        matrix[rows] = encoded
        with write_transaction(db):
            db.conn.executemany(
                f"INSERT OR REPLACE INTO {TABLE} (owner, owner_id, model, digest, vector) VALUES (?, ?, ?, ?, ?)",
                [
                    (owner, ids[r], MODEL_NAME, digest(texts[ids[r]]), vector.tobytes())
                    for r, vector in zip(rows, encoded, strict=True)
                ],
            )
        if progress is not None:
            progress(min(start + ENCODE_CHUNK, len(missing)), len(missing), f"encoding {owner}s")
    if gone:
        with write_transaction(db):
            db.conn.executemany(f"DELETE FROM {TABLE} WHERE owner = ? AND owner_id = ? AND model = ?", gone)
    return ids, matrix


def neighbours(
    ids: Sequence[int],
    matrix: NDArray[np.float32],
    focus: Sequence[int] | None,
    k: int,
    floor: float,
) -> dict[tuple[int, int], float]:
    """(a, b) with a < b -> cosine, for each statement of `focus` (default all) and its k
    nearest others whose cosine is at least `floor`. The similarity matrix is computed
    NEIGHBOUR_CHUNK rows at a time, so memory stays bounded however many statements there are."""
    import numpy as np

    found: dict[tuple[int, int], float] = {}
    if len(ids) < 2 or k <= 0:
        return found
    position = {sid: row for row, sid in enumerate(ids)}
    rows = list(range(len(ids))) if focus is None else [position[s] for s in focus if s in position]
    for start in range(0, len(rows), NEIGHBOUR_CHUNK):
        chunk = rows[start : start + NEIGHBOUR_CHUNK]
        similarity = matrix[chunk] @ matrix.T
        similarity[np.arange(len(chunk)), chunk] = -1.0  # not its own neighbour
        # only the few above the floor are ranked (a full sort of every row is what costs)
        at, columns = np.nonzero(similarity >= floor)
        counts = np.bincount(at, minlength=len(chunk))
        starts = np.concatenate([[0], np.cumsum(counts)])
        for i in np.nonzero(counts)[0]:
            near = columns[starts[i] : starts[i + 1]]
            if len(near) > k:
                near = near[np.argsort(-similarity[i, near], kind="stable")[:k]]
            a = ids[chunk[i]]
            for column in near:
                b = ids[int(column)]
                found[(a, b) if a < b else (b, a)] = round(float(similarity[i, column]), 4)
    return found


def pair_cosines(
    ids: Sequence[int], matrix: NDArray[np.float32], pairs: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], float]:
    """Cosine of each given pair (both ids among `ids`)."""
    import numpy as np

    position = {sid: row for row, sid in enumerate(ids)}
    known = [(a, b) for a, b in pairs if a in position and b in position]
    if not known:
        return {}
    left = matrix[[position[a] for a, _ in known]]
    right = matrix[[position[b] for _, b in known]]
    values = np.einsum("ij,ij->i", left, right)
    return {pair: round(float(v), 4) for pair, v in zip(known, values, strict=True)}


def semantic_settings(db: Database) -> list[dict[str, object]]:
    """The semantic layer's setting with its value, default and meaning (as the others are listed)."""
    return [
        {
            "key": SETTING,
            "value": "on" if enabled(db) else "off",
            "default": "off",
            "description": "judge by meaning too: sentence vectors (pip install 'tracker[semantic]')",
        }
    ]
