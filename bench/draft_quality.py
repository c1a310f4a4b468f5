"""Draft quality: `gaoxin draft` on a review against the curated facts of it.

    python bench/draft_quality.py [ARTICLE [DATASET_DIR]]

Defaults to the shipped 2019 review: facts/dalian-2019 and the article it names.
Prints the share of curated figures proposed with the right value and unit,
hedges, measures, the share of proposals that are real figures, section
agreement, and every miss.
"""

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from draft_score import report, score  # noqa: E402
from gaoxin_cli.draft.article import Review  # noqa: E402
from gaoxin_cli.draft.propose import propose  # noqa: E402
from gaoxin_cli.factfiles.loader import load_factbook  # noqa: E402
from gaoxin_cli.library import article_of  # noqa: E402


def main() -> None:
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else REPO / "facts" / "dalian-2019"
    (dataset,) = load_factbook(folder).datasets
    named = article_of(dataset)
    article = Path(sys.argv[1]) if len(sys.argv) > 1 else named
    assert article is not None, f"{folder}: dataset.toml names no article; give one"
    draft = propose(Review(str(article), article.read_text(encoding="utf-8")))
    print("\n".join(report(score(dataset, draft))))


if __name__ == "__main__":
    main()
