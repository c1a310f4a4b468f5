"""Tables as golden text at a fixed width, with Chinese, colour off."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from gaoxin_cli import query
from gaoxin_cli.model import FactBook
from gaoxin_cli.render.tables import detail, search_table, section_tables

GOLDEN = Path(__file__).parent / "golden"


def render(build, width: int) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system=None,
        force_terminal=False,
        highlight=False,
        emoji=False,
    )
    console.print(build(width))
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def check(name: str, text: str) -> None:
    """`text` is the golden file `name`; `pytest --update-golden` rewrites it instead."""
    import conftest

    path = GOLDEN / name
    if conftest.UPDATE_GOLDEN:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    elif not path.exists():
        pytest.fail(f"no golden file {path}: run pytest --update-golden and review it")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("lang", "width"), [("zh", 80), ("en", 80), ("zh", 40), ("zh", 120)])
def test_economy_table(shipped: FactBook, lang: str, width: int) -> None:
    """The economy section: a column per measure, qualifier marks, sub-rows; stacked at 40."""
    views = query.section_view(shipped, "economy")
    text = render(lambda w: section_tables(views, lang, w, show_dataset=False), width)
    check(f"economy-{lang}-{width}.txt", text)


def test_innovation_has_three_headings(shipped: FactBook) -> None:
    """Innovation shows the article's three sub-headings, in order."""
    views = query.section_view(shipped, "innovation")
    text = render(lambda w: section_tables(views, "zh", w, show_dataset=False), 100)
    positions = [
        text.index(h) for h in ("科技创新成果喜人", "主责主业得到强化", "创新动能充分释放")
    ]
    assert positions == sorted(positions)
    check("innovation-zh-100.txt", text)


def test_get_detail(shipped: FactBook) -> None:
    """`get` of an indicator: every fact with unit, normalized value, qualifier and quote."""
    items = query.lookup(shipped, ["fixed-asset-investment"])
    datasets = {d.id: d for d in shipped.datasets}
    check("get-fixed-asset-investment-80.txt", render(lambda _w: detail(items, datasets, "zh"), 80))


def test_get_detail_of_estimates(shipped: FactBook) -> None:
    """`get` of an estimated indicator: 预计 before each figure, and a row naming the status."""
    items = query.lookup(shipped, ["gdp"])
    datasets = {d.id: d for d in shipped.datasets}
    check("get-gdp-80.txt", render(lambda _w: detail(items, datasets, "zh"), 80))


def test_search_table(shipped: FactBook) -> None:
    """Search results with ids, labels, figures and quotes."""
    hits = query.search(shipped, "专利")
    check("search-patent-80.txt", render(lambda _w: search_table(hits, "zh"), 80))


@pytest.mark.parametrize("width", [30, 40, 60, 80, 100])
def test_figures_are_never_cut(shipped: FactBook, width: int) -> None:
    """At any width each figure of a section appears whole on one line."""
    from gaoxin_cli.render.figure_text import format_figure

    for section in ("economy", "innovation", "governance"):
        views = query.section_view(shipped, section)
        text = render(lambda w, v=views: section_tables(v, "zh", w, show_dataset=False), width)
        lines = text.splitlines()
        for fact in views[0].facts:
            if not fact.is_text:
                figure = format_figure(fact, "zh")
                assert any(figure in line for line in lines), (section, width, figure)
