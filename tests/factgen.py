"""Generated fact files for property tests: valid structures, a TOML writer, mutations.

The writer covers what fact files use (tables, arrays of tables, inline
tables, strings, numbers, booleans, arrays) so that generated structures can
be written, then broken byte by byte or value by value.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import string
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from gaoxin_cli.model import QUALIFIERS, STATUSES, format_value

NUMBER_MEASURES = ("level", "increase", "growth", "vs_city", "share", "rate", "threshold")
UNITS = ("亿元", "万元", "亿美元", "家", "%", "个百分点", "件", "名", "个", "万人")
#: The units a measure takes (as validate checks them).
UNITS_OF = {
    "growth": ("%",),
    "share": ("%",),
    "rate": ("%",),
    "vs_city": ("个百分点",),
    **{
        m: tuple(u for u in UNITS if u not in ("%", "个百分点"))
        for m in ("level", "increase", "threshold")
    },
}
#: A word before the figure that says its qualifier, as the article would write it.
HEDGE_WORDS = {
    "over": "超过",
    "nearly": "近",
    "about": "约",
    "at_least": "至少",
    "at_most": "不超过",
}
#: A word before the figure that says its status.
STATUS_WORDS = {"estimated": "预计", "preliminary": "初步核算"}

ids = st.from_regex(r"\A[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,6}){0,2}\Z")
# Words people write in fact files: Chinese, Latin, digits, punctuation, and now
# and then markup or escapes that must stay inert data (control characters are
# problems in fact text, so valid files hold none).
words = st.text(
    alphabet=st.sampled_from(
        [*"高新区大连投资增长亿元企业科技", *string.ascii_letters, *string.digits, *" ,.%/-[]\\"]
    )
    | st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() != "")


def toml_string(text: str) -> str:
    """A TOML basic string. JSON's escapes are TOML's, except DEL must be escaped too."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_value(value: Any) -> str:
    """One TOML value, inline."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(type(value))


def toml_key(key: str) -> str:
    bare = key and all(c.isascii() and (c.isalnum() or c in "-_") for c in key)
    return key if bare else toml_string(key)


def dump_toml(data: dict[str, Any], prefix: str = "") -> str:
    """A document: scalars and inline tables first, then [[arrays of tables]]."""
    lines: list[str] = []
    tables: list[tuple[str, dict[str, Any]]] = []
    arrays: list[tuple[str, list[dict[str, Any]]]] = []
    for key, value in data.items():
        name = f"{prefix}.{toml_key(key)}" if prefix else toml_key(key)
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            arrays.append((name, value))
        elif isinstance(value, dict) and key == "source":
            tables.append((name, value))
        else:
            lines.append(f"{toml_key(key)} = {toml_value(value)}")
    for name, table in tables:
        lines.append(f"\n[{name}]")
        lines.append(dump_toml(table, name))
    for name, items in arrays:
        for item in items:
            lines.append(f"\n[[{name}]]")
            lines.append(dump_toml(item, name))
    return "\n".join(line for line in lines if line) + "\n"


@st.composite
def facts(draw: st.DrawFn) -> dict[str, Any]:
    """One valid [[indicator.fact]]: a number whose quote states it."""
    measure = draw(st.sampled_from(NUMBER_MEASURES))
    value: int | float = draw(
        st.integers(-(10**6), 10**9)
        | st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False).map(lambda f: round(f, 2))
    )
    unit = draw(st.sampled_from(UNITS_OF[measure]))
    fact: dict[str, Any] = {"measure": measure, "value": value, "unit": unit}
    hedge = status = ""
    if draw(st.booleans()):
        fact["qualifier"] = draw(st.sampled_from(list(QUALIFIERS)))
        hedge = HEDGE_WORDS[fact["qualifier"]]
    if draw(st.integers(0, 3)) == 0:
        fact["status"] = draw(st.sampled_from(list(STATUSES)))
        status = STATUS_WORDS[fact["status"]]
    # After the figure's clause, words that state no other figure, no hedge, no status.
    after = draw(
        words.filter(lambda w: not any(c.isdigit() or c in "余多以左近约超逾预至初" for c in w))
    )
    before = draw(st.sampled_from(["增长", "完成", "达到"]))
    fact["quote"] = f"{status}{before}{hedge}{format_value(value)}{unit}\uff0c{after}"
    return fact


@st.composite
def indicators(draw: st.DrawFn, indicator_id: str) -> dict[str, Any]:
    chosen = draw(st.lists(facts(), min_size=1, max_size=3, unique_by=lambda f: f["measure"]))
    return {"id": indicator_id, "zh": draw(words), "en": draw(words), "fact": chosen}


@st.composite
def datasets(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    """A valid dataset folder as {file name: data}, with unique indicator ids."""
    files: dict[str, dict[str, Any]] = {
        "dataset.toml": {
            "id": draw(ids),
            "period": draw(st.sampled_from(["2019", "2020", "2019-H1"])),
            "title": {"zh": draw(words), "en": draw(words)},
            "area": {"zh": draw(words), "en": draw(words)},
            "source": {"title": draw(words), "authors": draw(st.lists(words, max_size=2))},
        }
    }
    all_ids = draw(st.lists(ids, min_size=1, max_size=6, unique=True))
    sections = draw(
        st.lists(
            st.sampled_from(["economy", "innovation", "party", "services"]),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    for n, section in enumerate(sections):
        mine = all_ids[n :: len(sections)]
        if not mine:
            continue
        body = {
            "section": section,
            "heading": {"zh": draw(words), "en": draw(words)},
            "indicator": [draw(indicators(i)) for i in mine],
        }
        files[f"{section}.toml"] = body
    return files


def write_dataset(folder: Path, files: dict[str, dict[str, Any]]) -> None:
    """Write each file's data as TOML into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_text(dump_toml(data), encoding="utf-8")


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in nested tables and arrays."""
    found: list[tuple[Any, ...]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        found.append((*prefix, key))
        if isinstance(value, dict | list):
            found.extend(_paths(value, (*prefix, key)))
    return found


@st.composite
def value_mutations(draw: st.DrawFn, files: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """`files` with one value replaced by an odd one, a key dropped, or a stray key added."""
    changed = copy.deepcopy(files)
    name = draw(st.sampled_from(sorted(changed)))
    path = draw(st.sampled_from(_paths(changed[name])))
    parent: Any = changed[name]
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    action = draw(st.sampled_from(["replace", "drop", "add"]))
    if action == "replace" or isinstance(parent, list):
        parent[last] = draw(odd_values)
    elif action == "drop":
        del parent[last]
    else:
        parent[draw(words)] = draw(odd_values)
    return changed


# Values a careless or hostile editor puts where something else belongs.
odd_values = st.one_of(
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30).filter(lambda n: -(2**63) <= n < 2**63),
    st.floats(allow_nan=True, allow_infinity=True),
    words,
    st.just(""),
    st.dates(),
    st.lists(st.integers(0, 9), max_size=3),
    st.dictionaries(st.sampled_from(["zh", "en", "x"]), words, max_size=3),
)


@st.composite
def byte_mutations(draw: st.DrawFn, raw: bytes) -> bytes:
    """`raw` with a few bytes replaced, inserted or deleted."""
    data = bytearray(raw)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["replace", "insert", "delete", "truncate"]))
        byte = draw(st.integers(0, 255) | st.sampled_from(list(b'"[]={}\n\\#.\x00\xff\xe4')))
        if action == "replace" and data:
            data[where] = byte
        elif action == "insert":
            data.insert(where, byte)
        elif action == "delete" and data:
            del data[where]
        elif action == "truncate":
            del data[where:]
    return bytes(data)
