"""schema.org ClaimReview for a verdict (`tracker export verdicts --format claimreview`)."""

from __future__ import annotations

from typing import Any

# The 1-5 scale of Google's ClaimReview guidance (1 = false, 5 = true); pants-on-fire is
# also 1 (its alternateName keeps the difference) and unverified has no value at all.
RATING_VALUES = {
    "true": 5,
    "mostly-true": 4,
    "half-true": 3,
    "misleading": 2,
    "false": 1,
    "pants-on-fire": 1,
}
RATING_NAMES = {
    "true": "True",
    "mostly-true": "Mostly true",
    "half-true": "Half true",
    "misleading": "Misleading",
    "false": "False",
    "pants-on-fire": "Pants on fire",
    "unverified": "Unverified",
}


def appearances(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Where a claim appeared, as schema.org CreativeWorks: the article's URL, when it was
    published (reported, else said), who wrote it (the author, when known) and the outlet
    that published it, each once; an appearance with neither URL nor outlet says nothing and is left out."""
    works: dict[tuple[str | None, ...], dict[str, Any]] = {}
    for row in rows:
        if not row.get("url") and not row.get("source"):
            continue
        date = row.get("reported_on") or row.get("said_on")
        work: dict[str, Any] = {"@type": "CreativeWork"}
        if row.get("url"):
            work["url"] = row["url"]
        if date:
            work["datePublished"] = date
        if row.get("author"):  # an outlet is the publisher, never an author no one named
            work["author"] = {"@type": "Person", "name": row["author"]}
        if row.get("source"):
            work["publisher"] = {"@type": "Organization", "name": row["source"]}
        works.setdefault((row.get("url") or row.get("source"), date), work)
    return list(works.values())


def claim_reviewed(item: dict[str, Any]) -> str:
    """What a verdict on a statement rated: the claim the statement surely takes a side on, not
    its words ("Completely untrue." rates nothing by itself). A denial is said to be one: the
    claim it denies is someone else's, never the denier's words. A reply whose side nobody
    confirmed still names what extraction found it answers; anything else, its own text."""
    claim = item.get("claim")
    if claim:
        return f"Denied: {claim}" if item.get("stance") == "denies" else str(claim)
    statement = item["statement"]
    answers = statement.get("answers")
    if answers:
        return f"Denied: {answers}" if statement.get("polarity") == "deny" else str(answers)
    return str(statement["text"])


def claim_review(item: dict[str, Any]) -> dict[str, Any]:
    """A schema.org ClaimReview for one verdict (an item of verdicts.reviewed_claims)."""
    verdict, statement = item["verdict"], item["statement"]
    author: dict[str, Any] = {
        "@type": "Person" if item["speaker_kind"] == "person" else "Organization",
        "name": statement["speaker"],
    }
    if statement.get("role"):
        author["jobTitle"] = statement["role"]
    claim: dict[str, Any] = {
        "@type": "Claim",
        "author": author,
        "appearance": appearances(item["appearances"])
        if "appearances" in item
        else [{"@type": "CreativeWork", "url": url} for url in item["urls"]],
    }
    said = statement.get("said_on") or statement.get("reported_on")
    if said:
        claim["datePublished"] = said
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": RATING_NAMES.get(verdict["rating"], verdict["rating"]),
    }
    if verdict["rating"] in RATING_VALUES:
        rating.update(ratingValue=RATING_VALUES[verdict["rating"]], bestRating=5, worstRating=1)
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim_reviewed(item),
        "itemReviewed": claim,
        "reviewRating": rating,
        "datePublished": verdict["created_at"][:10],
        # a verdict without --by still needs an author for the structured data to be valid
        "author": {"@type": "Person", "name": verdict["by"]}
        if verdict.get("by")
        else {"@type": "Organization", "name": "unknown"},
    }
    if verdict.get("evidence_url"):
        review["url"] = verdict["evidence_url"]
    if verdict.get("note"):
        review["reviewBody"] = verdict["note"]
    return review
