"""Hostile input: broken TOML, mutated fact files, dangerous cells, broken streams.

Whatever comes in, the loader returns facts or raises FactsError whose every
problem has a place; the CLI answers with `path:line: message` lines and
exit 2, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import DATASET_TOML, SECTION_TOML, TOML_TEST
from factgen import byte_mutations, datasets, dump_toml, value_mutations, write_dataset
from gaoxin_cli.cli.app import app
from gaoxin_cli.errors import FactsError
from gaoxin_cli.factfiles.loader import load_factbook

#: One problem line: a path, a line number, a message, and nothing else.
PROBLEM_LINE = re.compile(r"^(?P<path>.+?):(?P<line>[1-9][0-9]*): (?P<message>\S.*)$")

needs_toml_test = pytest.mark.skipif(
    not TOML_TEST.is_dir(), reason=f"toml-test suite not found at {TOML_TEST}"
)


def toml_test_files() -> list[Path]:
    return sorted(TOML_TEST.rglob("*.toml")) if TOML_TEST.is_dir() else []


def assert_problem_lines(stderr: str, folder: Path) -> list[re.Match[str]]:
    """Every stderr line is `path:line: message` about a file in `folder`.

    `validate` ends with a count ("gaoxin: 3 problems found"); other commands don't.
    A warning (a unit no table lists) is `gaoxin: warning: path:line: message`, and no problem.
    """
    assert "Traceback" not in stderr
    lines = [line.removeprefix("gaoxin: warning: ") for line in stderr.splitlines()]
    warnings = len(lines) - sum(
        1 for line in stderr.splitlines() if not line.startswith("gaoxin: warning: ")
    )
    if lines and re.fullmatch(r"gaoxin: \d+ problems? found", lines[-1]):
        count = int(lines.pop().split()[1])
        assert count == len(lines) - warnings
    matches = []
    for line in lines:
        match = PROBLEM_LINE.match(line)
        assert match, f"not a path:line: message line: {line!r}"
        assert match["path"].startswith(str(folder)), line
        matches.append(match)
    assert matches
    return matches


# --- toml-test: 499 invalid TOML documents ------------------------------------


@needs_toml_test
@pytest.mark.slow
def test_every_toml_test_invalid_file_is_reported_by_name(tmp_path: Path) -> None:
    """`gaoxin validate` over all of toml-test's invalid files names each one, exit 2."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "dataset.toml").write_text(DATASET_TOML, encoding="utf-8")
    names = {}
    for source in toml_test_files():
        name = "-".join(source.relative_to(TOML_TEST).parts)
        shutil.copyfile(source, folder / name)
        names[name] = source
    assert len(names) == len(toml_test_files()) > 400

    result = CliRunner().invoke(app, ["--facts", str(folder), "validate"])

    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    reported = {Path(m["path"]).name for m in assert_problem_lines(result.stderr, folder)}
    assert reported == set(names)
    assert result.stdout == ""


@needs_toml_test
@pytest.mark.parametrize("path", toml_test_files(), ids=lambda p: str(p.relative_to(TOML_TEST)))
def test_toml_test_invalid_file_is_one_located_problem(path: Path, tmp_path: Path) -> None:
    """Each invalid document alone is a located problem with a line inside the file."""
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "dataset.toml").write_text(DATASET_TOML, encoding="utf-8")
    shutil.copyfile(path, folder / "broken.toml")
    with pytest.raises(FactsError) as caught:
        load_factbook(folder)
    problems = [p for p in caught.value.problems if p.path.endswith("broken.toml")]
    assert problems, caught.value.lines()
    lines = path.read_bytes().count(b"\n") + 1
    for problem in problems:
        assert 1 <= problem.line <= lines
        assert "\n" not in problem.message


# --- spreadsheets and JSON ----------------------------------------------------

FORMULA_SECTION = """\
section = "economy"
heading = { zh = "经济", en = "Economy" }

[[indicator]]
id = "formula"
zh = "=HYPERLINK(\\"http://x\\",\\"点我\\")"
en = "+1+cmd|' /C calc'!A0"

[[indicator.fact]]
measure = "growth"
value = -3.5
unit = "%"
quote = "下降-3.5%"
note = "@SUM(1+1)"

[[indicator.fact]]
key = "text"
measure = "text"
value = "-2 项"
quote = "-2 项"
"""


def test_csv_guards_formulas_and_keeps_numbers(gaoxin, make_dataset) -> None:
    """Cells that start with = + - @ are quoted as text; negative numbers stay numbers."""
    folder = make_dataset({"economy.toml": FORMULA_SECTION})
    result = gaoxin("--facts", str(folder), "export", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    growth, text = rows
    assert growth["label_zh"] == '\'=HYPERLINK("http://x","点我")'
    assert growth["label_en"] == "'+1+cmd|' /C calc'!A0"
    assert growth["note"] == "'@SUM(1+1)"
    assert growth["value"] == "-3.5"
    assert float(growth["value"]) == -3.5
    assert text["value"] == "'-2 项"
    for row in rows:
        for column, cell in row.items():
            if column not in {"value", "normalized_value"}:
                assert not cell.startswith(("=", "+", "-", "@")), (column, cell)


def test_json_never_contains_nan(gaoxin, installed_copy: Path) -> None:
    """No fact can carry NaN or infinity, so JSON output stays strict JSON."""
    economy = installed_copy / "dalian-2019" / "economy.toml"
    text = economy.read_text(encoding="utf-8")
    economy.write_text(text.replace("value = 18.3", "value = nan", 1), encoding="utf-8")
    refused = gaoxin("--facts", str(installed_copy), "export")
    assert refused.exit_code == 2
    assert "must be a finite number, not nan" in refused.stderr
    assert refused.stdout == ""

    def no_constants(name: str) -> None:
        raise AssertionError(f"JSON contains {name}")

    shipped = gaoxin("export", "--format", "json")
    assert shipped.exit_code == 0
    json.loads(shipped.stdout, parse_constant=no_constants)
    lines = gaoxin("export", "--format", "jsonl").stdout.splitlines()
    assert all(json.loads(line, parse_constant=no_constants) for line in lines)


def test_dangling_headline_is_a_problem(gaoxin, make_dataset) -> None:
    """A headline that names no fact is reported at dataset.toml."""
    folder = make_dataset(
        meta=DATASET_TOML.replace('period = "2019"', 'period = "2019"\nheadlines = ["gdp.level"]')
    )
    result = gaoxin("--facts", str(folder), "validate")
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"{folder / 'dataset.toml'}:3: headlines: no fact or indicator 'gdp.level'\ngaoxin: 1 problem found\n"
    )


def test_duplicate_dataset_ids_across_folders(gaoxin, make_dataset, tmp_path: Path) -> None:
    """Two folders claiming one dataset id: the second is reported, naming the first."""
    folder = make_dataset()
    twin = folder.parent / "twin"
    shutil.copytree(folder, twin)
    result = gaoxin("--facts", str(folder.parent), "validate")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{twin / 'dataset.toml'}:1: duplicate dataset id 'testland-2019'"
    )
    assert str(folder / "dataset.toml") in result.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('quote = "固定资产投资完成85亿元"', 'quote = "固定资产投资完成"'),
            "quote does not contain",
        ),
        (("value = 85\n", ""), "fact is missing required key 'value'"),
        (('measure = "level"\n', ""), "fact is missing required key 'measure'"),
        (('quote = "固定资产投资完成85亿元"\n', ""), "fact is missing required key 'quote'"),
        (('unit = "亿元"\n', ""), "a number needs a unit"),
        (
            ("[[indicator.fact]]", "[[indicator.facts]]"),
            "unknown key 'facts' in indicator (did you mean 'fact'?)",
        ),
        (('section = "economy"\n', ""), "section file is missing required key 'section'"),
        (("value = 85", "value = 1979-05-27"), "must be a number or a string, not a date or time"),
        (("value = 85", "value = [85]"), "must be a number or a string, not an array"),
        (("value = 85", "value = -inf"), "must be a finite number, not -inf"),
        (("value = 85", "value = 9223372036854775807"), "is too large to be a figure"),
        (('zh = "固定资产投资"', "zh = 3"), "indicator 'zh' must be a string, not an integer"),
        (('zh = "固定资产投资"', 'zh = " "'), "indicator 'zh' must not be empty"),
    ],
)
def test_schema_and_integrity_through_the_cli(gaoxin, make_dataset, change, message) -> None:
    """Each broken rule is one located stderr line and exit 2; nothing on stdout."""
    folder = make_dataset({"economy.toml": SECTION_TOML.replace(*change, 1)})
    for command in (["validate"], ["economy", "--format", "json"], ["get", "x.level"]):
        result = gaoxin("--facts", str(folder), *command)
        assert result.exit_code == 2, (command, result.output)
        assert result.stdout == ""
        assert message in result.stderr, result.stderr
        assert_problem_lines(result.stderr, folder)


# --- properties over generated fact files -------------------------------------

_FAST = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.slow
@_FAST
@given(files=datasets())
def test_valid_generated_files_load_exactly(files) -> None:
    """Any well-formed dataset loads every fact it wrote, with the values it wrote."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ds"
        write_dataset(folder, files)
        book = load_factbook(folder)
    written = [
        (ind["id"], fact["measure"], fact["value"], fact["unit"], fact["quote"])
        for name, data in files.items()
        if name != "dataset.toml"
        for ind in data["indicator"]
        for fact in ind["fact"]
    ]
    loaded = [(f.indicator, f.measure, f.value, f.unit, f.quote) for f in book.facts]
    assert sorted(loaded) == sorted(written)
    assert book.datasets[0].id == files["dataset.toml"]["id"]


def _load_or_problems(folder: Path) -> None:
    """Load `folder`: facts, or FactsError whose problems each have a real place."""
    try:
        load_factbook(folder)
    except FactsError as error:
        problems = error.problems
    else:
        return
    assert problems
    for problem in problems:
        path = Path(problem.path)
        assert folder in (path, path.parent), problem
        lines = path.read_bytes().count(b"\n") + 1 if path.is_file() else 1
        assert 1 <= problem.line <= lines, problem
        assert problem.message.strip()
        assert "\n" not in problem.message


@pytest.mark.slow
@_FAST
@given(data=st.data(), files=datasets())
def test_mutated_bytes_load_or_fail_with_a_place(data: st.DataObject, files) -> None:
    """Random byte edits: facts, or problems located inside the edited file."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ds"
        write_dataset(folder, files)
        name = data.draw(st.sampled_from(sorted(files)))
        path = folder / name
        path.write_bytes(data.draw(byte_mutations(path.read_bytes())))
        _load_or_problems(folder)


@pytest.mark.slow
@_FAST
@given(data=st.data(), files=datasets())
def test_mutated_values_load_or_fail_with_a_place(data: st.DataObject, files) -> None:
    """A value replaced, dropped or added: facts, or located problems."""
    changed = data.draw(value_mutations(files))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ds"
        write_dataset(folder, changed)
        _load_or_problems(folder)


@pytest.mark.slow
@_FAST
@given(data=st.data(), files=datasets())
def test_cli_never_prints_a_traceback(data: st.DataObject, files) -> None:
    """Through the CLI, broken or not: exit 0 with JSON, or exit 2 with problem lines."""
    if data.draw(st.booleans()):
        files = data.draw(value_mutations(files))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "ds"
        write_dataset(folder, files)
        if data.draw(st.booleans()):
            name = data.draw(st.sampled_from(sorted(files)))
            raw = (folder / name).read_bytes()
            (folder / name).write_bytes(data.draw(byte_mutations(raw)))
        command = data.draw(
            st.sampled_from(
                [["validate"], ["export"], ["export", "--format", "csv"], ["search", "增长"]]
            )
        )
        result = CliRunner().invoke(app, ["--facts", str(folder), *command])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(
            result.exception
        )
        assert "Traceback" not in result.output
        if result.exit_code == 2:
            assert result.stdout == ""
            assert_problem_lines(result.stderr, folder)
        elif result.exit_code == 1:  # search found nothing: one line says so
            assert result.stdout.count("\n") <= 1  # at most the empty form: a header row
            assert result.stderr.startswith("gaoxin: nothing matches")
            assert result.stderr.count("\n") == 1
        else:
            assert result.exit_code == 0, result.output
            # validate may warn of a unit no table lists; nothing else is said
            warnings = [line for line in result.stderr.splitlines() if line]
            assert all(line.startswith("gaoxin: warning: ") for line in warnings), result.stderr
            if command == ["export"]:
                json.loads(result.stdout)


def test_generated_toml_round_trips() -> None:
    """The test writer itself writes what tomllib reads back (a check on the tool)."""
    from gaoxin_cli.factfiles.loader import tomllib

    data = {"a": 'x\x7f"\\\n', "b": 1.5, "c": [{"d": 1}], "e": {"zh": "中", "en": "e"}}
    assert tomllib.loads(dump_toml(data)) == data


def test_names_from_files_stay_on_one_line(gaoxin, make_dataset) -> None:
    """A key or id holding a newline or a bidi control is shown escaped, one line."""
    text = SECTION_TOML.replace("value = 85\n", 'value = 85\n"evil\\nkey\\u202e" = 1\n', 1)
    folder = make_dataset({"economy.toml": text})
    result = gaoxin("--facts", str(folder), "validate")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{folder / 'economy.toml'}:12: unknown key 'evil\\nkey\\u202e' in fact (allowed: key, measure, value, unit, qualifier, status, written, quote, note, value_en, zh, en)",
        "gaoxin: 1 problem found",
    ]
