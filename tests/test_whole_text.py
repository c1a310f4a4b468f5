"""No character of a table is ever lost: every width from 20 to 240 columns, zh and en.

Every piece of text a table shows is a Rich `Text`. The property records what
each one renders (its lines, after folding) and checks two things against the
output: the lines hold every character of the text, in order (nothing cut,
no "…"), and each line stands whole in some line of the output (nothing
cropped at the edge of a column or of the terminal).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.text import Text
from typer.testing import CliRunner

from conftest import SYNTHETIC
from gaoxin_cli.cli.app import app
from gaoxin_cli.factfiles.folders import default_facts_dir
from gaoxin_cli.factfiles.loader import load_factbook

BOOK = load_factbook(default_facts_dir())
INDICATORS = sorted({i.id for i in BOOK.indicators})
SECTIONS = ["investment", "economy", "innovation", "services", "governance", "party"]
SEARCHES = ["专利", "patent", "3288", "investment", "企业", "growth", "亿元", "人才"]
TWO = ["--facts", str(default_facts_dir()), "--facts", str(SYNTHETIC)]

COMMANDS = st.one_of(
    st.sampled_from([[s] for s in SECTIONS]),
    st.just([]),
    st.lists(st.sampled_from(INDICATORS), min_size=1, max_size=3).map(lambda ids: ["get", *ids]),
    st.sampled_from([["search", q] for q in SEARCHES]),
    st.just(["datasets"]),
    st.just([*TWO, "datasets"]),
    st.sampled_from([[*TWO, "compare", "--section", s] for s in ["economy", "innovation"]]),
    st.just([*TWO, "compare", "gdp", "fixed-asset-investment", "imports-exports"]),
    st.sampled_from([["chart", s] for s in ["economy", "innovation", "services", "governance"]]),
    st.just([*TWO, "economy"]),
    st.sampled_from([[s, "--measure", "growth"] for s in ["economy", "innovation"]]),
    st.lists(
        st.sampled_from(["id", "label", "value", "unit", "quote", "note", "label.en"]),
        min_size=1,
        max_size=4,
        unique=True,
    ).map(lambda f: ["search", "专利", "--fields", ",".join(f)]),
    st.sampled_from(
        [
            ["innovation", "--sort", "-value", "--limit", "6"],
            ["innovation", "--sort", "value"],
        ]
    ),
)


def _words(text: str) -> str:
    return "".join(text.split())


@contextmanager
def recorded() -> Iterator[list[tuple[str, list[str]]]]:
    """Every Text rendered meanwhile: (its plain text, the lines it rendered as)."""
    shown: list[tuple[str, list[str]]] = []
    real = Text.__rich_console__

    def render(self: Text, console, options):
        segments = list(real(self, console, options))
        lines = "".join(segment.text for segment in segments).split("\n")
        shown.append((self.plain, [line.rstrip() for line in lines]))
        yield from segments

    with mock.patch.object(Text, "__rich_console__", render):
        yield shown


def check_whole(args: list[str], width: int, lang: str) -> None:
    """Run `gaoxin ARGS --format table` at `width` columns and check every text is whole."""
    runner = CliRunner()
    env = {"COLUMNS": str(width), "NO_COLOR": "1", "GAOXIN_LANG": lang}
    with recorded() as shown:
        result = runner.invoke(app, [*args, "--format", "table"], env=env, prog_name="gaoxin")
    assert result.exit_code == 0, result.output
    output = [line.rstrip() for line in result.stdout.splitlines()]
    assert shown, "nothing was rendered as text"
    for plain, lines in shown:
        assert _words("".join(lines)) == _words(plain), (args, width, lang, plain, lines)
        for line in lines:
            stripped = line.strip()
            assert not stripped or any(stripped in out for out in output), (
                args,
                width,
                lang,
                plain,
                stripped,
            )
    assert all(len(line) <= width * 2 for line in output)  # a cheap guard; cells are checked above


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(args=COMMANDS, width=st.integers(20, 240), lang=st.sampled_from(["zh", "en"]))
def test_tables_keep_every_character_at_any_width(args: list[str], width: int, lang: str) -> None:
    """Every table command, at any width from 20 to 240 and in zh and en, shows every
    character of every text it renders, in order, and no line is cropped."""
    check_whole(args, width, lang)


@pytest.mark.parametrize("width", [40, 60, 80, 100, 120])
@pytest.mark.parametrize(
    "args", [["investment"], ["services"], ["innovation"], ["search", "专利"], ["party"]]
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_tables_seen_to_lose_characters_keep_them(
    args: list[str], width: int, lang: str
) -> None:
    """The tables that used to drop characters (药 of 英国RPS医药科技, High-frequency …) keep them."""
    check_whole(args, width, lang)
