"""Search quality: recall@5 and mean reciprocal rank over the relevance set.

    python bench/search_quality.py [FACTS_DIR]

Runs every query of tests/relevance.py through the search of the gaoxin_cli
on the path (the fact files, no index) and prints recall@5, MRR and the
queries whose wanted indicators were not all in the first five.
"""

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from gaoxin_cli import query  # noqa: E402
from gaoxin_cli.factfiles.loader import load_factbook  # noqa: E402
from relevance import QUERIES, measure  # noqa: E402


def main() -> None:
    facts = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "facts"
    book = load_factbook(facts)
    recall, mrr, misses = measure(
        lambda text: [hit.fact.indicator for hit in query.search_or_some(book, text)]
    )
    print(f"{len(QUERIES)} queries: recall@5 {recall:.1%}, MRR {mrr:.3f}")
    for text, top in misses:
        print(f"  missed: {text!r} -> {top}")


if __name__ == "__main__":
    main()
