"""Subjects listed before 分别 and the figures after it, paired in order:
"专利申请量、授权量分别为3288件、2124件" claims 3288件 of the first and
2124件 of the second. A list whose counts differ pairs nothing: which figure is
whose, no one can say.

Pure: the review's text and the figures found in it in; for each figure of
such a list, the subject it is paired with (or None when it cannot be).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gaoxin_cli.draft.article import Review
from gaoxin_cli.lexicon import RESPECTIVELY, SUBJECT_JOINERS

_JOINERS = re.compile(f"[{SUBJECT_JOINERS}]")


def respective(review: Review, starts: Sequence[int]) -> dict[int, str | None]:
    """For each figure (by where it starts) after a 分别 that follows a list of
    subjects, its subject; None for a figure of a list that cannot be paired."""
    text = review.text
    paired: dict[int, str | None] = {}
    at = text.find(RESPECTIVELY)
    while at != -1:
        clause_start = review.clause(at)[0]
        subjects = [s for s in _JOINERS.split(text[clause_start:at]) if s]
        sentence_end = review.sentence(at)[1]
        following = text.find(RESPECTIVELY, at + 1)
        end = sentence_end if following == -1 else min(sentence_end, following)
        figures = [start for start in starts if at < start < end]
        if len(subjects) > 1 and figures:
            if len(subjects) == len(figures):
                paired.update(zip(figures, subjects, strict=True))
            else:
                paired.update(dict.fromkeys(figures))
        at = following
    return paired
