"""facts/schema.json: valid, true of every shipped file, and in step with the loader."""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, SECTION_TOML
from factgen import datasets, value_mutations, write_dataset
from gaoxin_cli.factfiles import keys, loader
from gaoxin_cli.factfiles.folders import default_facts_dir
from gaoxin_cli.model import MEASURES, QUALIFIERS, SECTIONS, STATUSES, units

jsonschema = pytest.importorskip("jsonschema")

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

SCHEMA_PATH = default_facts_dir() / "schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
DEFS = SCHEMA["$defs"]


def errors(data: dict[str, Any]) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(data)]


def test_a_section_file_without_section_is_named_as_one() -> None:
    """Missing `section`, a section file is still checked as one."""
    text = SECTION_TOML.replace('section = "economy"\n', "")
    messages = errors(tomllib.loads(text))
    assert messages == ["'section' is a required property"]


def test_schema_is_valid_draft_2020_12() -> None:
    """schema.json is itself a valid Draft 2020-12 schema."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(
    "path",
    sorted(default_facts_dir().rglob("*.toml"))
    + sorted((REPO / "tests" / "fixtures").rglob("*.toml")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_every_fact_file_satisfies_the_schema(path: Path) -> None:
    """Every shipped and fixture TOML file satisfies the schema."""
    assert errors(tomllib.loads(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    ("definition", "keys"),
    [
        ("dataset_file", keys.DATASET_KEYS),
        ("section_file", keys.SECTION_KEYS),
        ("indicator", keys.INDICATOR_KEYS),
        ("fact", keys.FACT_KEYS),
    ],
)
def test_keys_and_required_keys_are_the_loaders(definition: str, keys: dict[str, Any]) -> None:
    """The same keys, the same required ones, nothing else allowed."""
    schema = DEFS[definition]
    assert set(schema["properties"]) == set(keys)
    assert set(schema["required"]) == {k for k, checker in keys.items() if checker.required}
    assert schema["additionalProperties"] is False


def test_source_keys_are_the_loaders() -> None:
    """The schema's source keys, and its required ones, are the loader's."""
    source = DEFS["dataset_file"]["properties"]["source"]
    assert set(source["properties"]) == set(keys.SOURCE_KEYS)
    assert set(source["required"]) == {k for k, c in keys.SOURCE_KEYS.items() if c.required}


def test_vocabularies_are_the_models() -> None:
    """The schema's sections, measures, qualifiers, statuses and id pattern are the model's."""
    assert DEFS["section_file"]["properties"]["section"]["enum"] == list(SECTIONS)
    assert DEFS["fact"]["properties"]["measure"]["enum"] == list(MEASURES)
    assert DEFS["fact"]["properties"]["qualifier"]["enum"] == list(QUALIFIERS)
    assert DEFS["fact"]["properties"]["status"]["enum"] == list(STATUSES)
    assert DEFS["id"]["pattern"] == keys.ID_PATTERN.pattern


@pytest.mark.parametrize("scale", ["", "万", "亿", "万亿", "千", "百万"])
@pytest.mark.parametrize("base", [*units.BASE_UNITS, "公斤", "%%", "元 ", ""])
def test_unit_pattern_accepts_any_unit_but_a_scaled_percent(scale: str, base: str) -> None:
    """The unit pattern takes any unit as written, and refuses exactly a scale word
    before %, 个百分点 or 微克/立方米, as validate does."""
    unit = scale + base
    pattern = DEFS["fact"]["properties"]["unit"]["pattern"]
    assert bool(re.search(pattern, unit)) == (not units.scaled_unscaled(unit)), unit


def _section(change: tuple[str, str]) -> str:
    old, new = change
    assert old in SECTION_TOML
    return SECTION_TOML.replace(old, new)


@pytest.mark.parametrize(
    "change",
    [
        ("value = 85", "value = [85]"),
        ("value = 85", "value = true"),
        ("value = 85", "value = 1979-05-27"),
        ("value = 85", "value = inf"),
        ("value = 85", "value = 10000000000000000"),
        ('measure = "level"', 'measure = "levels"'),
        ('unit = "亿元"', 'unit = "亿%"'),
        ('quote = "固定资产投资完成85亿元"', 'quote = "  "'),
        ('quote = "固定资产投资完成85亿元"\n', ""),
        ('id = "fixed-asset-investment"', 'id = "Fixed Asset"'),
        ('section = "economy"', 'section = "economics"'),
        (
            '[[indicator.fact]]\nmeasure = "level"',
            '[[indicator.fact]]\nqualifer = "over"\nmeasure = "level"',
        ),
        ('zh = "固定资产投资"\n', ""),
        ('unit = "亿元"\n', ""),
        ('measure = "level"', 'measure = "text"'),
        ("value = 85", 'value = "八十五"'),
        ('section = "economy"\n', ""),
        ("value = 85\n", 'value = 85\nqualifier = "estimated"\n'),
        ("value = 85\n", 'value = 85\nstatus = "final"\n'),
        ("value = 85\n", 'value = 85\nstatus = "over"\n'),
    ],
)
def test_the_schema_rejects_what_the_loader_rejects(change: tuple[str, str], make_dataset) -> None:
    """Hand-picked mistakes: the loader reports each, and so does the schema."""
    text = _section(change)
    folder = make_dataset({"economy.toml": text})
    with pytest.raises(loader.FactsError):
        loader.load_factbook(folder)
    assert errors(tomllib.loads(text))


#: Loader problems beyond what a schema says: a quote that does not state
#: its figure, ids used twice, headlines naming no fact, and NaN (JSON has
#: no NaN, so JSON Schema cannot refuse it).
#: Problems only the quote (or several facts) can show: left to validate.
_BEYOND_SCHEMA = re.compile(
    r"quote does not contain|^duplicate |^headlines: |not nan$|the quote hedges|next to .* in the"
    r" quote|the quote writes|measure '\w+' is (in|an amount)|take the same unit"
    r"|no word of decline|the quote gives .* a status|status '\w+' needs"
)


@pytest.mark.slow
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), files=datasets())
def test_schema_and_loader_agree_on_mutated_files(data: st.DataObject, files) -> None:
    """Generated datasets, some with a value replaced, dropped or added.

    Whatever the schema rejects the loader rejects (an editor never flags a
    good file), and every problem the loader finds in a file's keys and
    types, the schema finds too.
    """
    if data.draw(st.booleans()):
        files = data.draw(value_mutations(files))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ds"
        write_dataset(folder, files)
        try:
            loader.load_factbook(folder)
            problems = []
        except loader.FactsError as error:
            problems = error.problems
        for path in sorted(folder.glob("*.toml")):
            schema_errors = errors(tomllib.loads(path.read_text(encoding="utf-8")))
            in_file = [p for p in problems if Path(p.path) == path]
            if schema_errors:
                assert in_file, (path.name, schema_errors)
            key_problems = [p for p in in_file if not _BEYOND_SCHEMA.search(p.message)]
            if key_problems:
                assert schema_errors, (path.name, [p.message for p in key_problems])


def test_an_indicator_needs_a_fact() -> None:
    """`fact = []`: the loader says "indicator has no facts"; so does the schema."""
    data = tomllib.loads(SECTION_TOML)
    data["indicator"][0]["fact"] = []
    assert errors(data)
