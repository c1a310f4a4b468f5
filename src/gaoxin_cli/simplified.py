"""Chinese in both scripts: text in traditional characters read as simplified.

Chinese statistics are published in both scripts; the tool reads 億元, 增長
and 預計 as it reads 亿元, 增长 and 预计. Reading converts with OpenCC
(`opencc` on PyPI, its t2s table), character for character, so that every
position in the converted text is the same position in the original: quotes
and units are then taken from the original, verbatim. OpenCC is imported only
when text outside ASCII must be read this way (the draft, validate, search,
a unit no table lists as written), never on a lookup of simplified facts.
"""

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` in simplified characters, of the same length (a character OpenCC
    would turn into more or fewer characters is kept as it is)."""
    if text.isascii():
        return text
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


@lru_cache(maxsize=1)
def _to_traditional() -> tuple[Any, ...]:
    import opencc

    return tuple(opencc.OpenCC(config) for config in ("s2t", "s2hk", "s2tw"))


@lru_cache(maxsize=1024)
def both_scripts(word: str) -> tuple[str, ...]:
    """`word` as each script writes it: as given, in simplified characters, and
    in the traditional characters of OpenCC's standard, Hong Kong and Taiwan
    tables ("亿元" -> 亿元, 億元), without repeats. For matching a search word
    against text in either script."""
    if word.isascii():
        return (word,)
    plain = simplified(word)
    forms = [word, plain, *(str(c.convert(plain)) for c in _to_traditional())]
    return tuple(dict.fromkeys(forms))
