"""Keys too deep or too long for parsing are refused first, in one linear scan.

tomllib takes time growing with the square of a key's number of dotted parts,
so `toml_lines.key_problem` refuses keys and table headers of more than
MAX_KEY_PARTS parts or MAX_KEY_CHARS characters before the file is parsed;
it must never refuse a valid file within those limits.
"""

from __future__ import annotations

import json
import re
import sys

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import SECTION_TOML
from gaoxin_cli.factfiles.toml_lines import MAX_KEY_CHARS, MAX_KEY_PARTS, key_problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

MILLION = ".".join(["a"] * 1_000_000)
PARTS = f"has more than {MAX_KEY_PARTS} dotted parts"
#: A dotted run that would be far too deep, were it a key.
CHAIN = ".".join(["x"] * (MAX_KEY_PARTS * 2))

# --- the command line ----------------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "what"),
    [
        pytest.param(f"{MILLION} = 1\n", "key", id="key"),
        pytest.param(f"[{MILLION}]\n", "table header", id="header"),
        pytest.param(f"[[{MILLION}]]\n", "table header", id="array-header"),
        pytest.param(f"x = {{ {MILLION} = 1 }}\n", "key", id="inline-table"),
    ],
)
@pytest.mark.parametrize("command", [["validate"], ["get", "fixed-asset-investment"]])
def test_million_part_key_is_refused_with_its_line(
    gaoxin, make_dataset, tail: str, what: str, command: list[str]
) -> None:
    """A 2 MB key or header of 1,000,000 parts is one `path:line:` problem, exit 2."""
    folder = make_dataset({"economy.toml": SECTION_TOML + tail})
    line = SECTION_TOML.count("\n") + 1
    result = gaoxin("--facts", str(folder), *command)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    first = result.stderr.splitlines()[0]
    assert first == f"{folder / 'economy.toml'}:{line}: {what} {PARTS}; not read"


def test_over_long_key_is_refused(gaoxin, make_dataset) -> None:
    """A key longer than MAX_KEY_CHARS characters is refused at its line."""
    folder = make_dataset({"economy.toml": SECTION_TOML + "k" * 2_000_000 + " = 1\n"})
    result = gaoxin("--facts", str(folder), "validate")
    assert result.exit_code == 2, result.output
    line = SECTION_TOML.count("\n") + 1
    message = f"key is longer than {MAX_KEY_CHARS} characters; not read"
    assert result.stderr.splitlines()[0] == f"{folder / 'economy.toml'}:{line}: {message}"


# --- the limits themselves ----------------------------------------------------


def test_limits_are_inclusive() -> None:
    """MAX_KEY_PARTS parts and MAX_KEY_CHARS characters pass; one more is refused."""
    deepest = ".".join(["a"] * MAX_KEY_PARTS)
    longest = "k" * MAX_KEY_CHARS
    assert key_problem(f"{deepest} = 1\n[{deepest}]\n{longest} = 2\n") is None
    assert key_problem(f"{deepest}.a = 1\n") == (1, f"key {PARTS}")
    assert key_problem(f"\n\n[{deepest}.a]\n") == (3, f"table header {PARTS}")
    too_long = (1, f"key is longer than {MAX_KEY_CHARS} characters")
    assert key_problem(f"{longest}k = 1\n") == too_long
    assert key_problem(f'"{longest[:-2]}x" = 1\n') == too_long


@pytest.mark.parametrize(
    "text",
    [
        f'k = "{CHAIN}"\n',
        f"k = '{CHAIN}'\n",
        f'k = """\n[{CHAIN}]\n{CHAIN} = 1\n"""\n',
        f"k = '''\n[{CHAIN}]\n'''\n",
        f'k = """a\\"""\n{CHAIN} = 1 ""\\""""\n',
        f'"{CHAIN}" = 1\n',
        f"'{CHAIN}' = 1\n",
        f"# {CHAIN} = 1\n[t] # [{CHAIN}]\n",
        f"k = [\n  1.5, # {CHAIN}\n  2.5e-3,\n]\n",
        "d = 1979-05-27 07:32:00.999-07:00\nt = 07:32:00.5\nf = [+inf, -nan, 0x1F]\n",
        f't = {{ a.b = 1, "c.d" = "{CHAIN}", e = [{{ f.g = [] }}] }}\n',
        f'[[a."b.c"]]\nx = 1\n[[a."b.c"]]\nx = "[{CHAIN}]"\n',
        "k = 1\r\n[t]\r\nv = 'x'\r\n",
        "",
    ],
)
def test_dots_that_are_no_keys_are_not_counted(text: str) -> None:
    """Dots in strings, quoted keys, comments, numbers and dates are no key's parts."""
    tomllib.loads(text)  # each is valid TOML
    assert key_problem(text) is None


@pytest.mark.parametrize(
    "text",
    [
        'k = "unterminated\n',
        "k = '''never closed\n",
        "= 1\n",
        "k = [1, 2\n",
        "k = " + "[" * 100_000,
    ],
)
def test_text_that_is_not_toml_is_left_to_the_parser(text: str) -> None:
    """Where the text stops being TOML the scan stops; parsing then says what is wrong."""
    assert key_problem(text) is None
    with pytest.raises((tomllib.TOMLDecodeError, RecursionError)):
        tomllib.loads(text)


# --- every valid document -----------------------------------------------------

#: Characters that trip a careless scanner, in strings and quoted keys.
TRICKY = "ab.[]{}=#,'\"\\ \t中"

bare_keys = st.from_regex(r"[A-Za-z0-9_-]{1,6}", fullmatch=True)
basic_keys = st.text(TRICKY + "\n", max_size=8).map(lambda s: json.dumps(s, ensure_ascii=False))
literal_keys = st.text(TRICKY.replace("'", ""), max_size=8).map(lambda s: f"'{s}'")
key_parts = st.one_of(bare_keys, basic_keys, literal_keys)
spaces = st.sampled_from(["", " ", "\t"])


@st.composite
def dotted_keys(draw: st.DrawFn, unique: str) -> str:
    """A dotted key of 1 to 4 parts (the first one unique), spaced at random."""
    parts = [f'"{unique}"', *draw(st.lists(key_parts, max_size=3))]
    gap = draw(spaces)
    return f"{gap}.{gap}".join(parts)


def _multiline_basic(content: str, tail: str) -> str:
    escaped = content.replace("\\", "\\\\").replace('"', '\\"')
    return f'"""{escaped}{tail}"""'


def _multiline_literal(content: str, tail: str) -> str:
    content = re.sub("'{3,}", "''", content)
    if content.endswith("'"):
        tail = ""
    return f"'''{content}{tail}'''"


tails = st.sampled_from(["", '"', '""'])
strings = st.one_of(
    st.text(TRICKY, max_size=10).map(lambda s: json.dumps(s, ensure_ascii=False)),
    st.text(TRICKY.replace("'", ""), max_size=10).map(lambda s: f"'{s}'"),
    st.builds(_multiline_basic, st.text(TRICKY + "\n", max_size=12), tails),
    st.builds(
        _multiline_literal, st.text(TRICKY + "\n", max_size=12), st.sampled_from(["", "'", "''"])
    ),
)
scalars = st.one_of(
    strings,
    st.sampled_from(
        [
            *("1", "-17", "1_000", "0x1F", "1.5", "-0.25e3", "inf", "nan", "true", "false"),
            *("1979-05-27", "07:32:00.5", "1979-05-27T07:32:00Z", "1979-05-27 07:32:00.999-07:00"),
        ]
    ),
)


def _array(items: list[str], multiline: bool, comma: bool) -> str:
    if not multiline:
        return "[" + ", ".join(items) + (", " if comma and items else "") + "]"
    lines = "".join(f"\n  {item}, # {CHAIN}" for item in items)
    return f"[{lines}\n]"


def _inline(pairs: list[tuple[str, str]]) -> str:
    return "{ " + ", ".join(f"{key} = {value}" for key, value in pairs) + " }"


values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.builds(_array, st.lists(inner, max_size=3), st.booleans(), st.booleans()),
        st.lists(st.tuples(st.integers(0, 10**6).map(lambda n: f"i{n}"), inner), max_size=3)
        .filter(lambda pairs: len({key for key, _ in pairs}) == len(pairs))
        .map(_inline),
    ),
    max_leaves=8,
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A TOML document: key = value lines, [tables], [[arrays of tables]], comments."""
    lines = []
    for n in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["pair", "pair", "table", "array", "comment", "blank"]))
        if kind == "pair":
            key = draw(dotted_keys(f"k{n}"))
            comment = draw(st.sampled_from(["", f"  # {CHAIN} = 1"]))
            lines.append(f"{draw(spaces)}{key}{draw(spaces)}={draw(spaces)}{draw(values)}{comment}")
        elif kind in ("table", "array"):
            brackets = ("[", "]") if kind == "table" else ("[[", "]]")
            key = draw(dotted_keys(f"t{n}"))
            lines.append(f"{brackets[0]}{draw(spaces)}{key}{draw(spaces)}{brackets[1]}")
        elif kind == "comment":
            lines.append(f"# {draw(st.text(TRICKY, max_size=12))}")
        else:
            lines.append("")
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines) + "\n"


def _parses(text: str) -> bool:
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    return True


@settings(suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(documents(), st.sampled_from(["key", "header", "array", "inline", "in-array"]))
def test_valid_documents_pass_and_a_deep_key_after_them_is_found(text: str, where: str) -> None:
    """Every valid document within the limits passes; a deep key added after it is found."""
    assume(_parses(text))
    assert key_problem(text) is None
    deep = " . ".join(["a", '"b.c"', "'d'", *["e"] * MAX_KEY_PARTS])
    added = {
        "key": f"{deep} = 1",
        "header": f"[{deep}]",
        "array": f"[[ {deep} ]]",
        "inline": f"z = {{ ok = 1, {deep} = 2 }}",
        "in-array": f'z = [ 1, {{ ok = "a.b" }},\n  {{ {deep} = 2 }} ]',
    }[where]
    line = text.count("\n") + 1 + added.count("\n")
    what = "table header" if where in ("header", "array") else "key"
    assert key_problem(text + added + "\n") == (line, f"{what} {PARTS}")
