"""The commands through the real entry point: exit code, stdout and stderr apart."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import SECTION_TOML
from gaoxin_cli.model import FactBook
from gaoxin_cli.render.records import fact_record

#: DESIGN.md's record keys, in order, then the keys this tool adds: `note` (null or
#: an English remark), `value_en` (the English of a text value) and `heading_en`.
RECORD_KEYS = [
    "id",
    "dataset",
    "section",
    "heading",
    "indicator",
    "label",
    "measure",
    "value",
    "unit",
    "qualifier",
    "status",
    "normalized",
    "period",
    "area",
    "quote",
    "note",
    "value_en",
    "heading_en",
]
#: The flat columns of CSV and TSV, in order.
FLAT_COLUMNS = [
    "id",
    "dataset",
    "section",
    "heading",
    "indicator",
    "label_zh",
    "label_en",
    "measure",
    "value",
    "unit",
    "qualifier",
    "status",
    "normalized_value",
    "normalized_unit",
    "period",
    "area_zh",
    "area_en",
    "quote",
    "note",
    "value_en",
    "heading_en",
]
#: DESIGN.md's example record as the shipped facts give it (their quote is the
#: shortest clause stating the figure).
DESIGN_EXAMPLE = {
    "id": "fixed-asset-investment.growth",
    "dataset": "dalian-2019",
    "section": "economy",
    "heading": "经济指标强力攀升",
    "indicator": "fixed-asset-investment",
    "label": {"zh": "固定资产投资", "en": "Fixed-asset investment"},
    "measure": "growth",
    "value": 18.3,
    "unit": "%",
    "qualifier": None,
    "status": None,
    "normalized": {"value": 18.3, "unit": "percent"},
    "period": "2019",
    "area": {"zh": "大连高新区", "en": "Dalian Hi-tech Zone"},
    "quote": "固定资产投资完成85亿元,增长18.3%",
    "note": None,
    "value_en": None,
    "heading_en": "Economic indicators climb strongly",
}


def test_export_json_is_every_fact_with_the_contract_keys(gaoxin, shipped: FactBook) -> None:
    """`export --format json` prints every fact as the contract's record."""
    result = gaoxin("export", "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == ""
    records = json.loads(result.stdout)
    assert records == [fact_record(f) for f in shipped.facts]
    assert all(list(r) == RECORD_KEYS for r in records)
    assert DESIGN_EXAMPLE in records


def test_export_json_keeps_chinese_unescaped(gaoxin) -> None:
    """JSON keeps Chinese as UTF-8, not \\uXXXX escapes."""
    result = gaoxin("export")
    assert "固定资产投资" in result.stdout
    assert "\\u" not in result.stdout


def test_record_has_status_after_qualifier(gaoxin) -> None:
    """An estimate's record says so in `status`, right after `qualifier`; a final figure's is null."""
    result = gaoxin("get", "gdp", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    records = json.loads(result.stdout)
    keys = list(records[0])
    assert keys[keys.index("qualifier") + 1] == "status"
    assert {r["id"]: (r["qualifier"], r["status"]) for r in records} == {
        "gdp.growth": (None, "estimated"),
        "gdp.vs_city": (None, "estimated"),
    }
    final = json.loads(gaoxin("get", "fixed-asset-investment.vs_city", "--json").stdout)
    assert [(r["qualifier"], r["status"]) for r in final] == [("over", None)]


def test_contract_example_record(gaoxin) -> None:
    """The DESIGN.md example record, field for field."""
    result = gaoxin("get", "fixed-asset-investment.growth", "--json")
    assert result.exit_code == 0
    (record,) = json.loads(result.stdout)
    assert record == DESIGN_EXAMPLE
    assert list(record) == RECORD_KEYS


def test_export_jsonl_one_record_per_line(gaoxin, shipped: FactBook) -> None:
    """JSONL is one compact object per line, the same records as JSON."""
    result = gaoxin("export", "--format", "jsonl")
    lines = result.stdout.splitlines()
    assert len(lines) == len(shipped.facts)
    assert [json.loads(line) for line in lines] == [fact_record(f) for f in shipped.facts]


def test_export_csv_parses_back(gaoxin, shipped: FactBook) -> None:
    """CSV has a header of the flat columns and one row per fact."""
    result = gaoxin("export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == FLAT_COLUMNS
    assert len(rows) == len(shipped.facts)
    by_id = {r["id"]: r for r in rows}
    assert by_id["fixed-asset-investment.level"]["normalized_value"] == "8500000000"
    assert by_id["visiting-delegations.level"]["qualifier"] == "over"
    assert (by_id["gdp.growth"]["qualifier"], by_id["gdp.growth"]["status"]) == ("", "estimated")


def test_json_flag_equals_format_json(gaoxin) -> None:
    """`--json` is `--format json`, byte for byte."""
    assert gaoxin("economy", "--json").stdout == gaoxin("economy", "--format", "json").stdout


def test_json_and_other_format_conflict(gaoxin) -> None:
    """Asking for two formats is a usage error."""
    result = gaoxin("economy", "--json", "--format", "csv")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--json and --format csv" in result.stderr


def test_validate_clean(gaoxin, shipped: FactBook) -> None:
    """`validate` on the shipped facts exits 0 and says how many facts."""
    result = gaoxin("validate")
    assert result.exit_code == 0
    assert result.stdout == f"ok: {len(shipped.facts)} facts in 1 dataset, no problems\n"


def test_validate_broken_reports_lines_and_exits_2(gaoxin, installed_copy) -> None:
    """Problems go to stderr as path:line: lines plus a count; exit 2, no traceback."""
    path = installed_copy / "dalian-2019" / "economy.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("value = 85\n", "value = 58\n"), encoding="utf-8"
    )
    result = gaoxin("validate", str(installed_copy))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{path}:")
    assert "quote does not contain the figure as written ('58')" in lines[0]
    assert lines[-1] == "gaoxin: 1 problem found"
    assert "Traceback" not in result.stderr


def test_other_commands_refuse_broken_facts(gaoxin, installed_copy) -> None:
    """Any command on broken facts prints the problems and exits 2."""
    (installed_copy / "dalian-2019" / "party.toml").write_text("section = [\n", encoding="utf-8")
    result = gaoxin("economy", "--facts", str(installed_copy))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "party.toml:2: invalid TOML: invalid value" in result.stderr


def test_facts_from_environment(gaoxin, make_dataset) -> None:
    """GAOXIN_FACTS chooses the facts folder like --facts."""
    folder = make_dataset()
    result = gaoxin("export", env={"GAOXIN_FACTS": str(folder)})
    assert [r["dataset"] for r in json.loads(result.stdout)] == ["testland-2019"] * 2


@pytest.mark.parametrize(
    "command",
    [["economy"], ["get", "fixed-asset-investment"], ["search", "固定"], ["export"], ["validate"]],
)
def test_options_before_the_command_apply_to_it(gaoxin, make_dataset, command) -> None:
    """`gaoxin --facts X CMD` reads X, as `gaoxin CMD --facts X` does."""
    folder = make_dataset()
    before = gaoxin(
        "--facts",
        str(folder),
        *command,
        *(["--json"] if command[0] not in {"export", "validate"} else []),
    )
    after = gaoxin(
        *command,
        "--facts",
        str(folder),
        *(["--json"] if command[0] not in {"export", "validate"} else []),
    )
    assert before.exit_code == after.exit_code == 0, before.output
    assert before.stdout == after.stdout
    assert "testland-2019" in before.stdout or "2 facts" in before.stdout


@pytest.mark.parametrize("before", [["--json"], ["-f", "json"], ["--format=json"]])
def test_format_before_the_command_applies_to_it(gaoxin, before) -> None:
    """`gaoxin --json economy` is `gaoxin economy --json`; the command's own choice wins."""
    assert gaoxin(*before, "economy").stdout == gaoxin("economy", "--json").stdout
    assert gaoxin(*before, "export", "-f", "csv").stdout == gaoxin("export", "-f", "csv").stdout
    assert gaoxin("-f", "csv", "export").stdout.startswith("id,dataset,")


def test_language_from_option_environment_and_default(gaoxin) -> None:
    """--lang wins over GAOXIN_LANG, which wins over the default zh; either position works."""
    args = ("economy", "--format", "table")
    zh = gaoxin(*args, env={"COLUMNS": "100"}).stdout
    en_env = gaoxin(*args, env={"COLUMNS": "100", "GAOXIN_LANG": "en"}).stdout
    en_before = gaoxin("--lang", "en", *args, env={"COLUMNS": "100"}).stdout
    zh_option = gaoxin(*args, "--lang", "zh", env={"COLUMNS": "100", "GAOXIN_LANG": "en"}).stdout
    assert "固定资产投资" in zh
    assert "Fixed-asset investment" not in zh
    assert "Fixed-asset investment" in en_env
    assert en_before == en_env
    assert zh_option == zh
    bad = gaoxin(*args, env={"GAOXIN_LANG": "fr"})
    assert bad.exit_code == 2
    assert "fr" in bad.stderr


def test_debug_lets_the_error_through(gaoxin) -> None:
    """With --debug, before or after the command, or GAOXIN_DEBUG=1, the error is raised."""
    for args, env in (
        (("get", "nope", "--debug"), None),
        (("--debug", "get", "nope"), None),
        (("get", "nope"), {"GAOXIN_DEBUG": "1"}),
    ):
        result = gaoxin(*args, env=env)
        assert type(result.exception).__name__ == "NotFoundError", args
    quiet = gaoxin("get", "nope")
    assert isinstance(quiet.exception, SystemExit)
    assert quiet.exit_code == 1


def test_section_piped_is_tsv_with_header(gaoxin) -> None:
    """Without --format and not at a terminal, a section is TSV with a header row."""
    result = gaoxin("economy")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == FLAT_COLUMNS
    assert all(len(line.split("\t")) == len(FLAT_COLUMNS) for line in lines)
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize(
    "section", ["investment", "economy", "innovation", "services", "governance", "party"]
)
def test_each_section_lists_only_its_facts(gaoxin, shipped: FactBook, section: str) -> None:
    """Each section command gives exactly that section's facts."""
    result = gaoxin(section, "--json")
    assert result.exit_code == 0
    ids = [r["id"] for r in json.loads(result.stdout)]
    assert ids == [f.id for f in shipped.facts if f.section == section]


def test_get_value_prints_bare_values(gaoxin) -> None:
    """`get --value` prints one bare value per line, for $(...) in scripts."""
    result = gaoxin("get", "fixed-asset-investment.growth", "--value")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "18.3\n", "")
    result = gaoxin("get", "fixed-asset-investment", "patent-applications.level", "--value")
    assert result.stdout == "85\n18.3\n20\n3288\n"


def test_get_unknown_id_suggests(gaoxin) -> None:
    """An unknown id is exit 1 with a did-you-mean on stderr."""
    result = gaoxin("get", "fixed-asset-investmnt")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "gaoxin: no indicator or fact with id 'fixed-asset-investmnt'; "
        "did you mean 'fixed-asset-investment' or 'foreign-investment'?\n"
    )
    result = gaoxin("get", "patent")
    assert "did you mean 'patent-applications' or 'patent-grants'" in result.stderr


def test_search_chinese_english_and_number(gaoxin) -> None:
    """Search finds by Chinese, English and a number, best match first."""
    ids = lambda *args: [r["id"] for r in json.loads(gaoxin("search", *args, "--json").stdout)]  # noqa: E731
    assert ids("3288")[0] == "patent-applications.level"
    assert ids("85")[0] == "fixed-asset-investment.level"
    assert {"patent-applications.level", "patent-grants.level"} <= set(ids("专利"))
    assert ids("patent")[0].startswith("patent-")
    assert ids("unemployment") == ["registered-unemployment.rate"]


def test_search_nothing_found_exits_1(gaoxin) -> None:
    """No match is exit 1 and one line on stderr; a table prints nothing on stdout."""
    result = gaoxin("search", "火星", "--format", "table")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "gaoxin: nothing matches '火星'\n"


@pytest.mark.parametrize(
    ("args", "stdout", "message"),
    [
        (["search", "火星", "--json"], "[]\n", "nothing matches '火星'"),
        (["search", "火星", "--format", "jsonl"], "", "nothing matches '火星'"),
        (
            ["search", "火星", "--format", "csv", "--fields", "id,value"],
            "id,value\n",
            "nothing matches '火星'",
        ),
        (
            ["search", "火星", "--format", "tsv", "--fields", "id,value"],
            "id\tvalue\n",
            "nothing matches '火星'",
        ),
        (["search", "火星", "--format", "tsv", "--no-headers"], "", "nothing matches '火星'"),
        (
            ["economy", "-m", "rank", "-q", "over", "--json"],
            "[]\n",
            "no facts in section 'economy' match",
        ),
        (["get", "gdp", "-m", "rank", "--json"], "[]\n", "no fact of gdp matches the filter"),
        (["export", "-q", "nearly", "-u", "美元"], "[]\n", "no facts match"),
        (
            ["export", "-q", "nearly", "-u", "美元", "-f", "csv", "--fields", "id"],
            "id\n",
            "no facts match",
        ),
    ],
)
def test_an_empty_answer_is_exit_1_and_the_format_s_empty_form(
    gaoxin, args, stdout, message
) -> None:
    """Nothing found is exit 1 everywhere; machine formats still print their empty form."""
    result = gaoxin(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (1, stdout, f"gaoxin: {message}\n")


def test_overview_json(gaoxin) -> None:
    """`gaoxin --json` gives the dataset, section counts and headline facts."""
    result = gaoxin("--json")
    data = json.loads(result.stdout)
    assert data["dataset"]["id"] == "dalian-2019"
    assert data["dataset"]["source"]["authors"] == ["杨文书", "李益华", "杨丽娟"]
    assert {s["section"] for s in data["sections"]} >= {"economy", "party"}
    assert data["headlines"][0]["id"] == "gdp.growth"


def test_version(gaoxin) -> None:
    """`--version` prints the package version."""
    result = gaoxin("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("gaoxin ")


@pytest.mark.parametrize("command", ["economy", "get", "search", "export", "validate"])
def test_every_command_help_has_examples(gaoxin, command: str) -> None:
    """Each command's --help shows real examples."""
    result = gaoxin(command, "--help")
    assert result.exit_code == 0
    assert "Examples" in result.stdout
    assert f"gaoxin {command}" in result.stdout


def test_markup_in_data_is_printed_as_text(gaoxin, make_dataset) -> None:
    """A label with Rich markup prints those characters; bidi controls never reach the terminal."""
    folder = make_dataset({"economy.toml": SECTION_WITH_HOSTILE_LABEL})
    result = gaoxin("economy", "--facts", str(folder), "--format", "table", env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    assert "[red]投资[/red]" in result.stdout
    for bad in ("\u202e", "\u2066"):
        assert bad not in result.stdout
    tsv = gaoxin("economy", "--facts", str(folder), "--format", "tsv").stdout
    assert "\u202e" not in tsv
    raw = gaoxin("economy", "--facts", str(folder), "--json").stdout
    assert "\u202e" not in raw
    assert json.loads(raw)[0]["label"]["en"] == "Evil]0;pwned\u202eend\u2066"


SECTION_WITH_HOSTILE_LABEL = SECTION_TOML.replace(
    'zh = "固定资产投资"', 'zh = "[red]投资[/red]"', 1
).replace('en = "Fixed-asset investment"', 'en = "Evil]0;pwned\\u202eend\\u2066"', 1)


def test_export_csv_with_bom_for_excel(gaoxin) -> None:
    """--bom starts CSV with U+FEFF (bytes EF BB BF); the rows are unchanged; plain CSV has none."""
    plain = gaoxin("export", "--format", "csv").stdout
    with_bom = gaoxin("export", "--format", "csv", "--bom").stdout
    assert not plain.startswith("\ufeff")
    assert with_bom == "\ufeff" + plain
    assert with_bom.encode("utf-8").startswith(b"\xef\xbb\xbfid,dataset,")
    rows = list(csv.DictReader(io.StringIO(with_bom.removeprefix("\ufeff"))))
    assert rows[0]["id"]


def test_bom_only_with_csv_or_tsv(gaoxin) -> None:
    """A byte-order mark in JSON would break parsers: asking for one is a usage error."""
    result = gaoxin("export", "--bom")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "gaoxin: --bom goes with --format csv or tsv, not json\n"


@pytest.mark.parametrize("columns", ["0", "-5", "abc", ""])
def test_columns_that_are_no_width_mean_80(gaoxin, columns: str) -> None:
    """COLUMNS of 0, below 0, empty or not a number is "unknown": a table at 80 columns."""
    result = gaoxin("economy", "--format", "table", env={"COLUMNS": columns, "NO_COLOR": "1"})
    at_80 = gaoxin("economy", "--format", "table", env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == at_80.stdout
    assert "固定资产投资" in result.stdout


def test_an_id_named_twice_is_looked_up_once(gaoxin) -> None:
    """`get A A B A --value` prints A's value and B's, once each, in the order first named."""
    result = gaoxin("get", "gdp.growth", "gdp.growth", "gdp.vs_city", "gdp.growth", "--value")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "7.5\n1\n", "")
    records = json.loads(gaoxin("get", "gdp", "gdp.growth", "gdp", "--json").stdout)
    assert [r["id"] for r in records] == ["gdp.growth", "gdp.vs_city", "gdp.growth"]


def test_validate_refuses_an_english_value_on_a_number(gaoxin, make_dataset) -> None:
    """`value_en` on a number is one problem at its own line, exit 2."""
    text = SECTION_TOML.replace('unit = "亿元"\n', 'unit = "亿元"\nvalue_en = "85"\n', 1)
    folder = make_dataset({"economy.toml": text})
    result = gaoxin("validate", str(folder))
    line = text.splitlines().index('value_en = "85"') + 1
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{folder / 'economy.toml'}:{line}: fact fixed-asset-investment.level: value_en is the"
        " English of a text value; 85 is a number",
        "gaoxin: 1 problem found",
    ]


@pytest.mark.parametrize(("flag", "fmt"), [("--csv", "csv"), ("--tsv", "tsv"), ("--nl", "jsonl")])
def test_sqlite_utils_format_flags_work_as_format(gaoxin, flag: str, fmt: str) -> None:
    """--csv, --tsv and --nl (sqlite-utils) print what --format csv, tsv and jsonl print."""
    borrowed = gaoxin("get", "gdp", flag)
    own = gaoxin("get", "gdp", "--format", fmt)
    assert (borrowed.exit_code, borrowed.stderr) == (0, "")
    assert borrowed.stdout == own.stdout


def test_gh_json_fields_point_to_fields(gaoxin) -> None:
    """`--json id,value` (gh) is one usage line saying to write --json --fields id,value."""
    result = gaoxin("search", "专利", "--json", "id,value")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "gaoxin: --json takes no fields: write --json --fields id,value (or --format csv --fields …)\n"
    )
