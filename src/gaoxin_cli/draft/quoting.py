"""Where a proposed fact's quote starts and ends in the article.

Pure: positions of the review's running text in, positions out. A quote is
the figure's clause, cut to its item of a 、-list ("公立幼儿园4所"), and
reaches back to a 预计 whose scope holds the figure, so that `validate`,
reading the quote, finds the hedge the draft proposes.
"""

from __future__ import annotations

from bisect import bisect_left

from gaoxin_cli.draft.article import Review
from gaoxin_cli.draft.numbers import Number, item_end

#: The most characters a quote holds before and after its figure: a clause
#: the page layout or a list runs on for pages is cut around the figure.
QUOTE_REACH = 80


def item_start(
    review: Review, number: Number, before: list[Number], clause: tuple[int, int]
) -> tuple[int, int]:
    """The figure's item of a 、-list in its clause ("公立幼儿园4所"), else the
    clause; `before` are the clause's figures before it, in order."""
    start, end = clause
    for other in reversed(before):
        stop = item_end(review.text, other)
        if stop is not None and stop < number.start:
            start = stop + 1
            break
    own_end = item_end(review.text, number)
    return start, own_end if own_end is not None else end


def bounded(start: int, end: int, number: Number) -> tuple[int, int]:
    """(start, end) cut to at most QUOTE_REACH characters either side of the figure."""
    return max(start, number.start - QUOTE_REACH), min(end, number.unit_end + QUOTE_REACH)


def estimate_before(review: Review, position: int) -> int | None:
    """The position of a 预计 whose scope holds `position`: to the end of its
    clause group (；) when it leads a subject ("预计地区生产总值…"), to the end of
    the sentence when it leads the whole (预计，…；…)."""
    estimates = review.estimates
    at = bisect_left(estimates, position)
    if not at:
        return None
    start = estimates[at - 1]
    if start < review.block_of(position)[0]:
        return None
    word_end = review.estimate_ends[at - 1]
    whole = review.text[word_end : word_end + 1] in ",，:："
    if review.stops_between(start, position, semicolons=not whole):
        return None
    return start
