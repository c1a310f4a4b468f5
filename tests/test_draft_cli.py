"""`gaoxin draft` at the command line: records, a dataset folder a maintainer
finishes by hand, the draft's quality on the shipped review, and usage errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import SOURCE
from draft_score import TARGETS, report, score
from gaoxin_cli.cli.app import app
from gaoxin_cli.draft.article import Review
from gaoxin_cli.draft.propose import propose
from gaoxin_cli.factfiles.loader import load_factbook
from gaoxin_cli.render.records import RECORD_KEYS


@pytest.fixture(scope="module")
def drafted() -> list[str]:
    """The scores of the draft of the shipped review against its curated facts."""
    (dataset,) = load_factbook(Path(__file__).parent.parent / "facts" / "dalian-2019").datasets
    result = score(dataset, propose(Review(str(SOURCE), SOURCE.read_text(encoding="utf-8"))))
    lines = report(result)
    assert result.verbatim == result.proposals, lines
    return lines


@pytest.mark.parametrize("name", list(TARGETS))
def test_the_draft_of_the_shipped_review_meets_its_targets(drafted: list[str], name: str) -> None:
    """Value and unit, hedges, measures and precision reach their targets against the curated facts."""
    line = next(line for line in drafted if line.startswith(f"{name}:"))
    assert line.endswith(" ok"), "\n".join(drafted)


def test_json_records_are_exports_records_with_their_line_and_why(gaoxin) -> None:
    """--json: export's record keys, then line, confidence, checks and cues; values as written."""
    result = gaoxin("draft", str(SOURCE), "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    records = json.loads(result.stdout)
    assert [*records[0]] == [*RECORD_KEYS, "line", "confidence", "checks", "cues"]
    fai = [r for r in records if r["quote"] == "固定资产投资完成85亿元"]
    assert len(fai) == 1
    assert fai[0]["value"] == 85
    assert fai[0]["unit"] == "亿元"
    assert fai[0]["normalized"] == {"value": 8500000000, "unit": "CNY"}
    assert fai[0]["label"] == {"zh": "固定资产投资", "en": ""}
    assert fai[0]["section"] == "economy"
    assert fai[0]["period"] == "2019"


def test_the_not_figures_are_listed_with_why(gaoxin) -> None:
    """--not-figures --json: each number that is no figure, its quote, its reason and line."""
    result = gaoxin("draft", str(SOURCE), "--not-figures", "--json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert {"figure": "20", "quote": "第20届", "reason": "an ordinal", "line": 47} in records
    assert {"2019", "81118111", "2.5"} <= {r["figure"] for r in records}


def test_a_table_at_the_terminal_and_tsv_when_piped(gaoxin) -> None:
    """Without --json: TSV with a header row when piped."""
    result = gaoxin("draft", str(SOURCE), "--format", "tsv")
    assert result.exit_code == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split("\t")[:3] == ["id", "dataset", "section"]
    assert len(rows) == len(json.loads(gaoxin("draft", str(SOURCE), "--json").stdout))


def fill_in(folder: Path) -> None:
    """What a maintainer writes: English labels, and a section for unsorted facts."""
    for path in folder.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r'^en = ""', 'en = "Label"', text, flags=re.MULTILINE)
        text = text.replace('en = "" }', 'en = "Heading" }')
        text = text.replace('section = "unsorted"', 'section = "innovation"')
        path.write_text(text, encoding="utf-8")


def test_a_drafted_folder_asks_only_for_what_a_person_must_write(gaoxin, tmp_path: Path) -> None:
    """--output writes a folder whose only problems are empty English labels and unsorted facts;
    filled in, it passes validate --source and shows its tables."""
    folder = tmp_path / "facts" / "review-2019"
    result = gaoxin("draft", str(SOURCE), "--output", str(folder))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("drafted ")
    assert f"next: gaoxin validate {folder}" in result.stdout
    assert {p.name for p in folder.iterdir()} >= {"dataset.toml", "economy.toml"}
    checked = gaoxin("validate", str(folder))
    assert checked.exit_code == 2
    problems = checked.stderr.splitlines()[:-1]
    assert problems
    for line in problems:
        assert "must not be empty" in line or "'unsorted'" in line, line
    fill_in(folder)
    covered = gaoxin("validate", str(folder), "--source", str(SOURCE))
    assert covered.exit_code == 0, covered.stderr
    assert "every figure of" in covered.stdout
    table = gaoxin("--facts", str(tmp_path / "facts"), "economy", "--json")
    assert table.exit_code == 0, table.stderr
    ids = {r["id"] for r in json.loads(table.stdout)}
    assert "economy-2.level" in ids


def test_the_drafted_dataset_is_named_after_its_folder_or_id(gaoxin, tmp_path: Path) -> None:
    """The dataset id is --id, else the folder's name; its period and area come from the title."""
    folder = tmp_path / "zone-2019"
    assert gaoxin("draft", str(SOURCE), "-o", str(folder)).exit_code == 0
    text = (folder / "dataset.toml").read_text(encoding="utf-8")
    assert 'id = "zone-2019"' in text
    assert 'period = "2019"' in text
    assert 'zh = "大连高新区"' in text
    other = tmp_path / "other"
    assert gaoxin("draft", str(SOURCE), "-o", str(other), "--id", "dl-2019").exit_code == 0
    assert 'id = "dl-2019"' in (other / "dataset.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--output", "{full}"], "is not empty; --output takes a new or empty folder"),
        (["--output", "{file}"], "is not a folder; --output takes a new or empty folder"),
        (["--output", "{new}", "--json"], "--output writes TOML files; --format and --json"),
        (["--output", "{new}", "--not-figures"], "--not-figures lists; --output writes a folder"),
        (["--output", "{tmp}/Bad Name"], "is not a dataset id"),
        (["--id", "Bad Id"], "--id 'Bad Id' is not a dataset id"),
    ],
)
def test_usage_errors(gaoxin, tmp_path: Path, args: list[str], message: str) -> None:
    """Each mistake is one line on stderr and exit 2; nothing is written."""
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.toml").write_text("", encoding="utf-8")
    (tmp_path / "file").write_text("", encoding="utf-8")
    names = {"full": tmp_path / "full", "file": tmp_path / "file", "new": tmp_path / "new"}
    filled = [a.format(tmp=tmp_path, **names) for a in args]
    result = gaoxin("draft", str(SOURCE), *filled)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert message in result.stderr
    assert not (tmp_path / "new").exists()


def test_an_article_that_cannot_be_read(gaoxin, tmp_path: Path) -> None:
    """A missing file, a folder, or bytes that are not UTF-8: one line, exit 2."""
    (tmp_path / "latin1.txt").write_bytes("增长".encode("gb18030"))
    for path, says in [
        (tmp_path / "missing.txt", "No such file"),
        (tmp_path, "not a regular file"),
        (tmp_path / "latin1.txt", "not valid UTF-8"),
    ]:
        result = gaoxin("draft", str(path))
        assert result.exit_code == 2
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1
        assert says in result.stderr


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("", "no text to draft"),
        (" \n\u3000\n", "no text to draft"),
        ("增长85\x00亿元。", ":1: holds a control character (U+0000)"),
        ("第一行。\n增长\x1b[31m85亿元。", ":2: holds a control character (U+001B)"),
    ],
)
def test_an_article_with_no_text_or_control_characters(
    gaoxin, tmp_path: Path, content: str, says: str
) -> None:
    """No text, or a control character, is one line naming the article's line, exit 2."""
    article = tmp_path / "review.txt"
    article.write_text(content, encoding="utf-8")
    result = gaoxin("draft", str(article))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert says in result.stderr


def test_empty_arguments_are_named(gaoxin) -> None:
    """An empty ARTICLE or --output says which is empty."""
    assert "ARTICLE is empty" in gaoxin("draft", "").stderr
    assert "--output is empty" in gaoxin("draft", str(SOURCE), "--output", "").stderr


def test_odd_file_names_stay_data(gaoxin, tmp_path: Path) -> None:
    """A line break or an escape in the article's or the folder's name never
    reaches the TOML as a key, nor the terminal as an escape."""
    article = tmp_path / 'x\nperiod = "1999"\n#\x1b[31m.txt'
    article.write_text(SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    folder = tmp_path / "out\x1b[31m" / "review"
    result = gaoxin("draft", str(article), "--output", str(folder))
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    fill_in(folder)
    checked = gaoxin("validate", str(folder), "--source", str(article))
    assert checked.exit_code == 0, checked.stderr
    assert '"x\\u000Aperiod = \\"1999\\"' in (folder / "dataset.toml").read_text(encoding="utf-8")


def test_a_failed_write_leaves_nothing(gaoxin, tmp_path: Path, monkeypatch) -> None:
    """When a file cannot be written (a full disk), no folder is left, and the
    message names the folder asked for."""
    import errno

    real = Path.write_text
    calls = []

    def full(self: Path, *args, **kwargs) -> int:
        calls.append(self)
        if len(calls) > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full)
    folder = tmp_path / "new" / "review"
    result = gaoxin("draft", str(SOURCE), "--output", str(folder))
    assert result.exit_code == 2
    assert str(folder) in result.stderr
    assert "No space left on device" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert list((tmp_path / "new").iterdir()) == []


def test_an_article_without_a_title_leaves_its_metadata_to_write(gaoxin, tmp_path: Path) -> None:
    """No title block: period, title and area are empty, commented, and validate asks for them."""
    article = tmp_path / "report.txt"
    article.write_text("全区实现地区生产总值865.4亿元，增长6.5%。\n", encoding="utf-8")
    folder = tmp_path / "report"
    assert gaoxin("draft", str(article), "-o", str(folder)).exit_code == 0
    text = (folder / "dataset.toml").read_text(encoding="utf-8")
    assert 'period = ""  # to write: the year or period reviewed' in text
    problems = gaoxin("validate", str(folder)).stderr
    assert "dataset 'period' must not be empty" in problems


GENRE = sorted((Path(__file__).parent / "fixtures" / "genre").glob("*.txt"))


@pytest.mark.parametrize("article", GENRE, ids=[p.stem for p in GENRE])
def test_drafts_of_other_texts_cover_them_once_filled_in(
    gaoxin, tmp_path: Path, article: Path
) -> None:
    """Texts of the genre written for these tests (a work report, a district review,
    odd layout and notation): the drafted folder, filled in, passes validate --source."""
    folder = tmp_path / "draft"
    drafted = gaoxin("draft", str(article), "--output", str(folder))
    assert drafted.exit_code == 0, drafted.stderr
    fill_in(folder)
    dataset = folder / "dataset.toml"
    text = dataset.read_text(encoding="utf-8")
    text = text.replace('period = ""', 'period = "2023"').replace('zh = ""', 'zh = "某地"')
    dataset.write_text(text.replace('title = ""', 'title = "某地综述"'), encoding="utf-8")
    checked = gaoxin("validate", str(folder), "--source", str(article))
    assert checked.exit_code == 0, checked.stderr


def test_english_tables_of_a_draft_show_the_chinese_label_still_to_translate(gaoxin) -> None:
    """--lang en: a label whose English is still to write shows in Chinese, never blank."""
    result = gaoxin(
        "draft",
        str(SOURCE),
        "--lang",
        "en",
        "--limit",
        "2",
        "--format",
        "table",
        env={"COLUMNS": "100"},
    )
    assert result.exit_code == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if "investment-2.level" in line)
    assert row.count("国内招商") == 2  # the label, then the quote


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["\t", "\r", "\x0c", "\u2028", "\u2029", "\u3000", " "]),
        min_size=1,
        max_size=3,
    ),
    st.sampled_from(["heading", "later-heading", "text"]),
)
def test_a_drafted_folder_parses_whatever_separators_the_article_holds(
    separators: list[str], where: str
) -> None:
    """Line and paragraph separators, tabs, carriage returns and form feeds in an article
    never make a drafted fact file that does not parse (comments included)."""
    import tempfile

    import tomli as tomllib  # the same parser as Python 3.11's tomllib, on 3.10 too

    odd = "".join(separators)
    heading = f"一、创新{odd}动能" if where == "heading" else "一、创新动能"
    later = f"二、科技{odd}研发" if where == "later-heading" else "二、科技研发"
    body = f"全年新增{odd}企业85家。" if where == "text" else "全年新增企业85家。"
    text = f"测试区2024年综述\n\n{heading}\n\n{body}\n\n{later}\n\n新建项目12个。\n"
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "review.txt"
        article.write_text(text, encoding="utf-8", newline="")
        result = CliRunner().invoke(app, ["draft", str(article), "-o", str(Path(tmp) / "out")])
        assert result.exit_code == 0, result.stderr
        for written in (Path(tmp) / "out").glob("*.toml"):
            tomllib.loads(written.read_text(encoding="utf-8"))
