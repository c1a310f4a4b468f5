"""Where a proposed fact's quote starts and ends in the article.

Pure: positions of the review's running text in, positions out. A quote is
the figure's clause, cut to its item of a 、-list ("公立幼儿园4所"), and
reaches back to a 预计 whose scope holds the figure, so that `validate`,
reading the quote, finds the hedge the draft proposes.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from gaoxin_cli.draft.article import Review
from gaoxin_cli.draft.numbers import Number, item_end
from gaoxin_cli.lexicon import STATUS_LEADS

#: The most characters a quote holds before and after its figure: a clause
#: the page layout or a list runs on for pages is cut around the figure.
QUOTE_REACH = 80
#: How far back a quote reaches to the word that gives its figure a status
#: (预计 before a list of a work report's targets), so that the quote holds it.
STATUS_REACH = 2 * QUOTE_REACH


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


def bounded(start: int, end: int, number: Number, status_at: int | None = None) -> tuple[int, int]:
    """(start, end) cut to at most QUOTE_REACH characters either side of the
    figure; back to `status_at` (a 预计 whose scope holds it) within STATUS_REACH."""
    low = number.start - QUOTE_REACH
    if status_at is not None and status_at >= number.start - STATUS_REACH:
        low = min(low, status_at)
    return max(start, low), min(end, number.unit_end + QUOTE_REACH)


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
    # It leads the whole sentence when a comma, a colon, a verb or "目标是：" follows it.
    after = review.text[word_end : word_end + 8]
    whole = (
        after[:1] in ",，:："
        or after.startswith(STATUS_LEADS)
        or bool(re.match(r"[^，,；;]{0,6}[:：]", after))
    )
    if review.stops_between(start, position, semicolons=not whole):
        return None
    return start
