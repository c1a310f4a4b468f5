"""Which facts a claim names: the labels and aliases its words hold.

A fact is named by its Chinese label (with or without the words before its
noun that draft leaves out of a label: 新认定瞪羚企业 is also 瞪羚企业) or one
of its aliases, or by its indicator's label (in simplified
characters; an ASCII alias as a whole word in any case: GDP, FDI) standing in
the claim's label or in its clause before the figure, or by a label that the
claim's own label is most of ("专利申请" names 专利申请量, 有效发明专利 no
万人有效发明专利拥有量). The longest name
wins, so 引进高层次人才 is named before 人才 (then a name in the claim's
label before one only in the words before its figure (from its label on,
read without commas and asides in parentheses); among facts named alike, one
under its indicator's own label comes before one with a label of its own
(财政收入 is 一般公共预算收入, not its 剔除减税降费因素实际增长). Where no
name stands in its words, a name its label abridges keeping most of it
("低保标准" of 低保配套标准: its first and last characters too) names a
fact, less well; failing all these, a name in the words after the figure
does ("设立0.2亿元“先予处置”专项资金"). A name followed by a noun that
makes another indicator of it (贷款 in 贷款余额, 就业 in 就业率) names nothing,
nor does a name that only qualifies the label's noun (neither ending the
label nor half of it: 海创周 in 海创周期间吸引海外学子).

The work per claim is bounded by its words (every piece of them up to the
longest name is looked up), not by the number of facts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from gaoxin_cli.check.claims import Claim
from gaoxin_cli.draft.cues import subject
from gaoxin_cli.lexicon import OTHER_HEADS
from gaoxin_cli.model import Fact
from gaoxin_cli.simplified import simplified

#: The fewest characters a name has to name a fact.
SHORTEST = 2
#: The fewest characters of a claim's label found inside a longer name.
SHORTEST_PART = 3


class Named:
    """A fact a claim names: whether its label names it (not only the words
    before the figure), how long the name is, and whether the fact's label
    is its indicator's own (not a label of the fact's own)."""

    __slots__ = ("fact", "labelled", "length", "main", "name")

    def __init__(self, fact: Fact, length: int, name: str, *, main: bool, labelled: bool) -> None:
        self.fact = fact
        self.length = length
        self.name = name
        self.main = main
        self.labelled = labelled

    @property
    def rank(self) -> tuple[int, bool, bool]:
        """How well the claim names the fact: longer names first, then a name
        in its label, then main labels."""
        return self.length, self.labelled, self.main

    @property
    def named_by(self) -> tuple[int, bool]:
        """How the claim names it, apart from whose label the name is."""
        return self.length, self.labelled


class Names:
    """The names of a book's facts, for finding the facts a claim names."""

    def __init__(self, facts: Iterable[Fact]) -> None:
        self.facts: dict[str, list[Fact]] = {}
        self.longest = 0
        facts = list(facts)
        labels: dict[tuple[str, str], Counter[str]] = {}
        for fact in facts:
            labels.setdefault((fact.dataset, fact.indicator), Counter())[fact.label.zh] += 1
        #: The label most of an indicator's facts share (the first on a tie).
        self.main = {key: count.most_common(1)[0][0] for key, count in labels.items()}
        for fact in facts:
            label = fact.label.zh
            main = self.main[(fact.dataset, fact.indicator)]  # a fact of its indicator too
            for name in {label, subject(label), main, *fact.aliases}:
                folded = _fold(name)
                if len(folded) >= SHORTEST:
                    self.facts.setdefault(folded, []).append(fact)
                    self.longest = max(self.longest, len(folded))

    def named(self, claim: Claim) -> list[Named]:
        """The facts `claim` names, best named first (each fact once)."""
        best: dict[int, Named] = {}
        part = _fold(claim.label)
        context = _fold(claim.context)
        if part and part in context:  # a subject of its own: what stands before it is not it,
            context = context[context.rfind(part) + len(part) :]  # and it is read as the label
        context = _CLAUSE_MARKS.sub("", ASIDE.sub("", context))  # 剔除减税降费因素,实际增长
        for text, labelled in ((part, True), (context, False)):
            found = [n for n in self._names_in(text) if not _heads_another(text, n)]
            found = [n for n in found if not (labelled and _modifies(text, n))]
            self._keep_all(best, [(n, len(n)) for n in found], labelled=labelled)
        longer = len(part) >= SHORTEST_PART and not part.isascii()
        if longer:  # 专利申请 of 专利申请量
            found = [name for name in self.facts if _part_of(part, name)]
            self._keep_all(best, [(name, len(part)) for name in found], labelled=True)
        if not best:  # 设立0.2亿元“先予处置”专项资金: named after the figure
            after = list(self._names_in(_CLAUSE_MARKS.sub("", _fold(claim.after))))
            self._keep_all(best, [(name, len(name)) for name in after], labelled=False)
        if not best and longer:  # 低保标准: 低保配套标准(每人每月)
            found = [name for name in self.facts if _abridges(part, name)]
            self._keep_all(best, [(name, len(part) - 1) for name in found], labelled=True)
        return sorted(best.values(), key=lambda n: n.rank, reverse=True)

    def _keep_all(
        self, best: dict[int, Named], names: list[tuple[str, int]], *, labelled: bool
    ) -> None:
        """Keep the facts of each (name, how long it counts), each fact named best."""
        for name, length in names:
            for fact in self.facts[name]:
                self._keep(best, fact, length, name, labelled=labelled)

    def _keep(
        self, best: dict[int, Named], fact: Fact, length: int, name: str, *, labelled: bool
    ) -> None:
        main = fact.label.zh == self.main[(fact.dataset, fact.indicator)]
        found = Named(fact, length, name, main=main, labelled=labelled)
        held = best.get(id(fact))
        if held is None or found.rank > held.rank:
            best[id(fact)] = found

    def _names_in(self, text: str) -> Iterable[str]:
        """Each name standing in `text` (an ASCII name as a whole word)."""
        for start in range(len(text)):
            for end in range(start + SHORTEST, min(len(text), start + self.longest) + 1):
                piece = text[start:end]
                if piece in self.facts and (not piece.isascii() or _whole(text, start, end)):
                    yield piece


#: Punctuation between the words of a clause, left out where names are looked for.
_CLAUSE_MARKS = re.compile("[,，、;；:：]")
#: An aside in parentheses: what it names is not what a figure after it is about.
ASIDE = re.compile(r"[(（][^()（）]*[)）]")
#: How much of a name an abridged label keeps, at least.
ABRIDGED = 0.6


def _part_of(part: str, name: str) -> bool:
    """True if `part` ends `name` (吸引投资 of 第20届中国海创周吸引投资: the
    noun a Chinese name ends in is what it names), starts it (高校院所科技人才
    of 高校院所科技人才带项目创办企业) or makes most of it, but not 有效发明专利
    of 万人有效发明专利拥有量 (per 10,000 people)."""
    if part not in name or part == name:
        return False
    name = ASIDE.sub("", name)  # 低保配套标准 of 低保配套标准(每人每月)
    ends = name.startswith(part) or name.endswith(part)
    return ends or len(part) >= ABRIDGED * len(name)


def _abridges(part: str, name: str) -> bool:
    """True if `part` is `name` with characters left out (低保标准 of
    低保配套标准), keeping most of them; a name's (parenthesis) aside."""
    name = ASIDE.sub("", name)
    if len(part) < ABRIDGED * len(name) or part == name:
        return False
    if part[0] != name[0] or part[-1] != name[-1]:  # 出口额 is no 进出口总额
        return False
    rest = iter(name)
    return all(char in rest for char in part)


def _heads_another(text: str, name: str) -> bool:
    """True if in `text` the name is followed by a noun that makes another
    indicator of it (年末贷款余额 names no 新增贷款)."""
    at = text.find(name)
    while at != -1:
        rest = text[at + len(name) :]
        if not any(word in rest[:4] for word in OTHER_HEADS):
            return False
        at = text.find(name, at + 1)
    return True


def _modifies(label: str, name: str) -> bool:
    """True if the name only qualifies what a label names: it neither ends the
    label nor makes half of it (海创周 of 海创周期间吸引海外学子)."""
    return not label.endswith(name) and 2 * len(name) < len(label)


def _fold(text: str) -> str:
    """A name or a claim's words as compared: simplified characters, lower case."""
    return simplified(text).casefold()


def _whole(text: str, start: int, end: int) -> bool:
    """True if text[start:end] is no part of a longer Latin word or number."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())
