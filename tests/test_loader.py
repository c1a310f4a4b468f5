"""Loading and validating fact files: good files load, every problem is located."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SECTION_TOML
from gaoxin_cli.errors import FactsError
from gaoxin_cli.factfiles import reading
from gaoxin_cli.factfiles.loader import load_factbook, read_factbook


def problems_of(path: Path) -> list[str]:
    """The problem lines for a facts path, as a user would see them."""
    with pytest.raises(FactsError) as caught:
        load_factbook(path)
    return caught.value.lines()


def test_good_dataset_loads(make_dataset: Callable[..., Path]) -> None:
    """A well-formed dataset gives its facts with ids, labels, area and period."""
    folder = make_dataset()
    book = load_factbook(folder)
    assert [f.id for f in book.facts] == [
        "fixed-asset-investment.level",
        "fixed-asset-investment.growth",
    ]
    fact = book.facts[0]
    assert (fact.dataset, fact.section, fact.period) == ("testland-2019", "economy", "2019")
    assert (fact.label.zh, fact.area.en) == ("固定资产投资", "Testland")
    assert fact.normalized is not None
    assert (fact.normalized.value, fact.normalized.unit) == (8_500_000_000, "CNY")


def test_folder_of_datasets_and_single_dataset_both_load(make_dataset) -> None:
    """`--facts` may name a folder of datasets or one dataset folder."""
    folder = make_dataset()
    assert len(load_factbook(folder.parent).facts) == 2
    assert len(load_factbook(folder).facts) == 2


def test_leading_bom_is_accepted(make_dataset) -> None:
    """A UTF-8 byte-order mark, as Windows editors write, is harmless."""
    folder = make_dataset()
    path = folder / "economy.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(load_factbook(folder).facts) == 2


def _break(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        (
            'measure = "growth"',
            'meassure = "growth"',
            16,
            "unknown key 'meassure' in fact (did you mean 'measure'?)",
        ),
        (
            "value = 85",
            'value = "85"',
            11,
            "fact fixed-asset-investment.level: measure 'level' needs a number",
        ),
        (
            "value = 85",
            "value = true",
            11,
            "fact 'value' must be a number or a string, not a boolean",
        ),
        ("value = 85", "value = nan", 11, "fact 'value' must be a finite number, not nan"),
        ("value = 85", "value = inf", 11, "fact 'value' must be a finite number, not inf"),
        ("value = 85", "value = 10000000000000000", 11, "is too large to be a figure"),
        (
            'section = "economy"',
            'section = "economics"',
            1,
            "section file 'section' is 'economics', not one of",
        ),
        ('measure = "growth"', 'measure = "speed"', 16, "fact 'measure' is 'speed', not one of"),
        (
            'unit = "%"',
            'unit = "%"\nqualifier = "roughly"',
            19,
            "fact 'qualifier' is 'roughly', not one of",
        ),
        ('unit = "亿元"', 'unit = "亿英镑"', 12, "the quote writes 85亿元, not 85亿英镑"),
        (
            'quote = "固定资产投资完成85亿元"\n',
            'quote = "固定资产投资完成58亿元"\n',
            13,
            "quote does not contain the figure as written ('85')",
        ),
        (
            'quote = "固定资产投资完成85亿元,增长18.3%"',
            'quote = "增长18.39%"',
            19,
            "quote does not contain the figure as written ('18.3')",
        ),
        ('zh = "固定资产投资"\n', "", 4, "indicator is missing required key 'zh'"),
        (
            'id = "fixed-asset-investment"',
            'id = "Fixed Asset"',
            5,
            "indicator 'id' must be lower-case letters and digits joined by - or _",
        ),
        (
            '[[indicator.fact]]\nmeasure = "level"',
            '[[indicator.fact]]\nmeasure = "level"\nfoo = 1',
            11,
            "unknown key 'foo' in fact",
        ),
    ],
)
def test_schema_problems_are_located(make_dataset, old, new, line, message) -> None:
    """Each kind of schema problem is reported as path:line: message."""
    folder = make_dataset({"economy.toml": _break(SECTION_TOML, old, new)})
    lines = problems_of(folder)
    path = str(folder / "economy.toml")
    assert any(text.startswith(f"{path}:{line}: ") and message in text for text in lines), lines


def test_every_problem_is_reported_not_just_the_first(make_dataset) -> None:
    """Several problems in several files are all reported, sorted by place."""
    bad_one = _break(SECTION_TOML, 'unit = "亿元"', 'unit = "亿英镑"')
    bad_one = _break(bad_one, 'measure = "growth"', 'measure = "speed"')
    bad_two = "section = \n"
    folder = make_dataset({"economy.toml": bad_one, "party.toml": bad_two})
    lines = problems_of(folder)
    assert len(lines) == 3
    assert sum("economy.toml" in line for line in lines) == 2
    assert any("party.toml:1: invalid TOML" in line for line in lines)


def test_duplicate_ids_name_both_places(make_dataset) -> None:
    """A fact id defined twice, across two files, names where it was first defined."""
    second = SECTION_TOML.replace('section = "economy"', 'section = "innovation"')
    folder = make_dataset({"economy.toml": SECTION_TOML, "innovation.toml": second})
    lines = problems_of(folder)
    first = f"{folder / 'economy.toml'}:4"
    dup = [line for line in lines if "duplicate indicator id 'fixed-asset-investment'" in line]
    assert dup
    assert first in dup[0]
    assert dup[0].startswith(f"{folder / 'innovation.toml'}:4: ")
    assert any("duplicate fact id 'fixed-asset-investment.level'" in line for line in lines)


def test_duplicate_ids_within_one_file(make_dataset) -> None:
    """Two facts with the same measure in one indicator collide on their id."""
    text = SECTION_TOML.replace('measure = "growth"', 'measure = "level"')
    lines = problems_of(make_dataset({"economy.toml": text}))
    assert any("duplicate fact id 'fixed-asset-investment.level'" in line for line in lines)


def test_invalid_toml_gives_its_line(make_dataset) -> None:
    """A TOML syntax error is reported at the line tomllib names."""
    folder = make_dataset({"economy.toml": SECTION_TOML + "\n[[indicator]\n"})
    lines = problems_of(folder)
    assert len(lines) == 1
    assert lines[0].startswith(f"{folder / 'economy.toml'}:21: invalid TOML: ")


@pytest.mark.parametrize(
    ("raw", "message", "line"),
    [
        (b'section = "economy"\nheading = "\xff"\n', "not valid UTF-8 (byte 0xff)", 2),
        ("section = 1".encode("utf-16"), "file is UTF-16; fact files must be UTF-8", 1),
        (b'section = "econ\x00omy"\n', "invalid TOML", 1),
    ],
)
def test_encoding_problems(make_dataset, raw: bytes, message: str, line: int) -> None:
    """Bad UTF-8, UTF-16 and NUL bytes are problems with a line, not crashes."""
    folder = make_dataset({})
    (folder / "economy.toml").write_bytes(raw)
    lines = problems_of(folder)
    assert any(
        text.startswith(f"{folder / 'economy.toml'}:{line}: ") and message in text for text in lines
    ), lines


def test_missing_dataset_toml(make_dataset) -> None:
    """A folder of section files without dataset.toml says so."""
    folder = make_dataset(meta=None)
    lines = problems_of(folder)
    assert lines == [f"{folder}:1: no dataset.toml: a dataset folder needs one"]


def test_missing_and_empty_folders(tmp_path: Path) -> None:
    """A missing folder and an empty folder are each one clear problem."""
    assert problems_of(tmp_path / "nope") == [f"{tmp_path / 'nope'}:1: no such file or folder"]
    (tmp_path / "empty").mkdir()
    assert problems_of(tmp_path / "empty") == [
        f"{tmp_path / 'empty'}:1: no fact files here (no *.toml in it or its sub-folders;"
        " deeper folders are not searched: give each facts folder with its own --facts)"
    ]


def test_fifo_named_toml_is_skipped_not_read(make_dataset) -> None:
    """Only regular files are opened: a FIFO named *.toml never blocks the loader."""
    folder = make_dataset()
    os.mkfifo(folder / "party.toml")
    lines = problems_of(folder)
    assert lines == [f"{folder / 'party.toml'}:1: not a regular file; skipped"]


def test_symlink_loop_is_a_problem_not_a_hang(make_dataset) -> None:
    """A symlink loop named *.toml is reported."""
    folder = make_dataset()
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    lines = problems_of(folder)
    assert len(lines) == 1
    assert lines[0].startswith(f"{folder / 'loop.toml'}:1: cannot read")


def test_huge_file_is_refused(make_dataset) -> None:
    """Files over the size cap are not read, and the message says why."""
    folder = make_dataset()
    (folder / "party.toml").write_text("# " + "x" * (5 * 1024 * 1024), encoding="utf-8")
    assert problems_of(folder) == [
        f"{folder / 'party.toml'}:1: file is larger than 4 MiB; not read"
    ]


def test_unreadable_file(make_dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that cannot be opened is a problem, not a traceback."""
    folder = make_dataset()
    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if Path(str(path)).name == "economy.toml":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reading.os, "open", refuse)
    lines = problems_of(folder)
    assert lines[0].startswith(f"{folder / 'economy.toml'}:1: cannot read")


def test_read_factbook_returns_problems_without_raising(make_dataset) -> None:
    """The reading layer hands problems back; only load_factbook raises."""
    folder = make_dataset({"economy.toml": "section = 3\n"})
    book, problems = read_factbook(folder)
    assert book.datasets[0].id == "testland-2019"
    assert [p.line for p in problems] == [1, 1, 1]
