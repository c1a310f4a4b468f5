"""The figures a text claims, read exactly as `gaoxin draft` reads a review's
figures: value, unit, bound, status and measure, in either script.

Pure: text in, `Claim`s out, in the text's order. The text is read as claims
(`Review(claims=True)`): a first line is no title and a figure in a heading
is a figure, as a press release's headline states figures too.
"""

from __future__ import annotations

from gaoxin_cli.draft.article import Review
from gaoxin_cli.draft.propose import GUESSED, propose
from gaoxin_cli.model import Value, format_value, fraction_of, units
from gaoxin_cli.simplified import simplified


class Claim:
    """One figure a text states, and the words around it that name what it is."""

    __slots__ = (
        "after",
        "clause",
        "context",
        "label",
        "line",
        "measure",
        "qualifier",
        "reading",
        "status",
        "unit",
        "value",
        "weak",
    )

    def __init__(
        self,
        clause: str,
        value: Value,
        unit: str | None,
        *,
        measure: str,
        qualifier: str | None = None,
        status: str | None = None,
        label: str = "",
        context: str = "",
        after: str = "",
        line: int = 1,
        weak: bool = False,
    ) -> None:
        #: The clause that states it, verbatim in the text's own script.
        self.clause = clause
        self.value = value
        #: The unit as the text writes it, and as read in simplified characters.
        self.unit = unit
        self.reading = simplified(unit) if unit else unit
        self.measure = measure
        self.qualifier = qualifier
        self.status = status
        #: The label draft gives its indicator, and the words of its clause
        #: before the figure, in simplified characters.
        self.label = label
        self.context = context
        #: The words of its clause after the figure ("设立0.2亿元“先予处置”专项资金").
        self.after = after
        self.line = line
        #: True when no word says what it measures: its unit alone decided.
        self.weak = weak

    @property
    def normalized(self) -> units.Normalized | None:
        """The value in base units (85亿元 -> 8500000000 CNY), or None without a unit."""
        value = self.value
        if isinstance(value, str):
            fraction = fraction_of(value)
            return None if fraction is None else units.normalize(fraction, self.reading)
        return units.normalize(value, self.reading)

    @property
    def figure(self) -> str:
        """The figure with its unit as the text writes it: 85亿元, -7.5%, 1/6."""
        return format_value(self.value) + (self.unit or "")

    def __repr__(self) -> str:
        return f"Claim({self.clause!r}, {self.value!r}, {self.unit!r}, measure={self.measure!r})"


def read_claims(text: str, name: str = "text") -> list[Claim]:
    """Every figure `text` states, in its order (numbers that are no figures,
    such as years, dates and names, are left out as draft leaves them out)."""
    review = Review(name, text, claims=True)
    found = []
    for proposal in propose(review).proposals:
        number = proposal.number
        label = simplified(proposal.indicator.label)
        found.append(
            Claim(
                proposal.quote,
                proposal.value,
                proposal.unit,
                measure=proposal.measure,
                qualifier=proposal.qualifier,
                status=proposal.status,
                label=label,
                context=review.text[proposal.quote_start : number.start],
                after=review.text[number.unit_end : review.clause(number.start)[1]],
                line=proposal.line,
                weak=any(check.startswith(GUESSED) for check in proposal.checks),
            )
        )
    return found
