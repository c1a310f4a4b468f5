"""`gaoxin check`: the figures a text states, held against the facts.

`claims` reads a text's figures as `draft` reads a review's; `names` finds
the facts a claim's words name; `verdict` compares the two: agrees, differs
(and how), or unknown. `check_text` is the whole: what `Book.check` returns.
"""

from __future__ import annotations

from collections.abc import Iterable

from gaoxin_cli.check.claims import Claim, read_claims
from gaoxin_cli.check.names import Names
from gaoxin_cli.check.verdict import AGREES, DIFFERS, UNKNOWN, Verdict, judge
from gaoxin_cli.model import Fact

__all__ = ["AGREES", "DIFFERS", "UNKNOWN", "Claim", "Verdict", "check_text"]


def check_text(
    facts: Iterable[Fact], text: str, *, names: Names | None = None, name: str = "text"
) -> list[Verdict]:
    """A verdict on every figure `text` states, in its order, against `facts`
    (`names`: the facts' names when already gathered, for several texts;
    `name`: what the records call the text, its `input`)."""
    names = names or Names(facts)
    return [judge(claim, names.named(claim), text) for claim in read_claims(text, name)]
