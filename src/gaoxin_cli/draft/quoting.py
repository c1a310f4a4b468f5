"""Where a proposed fact's quote starts and ends in the article.

Pure: positions of the review's running text in, positions out. A quote is
the figure's clause, cut to its item of a 、-list ("公立幼儿园4所"), and
reaches back to a 预计 whose scope holds the figure, so that `validate`,
reading the quote, finds the hedge the draft proposes.
"""

from __future__ import annotations

from gaoxin_cli.draft.article import Review
from gaoxin_cli.draft.numbers import Number, item_end

_ESTIMATE = "预计"


def item_span(
    review: Review, number: Number, found: list[Number], clause: tuple[int, int]
) -> tuple[int, int]:
    """The figure's item of a 、-list in its clause ("公立幼儿园4所"), else the clause."""
    start, end = clause
    for other in found:
        if start <= other.start < number.start and other.is_figure:
            stop = item_end(review.text, other)
            if stop is not None and stop < number.start:
                start = stop + 1
    own_end = item_end(review.text, number)
    return start, own_end if own_end is not None else end


def estimate_before(review: Review, position: int) -> int | None:
    """The position of a 预计 whose scope holds `position`: to the end of its
    clause group (；) when it leads a subject ("预计地区生产总值…"), to the end of
    the sentence when it leads the whole (预计，…；…)."""
    text = review.text
    block_start = review.block_of(position)[0]
    at = text.rfind(_ESTIMATE, block_start, position)
    if at == -1:
        return None
    between = text[at:position]
    if text[at + 2 : at + 3] in ",，:：":
        return None if any(c in between for c in "。!！?？") else at
    return None if any(c in between for c in "。!！?？;；") else at
