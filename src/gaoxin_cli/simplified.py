"""Chinese in both scripts: text in traditional characters read as simplified.

Chinese statistics are published in both scripts; the tool reads 億元, 增長
and 預計 as it reads 亿元, 增长 and 预计. Reading converts with OpenCC
(`opencc` on PyPI, its t2s table), character for character, so that every
position in the converted text is the same position in the original: quotes
and units are then taken from the original, verbatim. OpenCC is imported only
when text outside ASCII must be read this way (the draft, validate, a unit
no table lists as written), and by search only for text that holds a
traditional character (`may_be_traditional`): never on a lookup of
simplified facts.
"""

import re
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str, *, force: bool = False) -> str:
    """`text` in simplified characters, of the same length (a character OpenCC
    would turn into more or fewer characters is kept as it is). Text with
    none of the lexicon's frequent traditional characters is taken as
    simplified already, and OpenCC is not loaded for it, unless `force`: a
    quote of an article that was converted is converted too, whatever
    characters it holds, so that the two are read alike."""
    if text.isascii() or not (force or may_be_traditional(text)):
        return text  # no traditional character the lexicon knows: nothing to convert
    converter = _converter()
    converted = str(converter.convert(text))
    if len(converted) == len(text):
        return converted
    return "".join(_one(converter, char) for char in text)


def _one(converter: Any, char: str) -> str:
    converted = str(converter.convert(char))
    return converted if len(converted) == 1 else char


@lru_cache(maxsize=4096)
def simplified_word(word: str) -> str:
    """`simplified` for short words read again and again (units, search words)."""
    return simplified(word)


def may_be_traditional(text: str) -> bool:
    """True if `text` holds a character written only in traditional Chinese
    (one of the lexicon's most frequent ones): only then does reading it as
    simplified change it. A set lookup, no conversion."""
    return not text.isascii() and not _hints().isdisjoint(text)


@lru_cache(maxsize=1)
def _hints() -> frozenset[str]:
    from gaoxin_cli.lexicon import TRADITIONAL_HINTS  # not at import: a lookup may never ask

    return TRADITIONAL_HINTS


def reading_form(text: str) -> str:
    """`text` as search compares it across scripts: in simplified characters
    where it may be traditional, else as it is (OpenCC is loaded only then)."""
    return simplified_word(text) if may_be_traditional(text) else text


_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"


@lru_cache(maxsize=1)
def _ruby() -> "re.Pattern[str]":
    """A pinyin reading left in the text by a page's ruby markup ("增長(zhǎng)",
    "區(qū)"): a bracketed syllable with a tone mark right after a Chinese
    character ("(zhuàng)" is the longest). It is layout, not text: read as a
    space is, kept in quotes. (Compiled when article text is first read,
    never on a lookup's start-up.)"""
    return re.compile(rf"(?<=[\u3400-\u9fff])[(（][a-z{_TONED}]{{1,6}}[)）]")


def ruby_places(text: str) -> frozenset[int]:
    """Offsets of `text` inside pinyin ruby annotations (none for most texts)."""
    if "(" not in text and "（" not in text:
        return frozenset()
    return frozenset(
        at
        for found in _ruby().finditer(text)
        if any(char in _TONED for char in found.group())
        for at in range(found.start(), found.end())
    )


def without_ruby(text: str) -> str:
    """`text` without its pinyin ruby annotations."""
    ruby = ruby_places(text)
    return "".join(c for at, c in enumerate(text) if at not in ruby) if ruby else text
