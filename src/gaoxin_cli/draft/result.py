"""What a draft is: proposed facts under their indicators, and the numbers
that are no figures. `propose` makes these; `write` and the command read them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gaoxin_cli.model import Fact, Label, make_fact

if TYPE_CHECKING:
    from gaoxin_cli.draft.article import Heading, Review
    from gaoxin_cli.draft.numbers import Number

#: The check of a fact under a heading no section fits (said once a file in TOML).
UNSORTED_CHECK = "no section fits the heading: move it to its section"


class Proposal:
    """One proposed fact, and why: the cues read, and what a person must check."""

    __slots__ = (
        "checks",
        "cues",
        "indicator",
        "key",
        "line",
        "measure",
        "number",
        "qualifier",
        "quote",
        "quote_start",
        "sentence",
        "status",
        "value",
        "written",
    )

    def __init__(self, number: Number, indicator: DraftIndicator, sentence: int) -> None:
        self.number = number
        self.indicator = indicator
        self.sentence = sentence  # where its sentence starts in the review's text
        self.measure = "level"
        self.key = "level"
        self.value: int | float | str = number.value
        self.qualifier: str | None = None
        self.status: str | None = None
        self.quote = ""
        self.quote_start = 0
        self.written: str | None = None
        self.line = 0
        self.cues: list[str] = []
        #: What a person must decide, each one short line ("measure guessed: …").
        self.checks: list[str] = []

    @property
    def unit(self) -> str | None:
        """The unit written after the figure, as the article writes it."""
        return self.number.unit


class DraftIndicator:
    """Proposed facts about one thing, under the label the article gives it."""

    __slots__ = ("facts", "heading", "id", "keys", "label", "label_start", "section")

    def __init__(self, label: str, section: str, heading: Heading | None) -> None:
        self.label = label
        self.section = section
        self.heading = heading
        self.id = ""
        self.facts: list[Proposal] = []
        self.keys: dict[str, int] = {}  # facts of each measure so far
        #: Where an earlier clause of its first sentence names it ("…总数再度刷新,达到132家").
        self.label_start: int | None = None


class NotFigure:
    """A number that is no figure, the short quote it stands in, and why."""

    __slots__ = ("figure", "line", "quote", "reason")

    def __init__(self, figure: str, quote: str, reason: str, line: int) -> None:
        self.figure = figure
        self.quote = quote
        self.reason = reason
        self.line = line


class Draft:
    """Everything proposed for one review: `records()` are what
    `gaoxin draft --format json` writes."""

    def __init__(self, review: Review) -> None:
        self.review = review
        self.indicators: list[DraftIndicator] = []
        self.not_figures: list[NotFigure] = []

    @property
    def proposals(self) -> list[Proposal]:
        """Every proposed fact, in the article's order."""
        found = [fact for indicator in self.indicators for fact in indicator.facts]
        return sorted(found, key=lambda p: p.number.start)

    def facts(self, dataset: str = "draft") -> list[Fact]:
        """Every proposal as the Fact it makes in `dataset` (see `as_facts`)."""
        return [fact for _, fact in as_facts(self, dataset)]

    def records(self, dataset: str = "draft") -> list[dict[str, Any]]:
        """Each proposal as `export` writes a fact, with its article line, its
        confidence ("proposed", or "check" when a person must decide), what to
        check and the cue words read."""
        from gaoxin_cli.render.records import fact_record

        records = []
        for proposal, fact in as_facts(self, dataset):
            record = fact_record(fact)
            record["line"] = proposal.line
            record["confidence"] = "check" if proposal.checks else "proposed"
            record["checks"] = list(proposal.checks)
            record["cues"] = list(proposal.cues)
            records.append(record)
        return records

    def not_figure_records(self) -> list[dict[str, Any]]:
        """Each number that is no figure: {figure, quote, reason, line}."""
        return [
            {"figure": n.figure, "quote": n.quote, "reason": n.reason, "line": n.line}
            for n in self.not_figures
        ]


def as_fact(proposal: Proposal, indicator: DraftIndicator, heading: Heading | None) -> Fact:
    fields: dict[str, object] = {
        "key": proposal.key,
        "measure": proposal.measure,
        "value": proposal.value,
        "unit": proposal.unit,
        "qualifier": proposal.qualifier,
        "status": proposal.status,
        "quote": proposal.quote,
        "written": proposal.written,
    }
    blank = Label("", "")
    return make_fact(
        fields,
        indicator=indicator.id or "draft",
        label=Label(indicator.label, ""),
        dataset="draft",
        section=indicator.section,
        heading=Label(heading.text, "") if heading else blank,
        period="",
        area=blank,
        location=None,
    )


def as_facts(draft: Draft, dataset: str) -> list[tuple[Proposal, Fact]]:
    """Each proposal and the Fact it makes in `dataset`, as the loader would
    make it: period and area as the title gives them, English still to write."""
    head = draft.review.masthead
    period, area = head.period, Label(head.area, "")
    made = []
    for proposal in draft.proposals:
        indicator = proposal.indicator
        fact = as_fact(proposal, indicator, indicator.heading)
        made.append((proposal, fact._replace(dataset=dataset, period=period, area=area)))
    return made
