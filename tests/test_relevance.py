"""Search finds what people mean: recall@5 over the relevance set, with and without the index."""

import json

import pytest

from relevance import QUERIES, measure

#: The least recall@5 the relevance set must reach.
TARGET = 0.95


def test_the_relevance_set_is_broad() -> None:
    """At least 60 queries, at least a third in Chinese and a third in English words."""
    assert len(QUERIES) >= 60
    chinese = [q for q, _ in QUERIES if not q.isascii() and not any(c.isdigit() for c in q)]
    english = [q for q, _ in QUERIES if q.isascii() and not any(c.isdigit() for c in q)]
    assert len(chinese) >= len(QUERIES) / 3
    assert len(english) >= len(QUERIES) / 3


@pytest.mark.parametrize("how", ["index", "--no-cache"])
def test_recall_at_5_meets_the_target(gaoxin, cache, how: str) -> None:
    """The first five results hold the wanted indicators for at least 95 % of the set."""
    extra = ["--no-cache"] if how == "--no-cache" else []

    def search(query: str) -> list[str]:
        result = gaoxin("search", *query.split(), "--json", *extra)
        assert result.exit_code in (0, 1), result.stderr
        return [r["indicator"] for r in json.loads(result.stdout or "[]")]

    recall, mrr, misses = measure(search)
    print(f"recall@5 {recall:.1%}, MRR {mrr:.3f}, {len(QUERIES)} queries, misses: {misses}")
    assert recall >= TARGET, misses
