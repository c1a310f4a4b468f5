"""The keys a fact file may hold, and how each key's value is checked.

facts/schema.json says the same for editors; a test keeps the two in step.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from gaoxin_cli.model import MEASURES, QUALIFIERS, SECTIONS, STATUSES

#: Integers beyond this are not figures of a review but typos or attacks.
MAX_MAGNITUDE = 10**15
#: Ids are lower-case words joined by hyphens: "fixed-asset-investment".
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


@dataclass(frozen=True)
class Checker:
    """How one key's value is checked: a test returning an error or None."""

    test: Callable[[Any], str | None]
    required: bool = False


def unknown_key(key: str, what: str, allowed: Mapping[str, Checker]) -> str:
    import difflib  # only on this error path

    message = f"unknown key {key!r} in {what}"
    close = difflib.get_close_matches(key, list(allowed), n=1)
    if close:
        return f"{message} (did you mean '{close[0]}'?)"
    return f"{message} (allowed: {', '.join(allowed)})"


#: Control characters (C0 but tab, DEL, C1) are never fact text; a line break
#: only in prose (quotes, notes, descriptions). A NUL would cut a text short.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_CONTROL_IN_PROSE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _string(value: Any, control: re.Pattern[str] = _CONTROL) -> str | None:
    if not isinstance(value, str):
        return f"must be a string, not {_kind(value)}"
    if not value.strip():
        return "must not be empty"
    found = control.search(value)
    if found:
        return (
            f"holds a control character (U+{ord(found.group()):04X} at character"
            f" {found.start() + 1}); fact text is plain text"
        )
    return None


def _prose(value: Any) -> str | None:
    """A string that may run over several lines."""
    return _string(value, _CONTROL_IN_PROSE)


def _file_name(value: Any) -> str | None:
    """The name of a file beside dataset.toml (no folder part)."""
    error = _string(value)
    if error:
        return error
    if value in (".", "..") or "/" in value or "\\" in value:
        return f"must be the name of a file in the dataset's folder, not {value!r}"
    return None


def _identifier(value: Any) -> str | None:
    error = _string(value)
    if error:
        return error
    if not ID_PATTERN.match(value):
        return f"must be lower-case letters and digits joined by - or _, not {value!r}"
    return None


def _label_table(value: Any) -> str | None:
    if not isinstance(value, dict):
        return f"must be a table with zh and en, not {_kind(value)}"
    missing = [lang for lang in ("zh", "en") if lang not in value]
    extra = [key for key in value if key not in ("zh", "en")]
    if missing:
        return f"is missing {' and '.join(missing)}"
    if extra:
        return f"has unknown key {extra[0]!r} (allowed: zh, en)"
    for lang in ("zh", "en"):
        error = _string(value[lang])
        if error:
            return f"{lang} {error}"
    return None


def _string_list(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return f"must be a list of strings, not {_kind(value)}"
    for n, item in enumerate(value, 1):
        found = _CONTROL.search(item)
        if found:
            return f"item {n} holds a control character (U+{ord(found.group()):04X})"
    return None


def _aliases(value: Any) -> str | None:
    error = _string_list(value)
    if error:
        return error
    for n, item in enumerate(value, 1):
        if not item.strip():
            return f"item {n} is empty"
    seen: set[str] = set()
    for item in value:
        if item.casefold() in seen:
            return f"names {item!r} twice"
        seen.add(item.casefold())
    return None


def _one_of(choices: Mapping[str, object]) -> Callable[[Any], str | None]:
    def test(value: Any) -> str | None:
        error = _string(value)
        if error:
            return error
        if value not in choices:
            return f"is {value!r}, not one of: {', '.join(choices)}"
        return None

    return test


def _figure(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return f"must be a number or a string, not {_kind(value)}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number, not {value}"
    if isinstance(value, int | float) and abs(value) > MAX_MAGNITUDE:
        return f"is too large to be a figure ({value:.3g}; the limit is 10^15)"
    if isinstance(value, str):
        return _string(value)
    return None


def _kind(value: Any) -> str:
    kinds = {bool: "a boolean", int: "an integer", float: "a float", str: "a string"}
    kinds |= {list: "an array", dict: "a table"}
    for kind, name in kinds.items():
        if isinstance(value, kind):
            return name
    return "a date or time"


def _array_of_tables(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        return f"must be an array of tables ([[...]]), not {_kind(value)}"
    return None


_LABEL = Checker(_label_table, required=True)

DATASET_KEYS: dict[str, Checker] = {
    "id": Checker(_identifier),
    "period": Checker(_string, required=True),
    "title": _LABEL,
    "area": _LABEL,
    "headlines": Checker(_string_list),
    "not_figure": Checker(_array_of_tables),
    "source": Checker(
        lambda v: None if isinstance(v, dict) else f"must be a table, not {_kind(v)}", required=True
    ),
}
SOURCE_KEYS: dict[str, Checker] = {
    "title": Checker(_string, required=True),
    "description": Checker(_prose),
    "byline": Checker(_string),
    "authors": Checker(_string_list),
    #: The article's plain text, a file beside dataset.toml (`validate --source`).
    "file": Checker(_file_name),
}
#: A number of the article that is not a figure (a year, a name), and where it stands.
NOT_FIGURE_KEYS: dict[str, Checker] = {
    "figure": Checker(_string, required=True),
    "quote": Checker(_prose, required=True),
    "note": Checker(_prose),
}
SECTION_KEYS: dict[str, Checker] = {
    "section": Checker(_one_of(SECTIONS), required=True),
    "heading": _LABEL,
    "indicator": Checker(_array_of_tables, required=True),
}
INDICATOR_KEYS: dict[str, Checker] = {
    "id": Checker(_identifier, required=True),
    "zh": Checker(_string, required=True),
    "en": Checker(_string, required=True),
    "heading": Checker(_label_table),
    "aliases": Checker(_aliases),
    "fact": Checker(_array_of_tables, required=True),
}
FACT_KEYS: dict[str, Checker] = {
    "key": Checker(_identifier),
    "measure": Checker(_one_of(MEASURES), required=True),
    "value": Checker(_figure, required=True),
    "unit": Checker(_string),
    "qualifier": Checker(_one_of(QUALIFIERS)),
    "status": Checker(_one_of(STATUSES)),
    "written": Checker(_string),
    "quote": Checker(_prose, required=True),
    "note": Checker(_prose),
    "value_en": Checker(_string),
    "zh": Checker(_string),
    "en": Checker(_string),
}
