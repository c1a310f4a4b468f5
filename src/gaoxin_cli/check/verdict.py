"""A claim held against the facts: agrees, differs (and how), or unknown.

- agrees: the fact the claim names, of its measure, states the same value
  once normalized (85亿元 = 850000万元), the same kind of bound (余, 多, 以上
  and 至少 are lower bounds; 近, 以内 and 不超过 upper ones; 约 and 左右
  about) and the same status (预计, 初步核算);
- differs: another value, scale, currency or unit, a bound or a status the
  source has and the claim drops, or adds, or another measure (the figure
  the source gives as a growth rate, stated as a share);
- unknown: no fact names what the claim names, or several could and no word
  of the claim decides among them. Never a guess: when in doubt, not agrees.
"""

from __future__ import annotations

from typing import Any

from gaoxin_cli.check.claims import Claim
from gaoxin_cli.check.names import Named
from gaoxin_cli.check.scope import out_of_scope
from gaoxin_cli.lexicon import HEDGE_WORDS, LEVEL, OTHER_WHOLES
from gaoxin_cli.model import MEASURES, STATUSES, Fact, format_value
from gaoxin_cli.simplified import simplified

AGREES, DIFFERS, UNKNOWN = "agrees", "differs", "unknown"
#: Bounds of one kind: a claim with one of a kind agrees with a fact with another.
BOUND_KINDS = {"over": "lower", "at_least": "lower", "nearly": "upper", "at_most": "upper"}
CURRENCIES = frozenset({"CNY", "USD"})
PERCENTS = frozenset({"percent", "permille", "percentage_points"})


class Verdict:
    """What the facts say of one claim: the verdict, the fact it was held
    against (None when unknown), why, and the facts it could be when several."""

    __slots__ = ("candidates", "claim", "fact", "reason", "verdict")

    def __init__(
        self,
        claim: Claim,
        verdict: str,
        fact: Fact | None = None,
        reason: str = "",
        candidates: tuple[Fact, ...] = (),
    ) -> None:
        self.claim = claim
        self.verdict = verdict
        self.fact = fact
        self.reason = reason
        self.candidates = candidates

    def record(self) -> dict[str, Any]:
        """The verdict as `gaoxin check --format json` writes it."""
        claim, fact = self.claim, self.fact
        return {
            "claim": claim.clause,
            "input": claim.input,
            "line": claim.line,
            "value": claim.value,
            "unit": claim.unit,
            "qualifier": claim.qualifier,
            "status": claim.status,
            "measure": claim.measure,
            "verdict": self.verdict,
            "fact": fact.id if fact else None,
            "dataset": fact.dataset if fact else None,
            "reason": self.reason or None,
            "quote": fact.quote if fact else None,
            "candidates": [c.id for c in self.candidates],
        }

    def __repr__(self) -> str:
        held = self.fact.id if self.fact else None
        return f"Verdict({self.claim.figure!r}, {self.verdict!r}, {held!r}, {self.reason!r})"


def judge(claim: Claim, named: list[Named], text: str) -> Verdict:
    """The verdict on `claim`, given the facts it names (best first) and the
    whole text it stands in (a year it names picks among datasets)."""
    if claim.problem is not None:
        return Verdict(claim, UNKNOWN, reason=claim.problem)
    figures = [n for n in named if not n.fact.is_text]
    if not figures:
        if named:
            fact = named[0].fact
            return Verdict(
                claim, UNKNOWN, fact, f"the source states it in words only: {fact.value}"
            )
        return Verdict(claim, UNKNOWN, reason=f"no fact names {_what(claim)}")
    top = [n for n in figures if n.named_by == figures[0].named_by]
    comparable = [n for n in top if _comparable(claim, n.fact)]
    if not comparable:
        given = ", ".join(dict.fromkeys(_source_figure(n.fact) for n in top))
        reason = f"no fact of {top[0].name} is counted in {claim.unit} (the source gives {given})"
        return Verdict(claim, UNKNOWN, reason=reason, candidates=_facts(top))
    top = comparable
    datasets = list(dict.fromkeys(n.fact.dataset for n in top))
    if len(datasets) > 1:
        dated = {n.fact.dataset for n in top if n.fact.period and n.fact.period in text}
        if len(dated) != 1:
            held = ", ".join(datasets)
            reason = f"stated by several datasets ({held}): choose one with --dataset"
            return Verdict(claim, UNKNOWN, reason=reason, candidates=_facts(top))
        top = [n for n in top if n.fact.dataset in dated]
    return _by_measure(claim, top)


def _by_measure(claim: Claim, top: list[Named]) -> Verdict:
    """The fact of the claim's measure among those it names, held against it."""
    if claim.weak:  # no word says what it measures: the unit alone cannot decide
        fitting = [n for n in top if _same_unit(claim, n.fact)]
        kinds = f": the source gives {_kind(fitting)}" if fitting else ""
        reason = f"no word says what {claim.figure} measures{kinds}"
        return Verdict(claim, UNKNOWN, reason=reason, candidates=_facts(fitting))
    same = [n for n in top if n.fact.measure == claim.measure]
    note = ""
    of_city = not any(word in claim.context for word in OTHER_WHOLES)  # not 占全省
    if not same and claim.measure == "share" and of_city:  # 占比43%, where the source: 占全市
        same = [n for n in top if n.fact.measure == "share_of_city"]
    totals = any(word in claim.clause for word in LEVEL)  # 总数, 累计: a total, not an increase
    if not same and claim.measure == "level" and not totals:  # a total, or the year's increase?
        same = [n for n in top if n.fact.measure == "increase" and _same_unit(claim, n.fact)]
        if same:
            note = f"no word says {claim.figure} is an increase; the source says it is"
    if not same:
        return _other_measure(claim, top)
    if len(same) > 1:
        same = [n for n in same if _same_unit(claim, n.fact)] or same
        if any(n.main for n in same) and not all(n.main for n in same):
            own = [n for n in same if not n.main and _words_of(n.fact, claim, same)]
            same = [n for n in same if n.main] + own  # 实际增长: the adjusted one's words
    if len(same) > 1:
        words = " or ".join(dict.fromkeys(n.fact.label.zh for n in same))
        listed = ", ".join(f"{n.fact.id} ({_source_figure(n.fact)})" for n in same)
        reason = f"could be {listed}: say which ({words})"
        return Verdict(claim, UNKNOWN, reason=reason, candidates=_facts(same))
    fact = same[0].fact
    beside = out_of_scope(claim, fact, same[0].name)
    if beside is not None:
        return Verdict(claim, UNKNOWN, reason=beside, candidates=(fact,))
    differences = compare(claim, fact)
    if not differences:
        return Verdict(claim, AGREES, fact, note)
    others = [n.fact for n in top if n.fact is not fact and _same_value(claim, n.fact)]
    if others and any(d.startswith("another value") for d in differences):
        other = others[0]
        if other.measure != fact.measure:  # 新增757家: the total, given as the increase
            return Verdict(claim, DIFFERS, other, _another_measure(claim, other, fact))
        differences.append(f"{claim.figure} is {other.id} ({other.label.zh})")
    return Verdict(claim, DIFFERS, fact, "; ".join(differences))


#: The fewest characters of a fact's own label that, in a claim, make it a candidate.
OWN_WORDS = 4


def _words_of(fact: Fact, claim: Claim, named: list[Named]) -> bool:
    """True if the claim holds words of `fact`'s own label (at least OWN_WORDS
    characters) that the quotes of the other facts `named` do not: "实际增长"
    may mean 剔除减税降费因素实际增长, not the plain growth beside it."""
    label = simplified(fact.label.zh)
    said = simplified(claim.context + claim.label)
    others = [simplified(n.fact.quote) for n in named if n.fact is not fact]
    for size in range(len(label), OWN_WORDS - 1, -1):
        for start in range(len(label) - size + 1):
            piece = label[start : start + size]
            if piece in said and not any(piece in quote for quote in others):
                return True
    return False


def _another_measure(claim: Claim, taken: Fact, own: Fact | None = None) -> str:
    """Why a claim differs that gives the figure `taken` of one measure as
    another, the one the source gives as `own` (if it gives one)."""
    reason = (
        f"another measure: the source gives {_source_figure(taken)} as"
        f" {_measure_name(taken.measure)}, not {_measure_name(claim.measure)}"
    )
    return reason if own is None else f"{reason}, which it gives as {_source_figure(own)}"


def _other_measure(claim: Claim, top: list[Named]) -> Verdict:
    """A claim of a measure no fact it names has: another measure if one of
    them states its value, else unknown."""
    for named in top:
        fact = named.fact
        if _same_value(claim, fact) and out_of_scope(claim, fact, named.name) is None:
            return Verdict(claim, DIFFERS, fact, _another_measure(claim, fact))
    measures = ", ".join(dict.fromkeys(_measure_name(n.fact.measure) for n in top))
    reason = (
        f"no fact states the {_measure_name(claim.measure)} of {_what(claim)}"
        f" (the source gives its {measures})"
    )
    return Verdict(claim, UNKNOWN, reason=reason, candidates=_facts(top))


def compare(claim: Claim, fact: Fact) -> list[str]:
    """How `claim` differs from `fact`: each difference one phrase; [] if none."""
    differences = []
    said, source = claim.normalized, fact.normalized
    written = _canonical(claim.value) == _canonical(fact.value)
    where = f"{claim.figure} where the source says {_source_figure(fact)}"
    if said is None or source is None:
        if said is not source or not written:
            differences.append(f"another value: {where}")
    elif said.unit != source.unit:
        if said.unit in CURRENCIES and source.unit in CURRENCIES:
            differences.append(f"another currency: {where}")
        else:
            differences.append(f"another {'unit' if written else 'value and unit'}: {where}")
    elif _canonical(said.value) != _canonical(source.value):
        differences.append(f"another {'scale' if written else 'value'}: {where}")
    differences += _bound(claim, fact)
    differences += _status(claim, fact)
    return differences


def _bound(claim: Claim, fact: Fact) -> list[str]:
    said, source = claim.qualifier, fact.qualifier
    if said == source or (said and BOUND_KINDS.get(said, said) == BOUND_KINDS.get(source or "")):
        return []
    if source is None:
        return [f"adds a bound the source does not give: {_hedge(said, claim.clause)}"]
    if said is None:
        return [f"drops the bound: the source says {_hedge(source, fact.quote)}"]
    theirs, ours = _hedge(source, fact.quote), _hedge(said, claim.clause)
    return [f"another bound: {ours} where the source says {theirs}"]


def _status(claim: Claim, fact: Fact) -> list[str]:
    said, source = claim.status, fact.status
    if said == source:
        return []
    if source is None:
        return [f"adds a status the source does not give: {_status_name(said)}"]
    if said is None:
        return [f"drops the status: the source says {_status_name(source)}"]
    return [f"another status: {_status_name(said)} where the source says {_status_name(source)}"]


def _hedge(qualifier: str | None, text: str) -> str:
    """A bound named with the word `text` writes it by: "over (余)"."""
    words = [w for w, asks, _ in HEDGE_WORDS if asks == qualifier and w in text]
    return f"{qualifier} ({words[0]})" if words else str(qualifier)


def _status_name(status: str | None) -> str:
    words = STATUSES.get(status or "", ("", ""))[0].split("/")[0]
    return f"{status} ({words})" if words else str(status)


def _measure_name(measure: str) -> str:
    zh = MEASURES.get(measure, ("", ""))[0]
    return f"{measure} ({zh})" if zh else measure


def _kind(named: list[Named]) -> str:
    return " or ".join(dict.fromkeys(_measure_name(n.fact.measure) for n in named))


def _source_figure(fact: Fact) -> str:
    return format_value(fact.value) + (fact.unit or "")


def _what(claim: Claim) -> str:
    """What the claim names: its label, or its clause if the label shows nothing."""
    return claim.label if any(c.isalnum() for c in claim.label) else claim.clause


def _comparable(claim: Claim, fact: Fact) -> bool:
    """True if the claim's figure is of the fact's kind: the same base unit,
    or two currencies, or two of %, ‰ and 个百分点 (a count of 家 is no count of 级)."""
    said, source = claim.normalized, fact.normalized
    if said is None or source is None or said.unit == source.unit:
        return True
    return any(said.unit in kind and source.unit in kind for kind in (CURRENCIES, PERCENTS))


def _same_unit(claim: Claim, fact: Fact) -> bool:
    said, source = claim.normalized, fact.normalized
    return said is not None and source is not None and said.unit == source.unit


def _same_value(claim: Claim, fact: Fact) -> bool:
    said, source = claim.normalized, fact.normalized
    if said is None or source is None:
        return said is source and _canonical(claim.value) == _canonical(fact.value)
    return said.unit == source.unit and _canonical(said.value) == _canonical(source.value)


def _canonical(value: object) -> str:
    from gaoxin_cli.search.matching import canonical

    if isinstance(value, int | float) and not isinstance(value, bool):
        return canonical(value)
    return str(value)


def _facts(named: list[Named]) -> tuple[Fact, ...]:
    return tuple(dict.fromkeys(n.fact for n in named))
