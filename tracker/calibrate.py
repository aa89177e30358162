"""Running relate over a labelled file of pairs: the numbers behind `tracker eval`."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from tracker.model import InvalidInput, Relation

LABELLED_FORMATS = ("csv", "tsv")


def parse_mapping(text: str | None) -> dict[str, str]:
    """ "for=agrees,against=contradicts" -> {"for": "agrees", ...}; values must be relations."""
    if not text:
        return {}
    mapping: dict[str, str] = {}
    for part in text.split(","):
        label, sep, relation = part.partition("=")
        label, relation = label.strip(), relation.strip().lower()
        if not sep or not label:
            raise InvalidInput(f"invalid --map entry {part.strip()!r}: write LABEL=RELATION")
        if relation not in Relation.values():
            raise InvalidInput(
                f"invalid relation {relation!r} in --map: use one of {', '.join(Relation.values())}"
            )
        mapping[label] = relation
    return mapping


def labelled_format(path: str, fmt: str | None) -> str:
    if fmt is None:
        suffix = Path(path).suffix.lower().lstrip(".") if path != "-" else "csv"
        fmt = "tsv" if suffix in ("tsv", "tab") else suffix
    if fmt not in LABELLED_FORMATS:
        raise InvalidInput(f"cannot tell the format of {path}: use --format csv or --format tsv")
    return fmt


PHENOMENON = "phenomenon"  # the optional column naming what each row tests


def read_pairs(
    path: str, *, a: str, b: str, label: str, mapping: dict[str, str], fmt: str | None = None
) -> list[tuple[str, str, str, str]]:
    """(text a, text b, gold relation, phenomenon) rows; a missing column or unmapped label is
    an error. The phenomenon is the row's PHENOMENON column, "" when the file has none."""
    from tracker.export import read_text

    chosen = labelled_format(path, fmt)
    name = "stdin" if path == "-" else path
    text = read_text(path, what="labelled file")
    csv.field_size_limit(10**8)
    reader = csv.DictReader(io.StringIO(text), delimiter="\t" if chosen == "tsv" else ",")
    columns = reader.fieldnames or []
    for wanted in (a, b, label):
        if wanted not in columns:
            raise InvalidInput(f"{name} has no column {wanted!r} (columns: {', '.join(columns) or 'none'})")
    pairs = []
    for number, row in enumerate(reader, start=2):
        raw = (row.get(label) or "").strip()
        gold = mapping.get(raw, raw if raw in Relation.values() else None)
        if gold is None:
            raise InvalidInput(f"{name} line {number}: label {raw!r} is not mapped; add it to --map")
        pairs.append((row.get(a) or "", row.get(b) or "", gold, (row.get(PHENOMENON) or "").strip()))
    if not pairs:
        raise InvalidInput(f"{name} has no rows to evaluate")
    return pairs


def evaluate_pairs(
    pairs: list[tuple[str, str, str, str]], *, related_threshold: float | None = None
) -> dict[str, Any]:
    """Accuracy, per-relation precision / recall / F1 and the confusion matrix of relate, and
    accuracy per phenomenon ("per_phenomenon") when the rows name one."""
    from tracker.evaluate import accuracy_by_group, classification_report
    from tracker.judge import ENGINE_VERSION, relate

    gold = [g for _, _, g, _ in pairs]
    pred = [relate(x, y, related_threshold=related_threshold).relation.value for x, y, _, _ in pairs]
    present = set(gold) | set(pred)
    labels = [r for r in Relation.values() if r in present]
    report = classification_report(gold, pred, labels)
    report["engine"] = ENGINE_VERSION
    if any(phenomenon for *_, phenomenon in pairs):
        report["per_phenomenon"] = accuracy_by_group(gold, pred, [p or "(none)" for *_, p in pairs])
    return report
