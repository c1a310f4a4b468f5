"""Tables a person would lay out: at 40 to 240 columns, in Chinese and English, every
line fits, every figure stands whole on one line, and every indicator's id is in sight."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from gaoxin_cli.model import SECTIONS
from gaoxin_cli.render.figure_text import format_figure

WIDTHS = [40, 52, 60, 73, 80, 97, 120, 160, 240]
SECTION_NAMES = [name for name in SECTIONS if name != "overview"]


@pytest.fixture(scope="module")
def shipped_indicators():
    from gaoxin_cli.factfiles.folders import default_facts_dir
    from gaoxin_cli.factfiles.loader import load_factbook

    return load_factbook(default_facts_dir()).indicators


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("section", SECTION_NAMES)
def test_sections_fit_keep_figures_whole_and_show_ids(gaoxin, shipped_indicators, section, lang):
    """Each section at every width: no line too wide, each figure on one line, each id shown
    (whole from 160 columns; narrower, folded only after a hyphen)."""
    indicators = [i for i in shipped_indicators if i.section == section]
    for width in WIDTHS:
        result = gaoxin(section, "--format", "table", "--lang", lang, env={"COLUMNS": str(width)})
        assert (result.exit_code, result.stderr) == (0, ""), (section, width)
        lines = result.stdout.splitlines()
        assert max(cell_len(line) for line in lines) <= width, (section, lang, width)
        text = result.stdout
        for indicator in indicators:
            for fact in indicator.facts:
                if fact.is_text:
                    continue  # words may fold between words
                figure = format_figure(fact, lang)
                if "\n" not in figure and cell_len(figure) < width // 2:
                    assert any(figure in line for line in lines), (section, lang, width, figure)
            if width >= 160:
                assert indicator.id in text, (section, lang, width, indicator.id)
            for part in indicator.id.replace("-", "- ").split():
                assert part in text, (section, lang, width, indicator.id)


@pytest.mark.parametrize("width", [60, 80, 120])
def test_search_quotes_keep_their_figures_whole(gaoxin, width) -> None:
    """Search results never split the figure being checked inside its quote (7000多人)."""
    result = gaoxin("search", "人才", "--format", "table", env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    assert any("7000多人" in line for line in result.stdout.splitlines()), result.stdout


@pytest.mark.parametrize("width", [60, 80, 100])
def test_no_table_line_opens_with_a_chinese_closing_mark(gaoxin, width) -> None:
    """By the Chinese line-break rules, no folded cell line starts with 、，。；：？！）》”."""
    for section in SECTION_NAMES:
        result = gaoxin(section, "--format", "table", env={"COLUMNS": str(width)})
        for line in result.stdout.splitlines():
            for piece in line.split("  "):
                assert not piece.strip().startswith(tuple("、，。；：？！）》”")), (section, line)
