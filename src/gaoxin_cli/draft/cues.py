"""What the words around a figure say: its measure, and the noun it measures.

Pure: the text before a figure (its clause up to the figure) and after it in;
a measure, a label, and the cue that decided them out. The word lists are
the vocabulary of Chinese reviews and work reports; each list says which
measure of model.MEASURES it stands for.
"""

from __future__ import annotations

import re

from gaoxin_cli.lexicon import (
    COMPARE,
    COMPARE_AFTER,
    CONNECTIVES,
    CONTINUING,
    DECLINE_WORDS,
    GROWTH,
    INCREASE,
    LEADING,
    LEVEL,
    LIST_JOINERS,
    NARROW,
    RATE,
    RATIO_MARKS,
    SHARE,
    TARGETS,
    TRAILING,
    WIDEN,
)

DECLINE = DECLINE_WORDS  # a decline word makes a growth figure negative
_TARGETS = "|".join(TARGETS)
_TARGET_LIST = re.compile(f"(?:{_TARGETS})(?:[{LIST_JOINERS}](?:{_TARGETS}))*")
#: A value before and after a change: 由690元提高到720元.
_CHANGE_TO = re.compile(r"(?:提高|增加|上调|提升|调整|降低|下调|减少|降|升)(?:到|至|为)")

#: What ends a noun written after its figure ("8个社区足球场建设", "146名领导干部与…").
_NOUN_STOP = re.compile(
    r"[，,。；;、：:（）()“”\"！!？?]|在|与|和|进行|建立|实现|获|带|进驻|已|开复工|建设|参加|入驻|落户|被|将|中|的"
)


#: A comparison after the subject, no part of it: "比全市高出", "高于全省".
_COMPARING = re.compile(
    f"(?:比(?:{_TARGETS})[^,，、]{{0,6}}?(?:{'|'.join(COMPARE_AFTER)})出?"
    f"|(?:{'|'.join(COMPARE)})(?:{_TARGETS}))$"
)
#: A standing after the subject: "居全省第", "位居全市第", "排名全国第".
_RANKED = re.compile(r"(?:位居|居|位列|排名|排在|列)[^,，、]{0,6}第$")


class Measure:
    """A figure's measure, its sign, the cue word that decided it, and whether
    that cue is weak (no word said it: the unit alone)."""

    __slots__ = ("cue", "measure", "sign", "weak")

    def __init__(self, measure: str, cue: str, *, sign: int = 1, weak: bool = False) -> None:
        self.measure = measure
        self.cue = cue
        self.sign = sign
        self.weak = weak


def measure_of(
    lead: str, unit: str | None, after: str, *, index: int, ranked: bool, threshold: bool
) -> Measure:
    """The measure of a figure whose clause reads `lead` before it and `after`
    after its unit; `index` is its place in a list sharing one unit
    ("0.9和0.4个百分点"), `ranked` a 第N位, `threshold` 以上 before a noun."""
    if ranked:
        return Measure("rank", "第…位")
    if _CHANGE_TO.match(after) and ("由" in lead or "从" in lead):
        return Measure("before", "由…" + _CHANGE_TO.match(after).group())  # type: ignore[union-attr]
    change = list(_CHANGE_TO.finditer(lead))
    if change and change[-1].end() == len(lead):  # 由690元提高到720元, or 提高到720元
        cue = change[-1].group()
        return Measure("after", "由…" + cue if "由" in lead or "从" in lead else cue)
    if unit == "个百分点":
        return _points(lead, index)
    if unit == "%" or unit is None:
        return _percent(lead)
    if threshold:
        return Measure("threshold", "以上")
    level_at = max((lead.rfind(w) for w in LEVEL), default=-1)
    for word in INCREASE:
        at = lead.rfind(word)
        if at != -1 and at > level_at:
            return Measure("increase", word)
    return Measure("level", "")


#: "比全市…高" before a figure in points: the target, and the word of its sign.
_COMPARED = re.compile(f"比({_TARGETS})[^，,；;]{{0,12}}?({'|'.join(COMPARE_AFTER)})出?$")
#: A target that starts an item of a list of comparisons: "…、全省".
_OWN_TARGET = re.compile(f"[{LIST_JOINERS}，,]({_TARGETS})$")

#: The parts of a ratio: "1.2:75.1:23.7" (any of the lexicon's ratio marks).
_RATIO = re.compile(f"[0-9.]+(?:[{RATIO_MARKS}][0-9.]+)+")


def ratio_measure(text: str, start: int, end: int) -> Measure | None:
    """The measure of a figure that is a part of a ratio ("三次产业结构为
    5.6:56.6:37.8"): a share, or the ratio before or after an adjustment
    ("由2.7:54.8:42.5调整为2.7:56.0:41.3"); None for no ratio."""
    low = start
    while low > 0 and (text[low - 1].isdigit() or text[low - 1] in "." + RATIO_MARKS):
        low -= 1
    found = _RATIO.match(text, low)
    if found is None or not (found.start() <= start and end <= found.end()):
        return None
    lead = text[max(0, found.start() - 6) : found.start()]
    if lead.endswith(("由", "从")):
        return Measure("before", "由…")
    changed = _CHANGE_TO.search(lead)
    if changed is not None and changed.end() == len(lead):
        return Measure("after", changed.group())
    return Measure("share", "比例")


def _points(lead: str, index: int) -> Measure:
    compared = _COMPARED.search(lead)  # "比全市高1个百分点"
    if compared is not None:
        target, word = compared.group(1), compared.group(2)
        return Measure(TARGETS[target], f"比{target}{word}", sign=COMPARE_AFTER[word])
    found = max(((lead.rfind(w), w) for w in COMPARE), default=(-1, ""))
    if found[0] == -1:
        change = max(((lead.rfind(w), w) for w in (*GROWTH, *NARROW, *WIDEN)), default=(-1, ""))
        if change[0] != -1:
            word = change[1]
            return Measure("change", word, sign=-1 if word in DECLINE else 1)
        return Measure("vs_city", "个百分点", weak=True)
    word = found[1]
    own = _OWN_TARGET.search(lead)  # "高于全国1.0个百分点、全省1.9个百分点"
    listed = own is not None and re.search("[0-9]", lead[found[0] : own.start()]) is not None
    if own is not None and listed:
        return Measure(TARGETS[own.group(1)], word + own.group(1), sign=COMPARE[word])
    targets = _TARGET_LIST.match(lead, found[0] + len(word))
    names = re.findall("全市|全省|全国", targets.group()) if targets else []
    if not names:
        return Measure("vs_city", word, sign=COMPARE[word], weak=True)
    target = names[min(index, len(names) - 1)]
    return Measure(TARGETS[target], word + target, sign=COMPARE[word])


#: A comparison right before a figure: "高于全市" (a difference in points written in %).
_COMPARED_BEFORE = re.compile(f"({'|'.join(COMPARE)})({_TARGETS})$")


def _percent(lead: str) -> Measure:
    """growth, share (of the city), or rate: the cue nearest the figure decides;
    "高于全市2%" compares, as "高于全市2个百分点" does."""
    compared = _COMPARED_BEFORE.search(lead) or _COMPARED.search(lead)
    if compared is not None:
        first, second = compared.group(1), compared.group(2)
        word, target = (first, second) if first in COMPARE else (second, first)
        sign = COMPARE[word] if word in COMPARE else COMPARE_AFTER[word]
        return Measure(TARGETS[target], compared.group(), sign=sign)
    best: tuple[int, int, str, str] | None = None
    for measure, words in (("growth", GROWTH), ("share", SHARE), ("rate", RATE)):
        for word in words:
            at = lead.rfind(word)
            if at != -1:
                key = (at + len(word), len(word), measure, word)
                best = key if best is None or key[:2] > best[:2] else best
    if best is None:
        return Measure("rate", "", weak=True)
    measure, word = best[2], best[3]
    if measure == "rate" and "占" in lead:  # 占地区生产总值比重为4%
        measure = "share"
    if measure == "share":
        return Measure("share_of_city" if "全市" in lead else "share", word)
    if measure == "growth":
        return Measure("growth", word, sign=-1 if word in DECLINE else 1)
    return Measure(measure, word)


def subject(lead: str) -> str:
    """The noun phrase a clause names before its figure, less the words around it."""
    text = _COMPARING.sub("", _RANKED.sub("", lead))
    for mark in ("由", "从"):
        if mark in text:
            text = text[: text.rfind(mark)]
    while text:
        trailing = _TRAILING_REVERSED.match(text[::-1])
        if trailing:
            text = text[: len(text) - trailing.end()]
            continue
        leading = _LEADING.match(text)
        if not leading:
            break
        text = text[leading.end() :]
    if text.startswith("“") and text.endswith("”") and text.count("“") == 1:
        return text[1:-1]
    return text


def _alternatives(words: tuple[str, ...], *, reverse: bool = False) -> re.Pattern[str]:
    """One pattern matching any of `words` (reversed, to match at a text's end), longest first."""
    ordered = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(re.escape(w[::-1] if reverse else w) for w in ordered))


_TRAILING_REVERSED = _alternatives(TRAILING, reverse=True)
_LEADING = _alternatives(LEADING)


def continues(lead: str) -> bool:
    """True if a clause goes on about the subject of the one before it."""
    for word in ("实际", "同比", "分别", "均", "其中", "并"):
        lead = lead.removeprefix(word)
    return not subject(lead) or lead.startswith(CONTINUING)


def noun_after(text: str) -> str:
    """The noun written right after a figure and its unit, up to the next verb."""
    for word in ("以上", "以下", "以内", "左右", "余", "多"):
        text = text.removeprefix(word)
    stop = _NOUN_STOP.search(text)
    return text[: stop.start()] if stop else text


def wants_noun_after(lead: str, label: str) -> bool:
    """True if the figure counts the noun after it: nothing or a verb before it,
    or a word that joins it to what follows ("与589家重点企业")."""
    return not label or len(label) <= 2 or lead.endswith(CONNECTIVES)
