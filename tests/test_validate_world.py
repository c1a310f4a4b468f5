"""validate on the world's reviews: traditional characters, status both ways,
any counter as a unit, and every problem of a drafted folder in one run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

TRADITIONAL_SECTION = """\
section = "economy"
heading = { zh = "經濟指標", en = "Economy" }

[[indicator]]
id = "gdp"
zh = "地區生產總值"
en = "GDP"

[[indicator.fact]]
measure = "level"
value = 9516.9
unit = "億元"
status = "preliminary"
quote = "初步核算，地區生產總值9516.9億元"

[[indicator.fact]]
measure = "growth"
value = 5.2
unit = "%"
qualifier = "about"
status = "preliminary"
quote = "初步核算，地區生產總值9516.9億元，同比增長5.2%左右"
"""

ARTICLE = "測試區經濟綜述\n\n經濟運行\n\n初步核算，地區生產總值9516.9億元，同比增長5.2%左右。\n"


def _one_fact(measure: str, value: str, unit: str, quote: str, note: str = "") -> str:
    """The traditional section with one fact of its indicator instead of its own."""
    head = TRADITIONAL_SECTION.split("[[indicator.fact]]", maxsplit=1)[0]
    fact = f'[[indicator.fact]]\nmeasure = "{measure}"\nvalue = {value}\nunit = "{unit}"\n'
    fact += f'quote = "{quote}"\n' + (f'note = "{note}"\n' if note else "")
    return head + fact


def _line(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def _dataset(make_dataset, section: str, article: str | None = None) -> Path:
    folder = make_dataset({"economy.toml": section})
    if article is not None:
        (folder / "article.txt").write_text(article, encoding="utf-8")
        meta = (folder / "dataset.toml").read_text(encoding="utf-8")
        (folder / "dataset.toml").write_text(meta + 'file = "article.txt"\n', encoding="utf-8")
    return folder


def test_a_traditional_dataset_passes_against_its_traditional_article(gaoxin, make_dataset) -> None:
    """億元, 增長, 左右 and 初步核算 in traditional characters read as their simplified forms."""
    folder = _dataset(make_dataset, TRADITIONAL_SECTION, ARTICLE)
    result = gaoxin("validate", "--source", str(folder))
    assert (result.exit_code, result.stderr) == (0, "")
    assert "every figure of" in result.stdout


@pytest.mark.parametrize(
    ("measure", "value", "unit", "quote", "before"),
    [  # a page's ruby (增長(zhǎng)) is read as the characters it annotates
        ("change", "0.8", "個百分點", "拉動(dòng)GDP增長(zhǎng)0.8個(gè)百分點(diǎn)", ""),
        # no character of its own marks it traditional; its article's do
        ("level", "148693", "只", "家禽出欄148693只", "全年糧食產量穩定，"),
    ],
)
def test_a_quote_is_read_as_its_traditional_article_is(
    gaoxin, make_dataset, measure: str, value: str, unit: str, quote: str, before: str
) -> None:
    """A quote with pinyin ruby, or with no frequent traditional character, passes
    validate --source against the traditional article it was copied from."""
    section = _one_fact(measure, value, unit, quote)
    article = f"測試區經濟綜述\n\n經濟運行\n\n{before}{quote}。\n"
    folder = _dataset(make_dataset, section, article)
    result = gaoxin("validate", "--source", str(folder))
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_traditional_unit_normalizes_as_its_simplified_form(gaoxin, make_dataset) -> None:
    """億元 normalizes to CNY like 亿元; `search 亿元` and `search 億元` both find its facts."""
    folder = _dataset(make_dataset, TRADITIONAL_SECTION)
    result = gaoxin("--facts", str(folder.parent), "get", "gdp.level", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)[0]["normalized"] == {"value": 951690000000, "unit": "CNY"}
    for word in ("亿元", "億元"):
        found = gaoxin("--facts", str(folder.parent), "search", word, "--json")
        assert [r["id"] for r in json.loads(found.stdout)] == ["gdp.level", "gdp.growth"], word


def test_a_figure_missing_from_a_traditional_article_is_reported(gaoxin, make_dataset) -> None:
    """A figure of a traditional article no fact states is one problem at its line."""
    article = ARTICLE + "新增企業120家。\n"
    folder = _dataset(make_dataset, TRADITIONAL_SECTION, article)
    result = gaoxin("validate", "--source", str(folder))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(
        f"{folder / 'article.txt'}:6: 120家 is not stated"
    )


def test_status_is_checked_both_ways(gaoxin, make_dataset) -> None:
    """A status word with no status, and a status with no word, are each one problem."""
    section = TRADITIONAL_SECTION.replace(
        'status = "preliminary"\nquote = "初步核算，地區生產總值9516.9億元"',
        'quote = "初步核算，地區生產總值9516.9億元"',
    )
    section = section.replace(
        'status = "preliminary"\nquote = "初步核算，地區生產總值9516.9億元，同比增長5.2%左右"',
        'status = "estimated"\nquote = "初步核算，地區生產總值9516.9億元，同比增長5.2%左右"',
    )
    folder = _dataset(make_dataset, section)
    result = gaoxin("validate", str(folder))
    assert result.exit_code == 2
    path = folder / "economy.toml"
    level, status = _line(section, "[[indicator.fact]]"), _line(section, "status =")
    assert result.stderr.splitlines() == [
        f"{path}:{level}: fact gdp.level: the quote gives 9516.9 a status (初步核算/初步统计/初步测算/初步估算): add status = 'preliminary'",
        f"{path}:{status}: fact gdp.growth: status 'estimated' needs 预计/预期 before 5.2 in the quote",
        "gaoxin: 2 problems found",
    ]


def test_a_counter_no_table_lists_is_a_warning_not_a_problem(gaoxin, make_dataset) -> None:
    """万艘次 is kept as written and normalizes to itself; validate says so and exits 0."""
    section = _one_fact("level", "2.3", "万艘次", "船舶进出港2.3万艘次")
    folder = _dataset(make_dataset, section)
    result = gaoxin("validate", str(folder))
    assert result.exit_code == 0
    assert result.stderr == (
        f"gaoxin: warning: {folder / 'economy.toml'}:{_line(section, 'unit =')}: fact gdp.level: unit '万艘次' is in no"
        " unit table; it normalizes to itself, as written\n"
    )
    got = gaoxin("--facts", str(folder.parent), "--no-cache", "get", "gdp.level", "--json")
    assert json.loads(got.stdout)[0]["normalized"] == {"value": 23000, "unit": "艘次"}


def test_a_drafted_folder_s_first_validation_is_the_whole_to_do_list(gaoxin, tmp_path) -> None:
    """Labels to write and figures no fact states come out in the same first run."""
    article = tmp_path / "review.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "drafted"
    assert gaoxin("draft", str(article), "-o", str(folder)).exit_code == 0
    economy = next(
        folder.glob("*.toml")
        if False
        else (p for p in folder.glob("*.toml") if p.name not in ("dataset.toml",))
    )
    text = economy.read_text(encoding="utf-8")
    first = text.index("[[indicator.fact]]")
    end = text.index("[[indicator.fact]]", first + 1)
    economy.write_text(text[:first] + text[end:], encoding="utf-8")  # one fact removed
    result = gaoxin("validate", "--source", str(folder))
    lines = result.stderr.splitlines()
    assert result.exit_code == 2
    assert any("must not be empty" in line for line in lines)
    assert any(
        "9516.9億元 is not stated" in line or "9516.9亿元 is not stated" in line for line in lines
    )


def test_a_misprinted_unit_is_kept_as_written_with_a_note(gaoxin, make_dataset) -> None:
    """ "8.41个百多点" is recorded as written; with a note, its measure is not held to 个百分点."""
    section = _one_fact(
        "vs_city",
        "8.41",
        "个百多点",
        "高于全市8.41个百多点",
        "个百多点: a misprint of 个百分点 in the source",
    )
    folder = _dataset(make_dataset, section)
    result = gaoxin("validate", str(folder))
    assert result.exit_code == 0
    assert "unit '个百多点' is in no unit table" in result.stderr
    without_note = section.replace('note = "个百多点: a misprint of 个百分点 in the source"\n', "")
    folder = _dataset(make_dataset, without_note)
    refused = gaoxin("validate", str(folder))
    assert refused.exit_code == 2
    assert "measure 'vs_city' is in 个百分点, not 个百多点" in refused.stderr


def test_a_hostile_quote_is_read_with_bounded_work_a_place(monkeypatch) -> None:
    """ "近1余" n times: each place of the figure is read from a few characters around it (the
    hedge before it, the unit after), never from all the quote before it: linear, not quadratic."""
    from gaoxin_cli.checks import quotes
    from gaoxin_cli.model import Label, make_fact

    seen: list[int] = []
    real = quotes._before_hedge
    monkeypatch.setattr(
        quotes, "_before_hedge", lambda before: seen.append(len(before)) or real(before)
    )
    quote = "近1余" * 3000 + "以上"
    fields = {"measure": "level", "value": 1, "unit": "余", "qualifier": "over", "quote": quote}
    blank = Label("", "")
    fact = make_fact(
        fields,
        indicator="x",
        label=blank,
        dataset="d",
        section="economy",
        heading=blank,
        period="",
        area=blank,
        location=None,
    )
    readings = quotes.read(fact)
    assert len(readings) == 3000
    assert max(seen) <= 10


def test_validate_source_on_a_long_list_quotes_each_clause_short(gaoxin, make_dataset) -> None:
    """An article ending in a list of thousands of figures: one problem a figure, each line quoting
    at most a few dozen characters around it, so the output grows with the list, not its square."""
    items = "、".join(str(n) for n in range(1, 3001))
    folder = _dataset(make_dataset, TRADITIONAL_SECTION, ARTICLE + f"企業數量分別為{items}家。\n")
    result = gaoxin("validate", "--source", str(folder))
    lines = result.stderr.splitlines()
    assert result.exit_code == 2
    assert len(lines) == 3000 + 1  # each figure, and the count
    assert max(len(line) for line in lines) < len(str(folder)) + 160
