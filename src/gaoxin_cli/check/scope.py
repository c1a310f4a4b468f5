"""What a claim is about beside its indicator: its year, a part of a year, its
area, a plan, a denial. A figure of another year or place, of a quarter, a
target, a total where the source's is per head, or one its own sentence
denies, is no claim the facts can call right,
whatever its value: its verdict is unknown, saying why.

Pure: a claim and the fact it names in, a reason (or None) out. A word the
fact's own quote holds too is no difference ("预计" aside, which is a status).
"""

from __future__ import annotations

import re

from gaoxin_cli.check.claims import Claim
from gaoxin_cli.check.names import ASIDE
from gaoxin_cli.lexicon import (
    COMPARED_BEFORE,
    NEGATIONS,
    OWN_AREAS,
    PART_OF_YEAR,
    PER_HEAD,
    PLACE_ENDS,
    TARGET_WORDS,
    WHOLE_AREAS,
    YEAR_COMPARED,
)
from gaoxin_cli.model import Fact
from gaoxin_cli.simplified import simplified

_PART_OF_YEAR = re.compile(PART_OF_YEAR)
#: A year a sentence names ("2018年"), not the year it compares with ("比2018年").
_YEAR = re.compile(f"(?<![0-9{YEAR_COMPARED}])((?:19|20)[0-9]{{2}})年")


def out_of_scope(claim: Claim, fact: Fact, name: str) -> str | None:
    """Why `claim` is about something else than `fact` states, or None; `name`
    is what of the claim's label named the fact."""
    quote = simplified(fact.quote)
    sentence, before = claim.sentence, simplified(claim.context)
    for word in NEGATIONS:
        if word in sentence and word not in quote:
            return f"its sentence denies or disputes it ({word})"
    for word in TARGET_WORDS:
        if word in before and word not in quote:
            return f"a target or a plan ({word}), not what the source reports"
    part = _PART_OF_YEAR.search(sentence)
    if part is not None and part.group() not in quote:
        return f"a part of the year ({part.group()}): the source states {fact.period or 'a year'}"
    years = {found.group(1) for found in _YEAR.finditer(sentence)}
    if years and fact.period[:4].isdigit() and fact.period[:4] not in years:
        named = "、".join(sorted(years))
        return f"about {named}: the source's figures are of {fact.period}"
    label = ASIDE.sub("", simplified(fact.label.zh))  # not (每人每月): how a unit is meant
    per = next((word for word in PER_HEAD if word in label and word not in sentence), None)
    if per is not None:
        return f"the source's figure is one per head ({per}): {fact.label.zh}"
    area = _other_area(before, claim.label, name, fact)
    if area is not None:
        return f"about {area}, not {fact.area.zh or fact.dataset}"
    return None


def _other_area(before: str, label: str, name: str, fact: Fact) -> str | None:
    """The other area the claim's subject names ("全市…", "大连市…"), or None."""
    quote = simplified(fact.quote)
    for word in WHOLE_AREAS:
        at = before.find(word)
        while at != -1:
            if (at == 0 or before[at - 1] not in COMPARED_BEFORE) and word not in quote:
                return word
            at = before.find(word, at + 1)
    label = simplified(label)
    at = label.find(name)
    prefix = label[:at] if at > 0 else ""
    area = simplified(fact.area.zh)
    if prefix.endswith(PLACE_ENDS) and prefix not in OWN_AREAS and prefix not in area:
        return prefix
    return None
