"""The semantic extra's encoder: all-MiniLM-L6-v2 in numpy, checked against the published model."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from tracker.semantic import encoder as enc


@pytest.fixture(scope="session")
def model() -> Any:
    """The model, loaded once for the whole session (as a process loads it once)."""
    return enc.encoder()


def test_a_sentence_gets_the_published_vector(model) -> None:
    # sentence-transformers' all-MiniLM-L6-v2 gives this sentence 0.06766, 0.06350, 0.04871,
    # 0.07930, 0.03745 (the model card's example); a wrong forward pass would not
    vector = model.encode(["This is an example sentence"])[0]
    assert vector.dtype == np.float32
    assert vector.shape == (384,)
    assert [round(float(x), 4) for x in vector[:5]] == [0.0677, 0.0635, 0.0487, 0.0793, 0.0374]
    assert float(np.linalg.norm(vector)) == pytest.approx(1.0, abs=1e-6)


def test_paraphrases_score_above_unrelated_sentences(model) -> None:
    truce, asked, flood = model.encode(
        [
            "Islamabad never asked for a truce.",
            "Pakistan did not request a ceasefire.",
            "Heavy rain flooded the coastal highway near the port city overnight.",
        ]
    )
    paraphrase = enc.cosine(truce, asked)
    unrelated = enc.cosine(truce, flood)
    assert paraphrase > 0.6
    assert unrelated < 0.2
    assert paraphrase > unrelated + 0.4


def test_batching_gives_the_vectors_of_one_text_at_a_time(model) -> None:
    texts = [
        "Pakistan shot down six Indian jets.",
        "The attack killed 12 civilians in the market on Friday morning, officials said.",
        "No.",
        "Washington brokered the deal between the two neighbours after days of talks.",
        "India denied claims that its missiles had struck targets in Afghanistan",
    ]
    together = model.encode(texts, batch=4)
    alone = np.vstack([model.encode([t])[0] for t in texts])
    np.testing.assert_allclose(together, alone, atol=1e-5)


def test_a_long_text_is_cut_at_256_tokens(model) -> None:
    words = ("the ministry said that the talks would resume next week in Geneva " * 40).split()
    long_text = " ".join(words)  # 480 words: far past 256 tokens
    longer = long_text + " and then the power plant exploded"
    ids = model.token_ids([long_text])[0]
    assert len(ids) == enc.MAX_TOKENS
    assert (ids[0], ids[-1]) == (101, 102)  # [CLS] … [SEP]
    first, second = model.encode([long_text, longer])
    np.testing.assert_allclose(first, second, atol=1e-6)  # what lies past the cut is not read


def test_an_empty_list_gives_no_rows(model) -> None:
    assert model.encode([]).shape == (0, 384)


def test_the_module_level_encode_uses_one_loaded_model(model) -> None:
    assert enc.encoder() is model
    np.testing.assert_allclose(enc.encode(["No."])[0], model.encode(["No."])[0], atol=1e-7)


def test_cosine_of_a_zero_vector_is_zero() -> None:
    zero = np.zeros(384, dtype=np.float32)
    assert enc.cosine(zero, zero) == 0.0
