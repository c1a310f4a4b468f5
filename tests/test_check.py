"""`gaoxin check` and `Book.check`: every figure of a text held against the facts."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gaoxin_cli
from check_claims import CLAIMS, Score
from conftest import SOURCE
from gaoxin_cli.check import check_text
from gaoxin_cli.check.names import Names
from gaoxin_cli.cli.commands.check import FLAT_COLUMNS
from gaoxin_cli.lexicon import HEDGE_WORDS, STATUS_WORDS
from gaoxin_cli.model import FactBook

PARAGRAPH = "2019年，高新区固定资产投资完成85亿元，增长19.3%；全区社会消费品零售总额增长8%。"


@pytest.fixture(scope="module")
def book() -> gaoxin_cli.Book:
    return gaoxin_cli.load()


def test_the_relevance_set_is_checked_right(book: gaoxin_cli.Book) -> None:
    """At least 95 % of the set's figures get their verdict and fact, and no wrong one agrees."""
    score = Score(book, CLAIMS)
    assert score.false_agrees == 0, score.misses
    assert score.accuracy >= 0.95, score.misses


def test_the_relevance_set_has_every_kind_of_claim() -> None:
    """The set holds each verdict, traditional characters and paragraphs of several figures."""
    verdicts = {verdict for _, expected in CLAIMS for verdict, _ in expected}
    assert verdicts == {"agrees", "differs", "unknown"}
    from gaoxin_cli.simplified import simplified

    assert sum(simplified(text) != text for text, _ in CLAIMS) >= 10
    assert sum(len(expected) >= 4 for _, expected in CLAIMS) >= 3


def test_the_article_never_contradicts_itself(shipped: FactBook) -> None:
    """Checked against its own facts, the shipped article has no figure that differs,
    and most of its figures agree."""
    verdicts = check_text(shipped.facts, SOURCE.read_text(encoding="utf-8"))
    assert [v for v in verdicts if v.verdict == "differs"] == []
    assert sum(v.verdict == "agrees" for v in verdicts) >= 0.8 * len(verdicts)


def test_no_fact_s_own_quote_differs_from_the_facts(shipped: FactBook) -> None:
    """Each fact's quote, checked alone, is never called wrong (unknown at worst)."""
    names = Names(shipped.facts)
    for fact in shipped.facts:
        verdicts = check_text(shipped.facts, fact.quote, names=names)
        assert [v for v in verdicts if v.verdict == "differs"] == [], fact.id


_SHIPPED: list[FactBook] = []


def _book() -> FactBook:
    """The shipped facts, loaded once for the property below (no fixture: its repr is huge)."""
    if not _SHIPPED:
        _SHIPPED.append(gaoxin_cli.load())
    return _SHIPPED[0]


def _agreeing() -> list[tuple[str, str, int]]:
    """(fact id, its quote, where its figure stands) for each fact whose own quote
    agrees with it and states its figure once."""
    if _CASES:
        return _CASES
    book = _book()
    names = Names(book.facts)
    for fact in book.facts:
        verdicts = check_text(book.facts, fact.quote, names=names)
        if any(v.fact is fact and v.verdict == "agrees" for v in verdicts):
            at = fact.quote.find(fact.figure)
            if at != -1 and fact.quote.count(fact.figure) == 1:
                _CASES.append((fact.id, fact.quote, at))
    return _CASES


_CASES: list[tuple[str, str, int]] = []

#: Other units for a unit: another scale, another currency, points for percent.
OTHER_UNITS = {
    "亿元": ["万元", "亿美元", "元"],
    "万元": ["亿元", "元"],
    "亿美元": ["亿元", "万美元"],
    "元": ["万元", "美元"],
    "%": ["个百分点"],
    "个百分点": ["%"],
    "万户": ["户"],
    "万件": ["件", "亿件"],
}


@given(data=st.data())
def test_a_changed_figure_is_never_called_right(data: st.DataObject) -> None:
    """A fact's quote that agrees with it, with the fact's value, scale, currency or
    unit changed, or its bound or status left out, never agrees with it."""
    ident, quote, at = data.draw(st.sampled_from(_agreeing()))
    book = _book()
    fact = next(f for f in book.facts if f.id == ident)
    figure, unit = fact.figure, fact.unit or ""
    after = at + len(figure)
    changes = [quote[:at] + other + quote[after:] for other in _others(figure)]
    if unit and quote.startswith(unit, after):
        rest = quote[after + len(unit) :]
        changes += [quote[:after] + other + rest for other in OTHER_UNITS.get(unit, [])]
    hedges = [w for w, asks, _ in HEDGE_WORDS if asks == fact.qualifier and w in quote]
    changes += [quote.replace(word, "") for word in hedges]
    if fact.status:
        changes += [quote.replace(word, "") for word, _ in STATUS_WORDS if word in quote]
    changed = data.draw(st.sampled_from(changes))
    verdicts = check_text(book.facts, changed)
    held = [v for v in verdicts if v.fact is not None and v.fact.id == ident]
    assert all(v.verdict != "agrees" for v in held), (changed, held)


def _others(figure: str) -> list[str]:
    """Other figures a careless hand writes for `figure`: one more, ten times, a digit
    more or less."""
    if not figure.replace(".", "", 1).isdigit():
        return [figure + "0"]
    number = float(figure)
    spelled = [f"{number + 1:g}", f"{number * 10:g}", figure + "1"]
    if len(figure) > 1 and not figure.endswith("."):
        spelled.append(figure[:-1])
    return [s for s in spelled if s.rstrip(".") and float(s) != number]


# --- the command ----------------------------------------------------------


def test_a_paragraph_with_a_right_a_wrong_and_an_unknown_figure(gaoxin) -> None:
    """A table at 80 columns: ✓, ✗ with what differs, ? with no fact; exit 1, a summary on stderr."""
    result = gaoxin("check", PARAGRAPH, "--format", "table", env={"COLUMNS": "80"})
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["claim", "verdict", "reason", "fact", "quote"]
    assert "✓ agrees" in result.stdout
    assert "✗ differs" in result.stdout
    assert "? unknown" in result.stdout
    assert result.stderr == "gaoxin: 1 of 3 figures agree (1 differ, 1 unknown)\n"
    from test_golden import check

    check("check-paragraph-80.txt", "".join(line.rstrip() + "\n" for line in lines))


def test_every_figure_agreeing_exits_0(gaoxin) -> None:
    """All figures right: exit 0, nothing on stderr."""
    result = gaoxin("check", "固定资产投资完成85亿元，增长18.3%", "--format", "tsv")
    assert (result.exit_code, result.stderr) == (0, "")
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert tuple(rows[0]) == FLAT_COLUMNS
    verdict = FLAT_COLUMNS.index("verdict")
    assert [row[verdict] for row in rows[1:]] == ["agrees", "agrees"]


def test_json_records_are_the_library_s(gaoxin, book: gaoxin_cli.Book) -> None:
    """`--json` writes exactly what `Book.check` returns, with every field the issue names."""
    result = gaoxin("check", PARAGRAPH, "--json")
    records = json.loads(result.stdout)
    assert records == book.check(PARAGRAPH, name="TEXT 1")
    assert {"claim", "value", "unit", "qualifier", "status", "measure", "verdict"} <= set(
        records[0]
    )
    assert {"fact", "reason", "quote"} <= set(records[0])
    wrong = records[1]
    assert wrong["verdict"] == "differs"
    assert wrong["fact"] == "fixed-asset-investment.growth"
    assert wrong["quote"] == "固定资产投资完成85亿元,增长18.3%"
    assert "18.3%" in wrong["reason"]
    assert records[2]["fact"] is None
    assert records[2]["quote"] is None


def test_traditional_text_from_standard_input() -> None:
    """`-` reads standard input; traditional characters are read as simplified."""
    result = subprocess.run(
        [sys.executable, "-m", "gaoxin_cli", "check", "-", "--format", "jsonl"],
        input="預計地區生產總值增長7.5%\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["claim"], record["verdict"], record["fact"]) == (
        "預計地區生產總值增長7.5%",
        "agrees",
        "gdp.growth",
    )
    assert record["status"] == "estimated"


def test_a_file_and_texts_together(gaoxin, tmp_path) -> None:
    """`--file` and TEXT arguments are all checked, texts first; CSV has a header."""
    path = tmp_path / "release.txt"
    path.write_text("实际利用外资1亿元。\n", encoding="utf-8")
    result = gaoxin("check", "城镇新增就业3256人", "--file", str(path), "--format", "csv")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == ",".join(FLAT_COLUMNS)
    assert ",agrees,urban-employment.increase," in lines[1]
    assert "another currency" in lines[2]


def test_a_text_without_figures_exits_1_with_an_empty_answer(gaoxin) -> None:
    """No figure to check: exit 1, `[]` on stdout for JSON, one line on stderr."""
    result = gaoxin("check", "高新区营商环境持续优化", "--json")
    assert (result.exit_code, result.stdout) == (1, "[]\n")
    assert result.stderr == "gaoxin: no figure to check in the text\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "gaoxin: nothing to check: give a TEXT, --file FILE, or - for standard input\n"),
        ([""], "gaoxin: TEXT 1: no text to check\n"),
        (["增长7.5%", " \n "], "gaoxin: TEXT 2: no text to check\n"),
        (["--file", "."], "gaoxin: cannot read .: not a regular file\n"),
        (["-", "-"], "gaoxin: standard input (-) can be read once\n"),
        (
            ["增长\x007.5%"],
            "gaoxin: TEXT 1:1: holds a control character (U+0000); an article is plain text\n",
        ),
        (
            ["--file", "no-such-file.txt"],
            "gaoxin: cannot read no-such-file.txt: No such file or directory\n",
        ),
    ],
)
def test_usage_errors_exit_2_with_one_line(gaoxin, args: list[str], message: str) -> None:
    """Nothing to check, an empty or unreadable input: exit 2, one line on stderr, no stdout."""
    result = gaoxin("check", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_several_datasets_stating_it_are_named(gaoxin) -> None:
    """A claim two datasets state is unknown until a year or --dataset says which."""
    from conftest import REPO

    synthetic = str(REPO / "tests" / "fixtures" / "synthetic")
    both = ("--facts", str(REPO / "facts"), "--facts", synthetic)
    result = gaoxin("check", "专利申请量3288件", *both, "--json")
    (record,) = json.loads(result.stdout)
    assert record["verdict"] == "unknown"
    assert "--dataset" in record["reason"]
    dated = json.loads(gaoxin("check", "2019年专利申请量3288件", *both, "--json").stdout)
    assert (dated[0]["verdict"], dated[0]["dataset"]) == ("agrees", "dalian-2019")
    chosen = gaoxin("check", "专利申请量3288件", *both, "--dataset", "dalian-2019", "--json")
    assert json.loads(chosen.stdout)[0]["verdict"] == "agrees"


def test_a_lookup_never_imports_the_checker() -> None:
    """`gaoxin get` starts without the checker or the draft reader loaded."""
    code = (
        "import sys; from gaoxin_cli.__main__ import main\n"
        "sys.argv = ['gaoxin', 'get', 'gdp.growth', '--value']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "names = ('gaoxin_cli.check', 'gaoxin_cli.draft', 'gaoxin_cli.cli.commands.check')\n"
        "sys.stderr.write(' '.join(m for m in sys.modules if m.startswith(names)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert (result.stdout, result.stderr) == ("7.5\n", "")


def test_shell_completion_knows_check() -> None:
    """Completion offers `check` beside `chart`, and its own options."""
    from test_streams import _complete

    assert _complete("gaoxin ch", 1) == ["chart", "check"]
    assert _complete("gaoxin check x --fi", 3) == ["--file"]


def test_standard_input_closed_or_blank_is_a_usage_error() -> None:
    """`-` with standard input closed or holding only blanks: exit 2, one line, no traceback."""
    closed = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m gaoxin_cli check - <&-"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (closed.returncode, closed.stdout) == (2, "")
    assert closed.stderr == "gaoxin: cannot read standard input: it is closed\n"
    blank = subprocess.run(
        [sys.executable, "-m", "gaoxin_cli", "check", "-"],
        input=" \n\n",
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (blank.returncode, blank.stderr) == (2, "gaoxin: standard input: no text to check\n")


def test_a_table_written_to_a_closed_pipe_exits_141() -> None:
    """A reader gone before the table is written: 141, as for every format, not Rich's 1."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "gaoxin_cli", "check", PARAGRAPH, "-f", "table"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            check=False,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (141, b"")


@pytest.mark.parametrize("width", ["1", "3", "19"])
def test_a_table_narrower_than_20_columns_loses_no_character(gaoxin, width: str) -> None:
    """COLUMNS below 20 draws at 20 (the terminal wraps): every character of the
    claim, the fact id and the quote is in the output."""
    result = gaoxin("check", "固定资产投资完成85亿元", "-f", "table", env={"COLUMNS": width})
    shown = "".join(result.stdout.split())
    for text in ("固定资产投资完成85亿元", "fixed-asset-investment.level", "agrees"):
        at = 0
        for char in text:
            at = shown.index(char, at) + 1


def test_each_record_names_its_input(gaoxin, tmp_path) -> None:
    """Records say which TEXT, file or standard input a figure stands in, and its line there."""
    path = tmp_path / "release.txt"
    path.write_text("标题\n实际利用外资1亿美元。\n", encoding="utf-8")
    result = gaoxin("check", "城镇新增就业3256人", "--file", str(path), "--json")
    records = json.loads(result.stdout)
    assert [(r["input"], r["line"]) for r in records] == [("TEXT 1", 1), (str(path), 2)]
    assert book_check_input() == "text"


def book_check_input() -> str:
    """What `Book.check` calls its text."""
    return gaoxin_cli.load().check("城镇新增就业3256人")[0]["input"]


def test_a_long_clause_keeps_each_claim_s_words_bounded() -> None:
    """A clause of thousands of figures with no punctuation: each claim holds at most
    LEAD characters either side of its figure (memory stays linear)."""
    from gaoxin_cli.check.claims import read_claims
    from gaoxin_cli.draft.propose import LEAD

    claims = read_claims("固定资产投资完成85亿元" * 2000)
    assert len(claims) == 2000
    assert max(len(c.after) for c in claims) <= LEAD
    assert max(len(c.sentence) for c in claims) <= 2 * LEAD + 8
