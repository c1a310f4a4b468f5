"""Folding text into lines: words and figures whole, Chinese line-break rules, nothing lost."""

import itertools
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from gaoxin_cli.lexicon import NO_LINE_END, NO_LINE_START
from gaoxin_cli.render.fold import fold, fold_spans

#: Text of the kind tables and help show: Chinese, marks, figures, words, spaces.
PIECES = st.sampled_from(
    [
        *["固定资产投资", "增长", "18.3%", "85亿元", "，", "。", "（", "）", "“", "”", "、"],
        *["fixed-asset-investment.growth", "over", " ", "  ", "at_least", "3288", "(a", "b)"],
    ]
)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


TEXTS = st.lists(PIECES, max_size=30).map("".join)
#: The same without words longer than a few cells.
SHORT_TEXTS = st.lists(PIECES.filter(lambda p: len(p) < 8), max_size=30).map("".join)


@settings(max_examples=300)
@given(TEXTS, st.integers(min_value=2, max_value=60))
def test_every_character_is_kept_and_every_line_fits(text: str, width: int) -> None:
    """Only spaces lie between the lines (and after the last), and no line is wider than the width."""
    spans = fold_spans(text, width)
    assert all(cell_len(text[start:end]) <= width for start, end in spans)
    assert text[: spans[0][0]].strip() == ""
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start
        assert text[end:start].strip() == ""
    assert text[spans[-1][1] :].strip() == ""


@settings(max_examples=300)
@given(TEXTS, st.integers(min_value=2, max_value=60))
def test_words_and_figures_stay_whole(text: str, width: int) -> None:
    """A word or figure (with the marks it holds) that fits on a line is never split across two."""
    lines = fold(text, width)
    for word in _words(text):
        if cell_len(word) + 4 <= width:  # room for a mark held on each side
            assert any(word in line for line in lines), (word, lines)


def _words(text: str) -> list[str]:
    """Runs of printable ASCII, each parted before a figure with its Chinese unit
    that starts after a mark ("b)|85亿元"): the figure is kept whole first."""
    words = []
    for found in re.finditer(r"[!-~]+", text):
        word, start = found.group(), found.start()
        cuts = [
            m.start() - start
            for m in re.finditer(r"(?<![A-Za-z0-9_.%,/-])[0-9][0-9.,/%]*(?=[\u4e00-\u9fff])", text)
            if start < m.start() < found.end()
        ]
        for a, b in itertools.pairwise([0, *cuts, len(word)]):
            words.append(word[a:b])
    return words


@settings(max_examples=300)
@given(SHORT_TEXTS, st.integers(min_value=16, max_value=60))
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(
    text: str, width: int
) -> None:
    """Where a fold has no space, the next line starts with no closing mark and the line before
    ends with no opening one, unless the word the marks hold is itself too wide for a line."""
    spans = fold_spans(text, width)
    for (_, end), (start, _) in itertools.pairwise(spans):
        if end != start:
            continue
        low, high = end, start
        held = NO_LINE_START | NO_LINE_END
        while (
            low > 0
            and not text[low - 1].isspace()
            and (not _wide(text[low - 1]) or text[low - 1] in held)
        ):
            low -= 1
        while (
            high < len(text)
            and not text[high].isspace()
            and (not _wide(text[high]) or text[high] in held)
        ):
            high += 1
        if cell_len(text[low:high]) + 2 > width:
            continue  # too wide a piece: its word stays whole, a mark gives way
        assert text[start] not in NO_LINE_START, (text, spans)
        assert text[end - 1] not in NO_LINE_END, (text, spans)


def test_a_chinese_sentence_folds_between_characters_by_the_rules() -> None:
    """A sentence folds between characters, keeps “85亿元” and “18.3%” whole with their units,
    and each comma on the line before."""
    assert fold("固定资产投资突破85亿元，同比增长18.3%（全市第一）。", 20) == [
        "固定资产投资突破",
        "85亿元，同比增长",
        "18.3%（全市第一）。",
    ]


def test_a_word_wider_than_the_line_is_cut_but_kept() -> None:
    """Only a word wider than the whole line is cut: after a hyphen where it can, else at the
    width, every character kept."""
    assert fold("fixed-asset-investment.growth", 10) == [
        "fixed-",
        "asset-",
        "investmen",
        "t.growth",
    ]


def test_an_indent_is_kept() -> None:
    """Leading spaces (an example's indent) stay on the first line."""
    assert fold("  gaoxin get gdp", 12) == ["  gaoxin get", "gdp"]


def test_a_piece_too_wide_is_cut_between_its_marks_and_its_word() -> None:
    """A word held by marks is cut from its marks before it is cut itself; closing marks stay
    with it where they fit."""
    text = "（fixed-asset-investment.growth，，"
    assert fold(text, 34) == ["（", "fixed-asset-investment.growth，，"]
    assert fold(text, 31) == ["（", "fixed-asset-investment.growth", "，，"]
    assert fold("18.3%18.3%3288，，", 16) == ["18.3%18.3%3288", "，，"]


def test_closing_marks_too_many_for_the_line_leave_the_figure_whole() -> None:
    """A figure held by more closing marks than fit on its line is not cut to keep them:
    the marks start the next line."""
    assert fold("85亿元，，，", 10) == ["85亿元", "，，，"]
    assert fold("（85亿元，，，", 10) == ["（", "85亿元", "，，，"]


@settings(max_examples=300)
@given(TEXTS, st.integers(min_value=8, max_value=60))
def test_a_figure_and_its_unit_stay_whole(text: str, width: int) -> None:
    """A figure with its Chinese unit ("85亿元") that fits on a line is never split across two."""
    lines = fold(text, width)
    for figure in re.findall(r"(?<![A-Za-z0-9_.%,-])[0-9][0-9.,%]*亿元", text):
        if cell_len(figure) + 4 <= width:
            assert any(figure in line for line in lines), (figure, lines)
