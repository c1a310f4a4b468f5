"""Draft quality on real texts the draft was not tuned on: hand-labelled
reviews, work reports and statistics releases, in both scripts.

    python bench/draft_real.py FOLDER [--misses]

FOLDER holds pairs NAME.txt (a text as published) and NAME.labels.toml, every
figure of it labelled by hand:

    [[figure]]
    quote = "地區生產總值9516.9億元"   # an exact piece of the text around it
    value = "9516.9"                   # a decline is negative ("下降3.1%": "-3.1")
    unit = "億元"                      # as written; "" for none
    bound = ""                         # "", over, nearly, about, at_least, at_most
    status = ""                        # "", estimated, preliminary
    measure = "level"                  # a measure of the fact model

The texts are third-party and stay out of the repository; the counts of
the labels and the scores are in the README's "Adding a review".

Each label is matched to the proposal whose figure stands inside the
label's quote with the same value (one proposal to one label). Printed per
text and in total: figures found with the right value and unit, the right
bound, status and measure (each of the figures found), and proposals that
are no labelled figure; with --misses, every miss and its label.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from gaoxin_cli.checks.coverage import compact  # noqa: E402
from gaoxin_cli.draft.article import Review  # noqa: E402
from gaoxin_cli.draft.propose import propose  # noqa: E402
from gaoxin_cli.draft.result import Proposal  # noqa: E402
from gaoxin_cli.simplified import simplified  # noqa: E402

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass
class Score:
    """Counts of one text (or of all)."""

    figures: int = 0
    found: int = 0  # value and unit right
    bound: int = 0
    status: int = 0
    measure: int = 0
    proposals: int = 0
    stray: int = 0  # proposals that are no labelled figure
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("figures", "found", "bound", "status", "measure", "proposals", "stray"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses

    def row(self, name: str) -> str:
        def share(part: int, whole: int) -> str:
            return f"{part}/{whole} {100 * part / whole:5.1f}%" if whole else "-"

        return (
            f"{name:42} {share(self.found, self.figures):>16} {share(self.bound, self.found):>16}"
            f" {share(self.status, self.found):>16} {share(self.measure, self.found):>16}"
            f" {share(self.stray, self.proposals):>14}"
        )


def _number(text: str) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def score_text(path: Path) -> Score:
    """The draft of the text at `path` against its labels."""
    raw = path.read_text(encoding="utf-8")
    labels = tomllib.loads(path.with_suffix(".labels.toml").read_text(encoding="utf-8"))
    review = Review(str(path), raw)
    proposals = propose(review).proposals
    text = review.text
    taken: set[int] = set()
    score = Score(figures=len(labels.get("figure", [])), proposals=len(proposals))
    for label in labels.get("figure", []):
        # the quote as the draft reads the text: simplified if the text was
        quote = label["quote"]
        quote = compact(simplified(quote, force=True) if review.converted else quote)
        start = text.find(quote)
        want = _number(label["value"])
        match: Proposal | None = None
        for n, proposal in enumerate(proposals):
            inside = start != -1 and start <= proposal.number.start < start + len(quote)
            value = _number(str(proposal.value))
            if not inside or n in taken or value is None or want is None:
                continue
            if abs(value - want) < 1e-9 or abs(abs(value) - abs(want)) < 1e-9:
                match = proposal
                taken.add(n)
                break
        where = f"{path.stem[:2]} {label['quote']} [{label['value']} {label['unit']}]"
        if match is None:
            score.misses.append(f"not found      {where}")
            continue
        value = _number(str(match.value))
        unit_right = (match.unit or "") == label["unit"]
        if not unit_right or value is None or abs(value - (want or 0)) > 1e-9:
            score.misses.append(f"value/unit     {where} got {match.value} {match.unit!r}")
            continue
        score.found += 1
        checks = (
            ("bound", match.qualifier or "", label.get("bound", "")),
            ("status", getattr(match, "status", None) or "", label.get("status", "")),
            ("measure", match.measure, label["measure"]),
        )
        for name, got, wanted in checks:
            if got == wanted:
                setattr(score, name, getattr(score, name) + 1)
            else:
                score.misses.append(f"{name:14} {where} got {got!r} want {wanted!r}")
    score.stray = len(proposals) - len(taken)
    for n, proposal in enumerate(proposals):
        if n not in taken:
            figure = f"[{proposal.value} {proposal.unit}]"
            score.misses.append(f"no figure      {path.stem[:2]} {proposal.quote} {figure}")
    return score


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if not args:
        sys.exit(__doc__)
    folder = Path(args[0])
    total = Score()
    heads = ("value+unit", "bound", "status", "measure", "no figure")
    print(f"{'text':42} {heads[0]:>16} {heads[1]:>16} {heads[2]:>16} {heads[3]:>16} {heads[4]:>14}")
    for path in sorted(folder.glob("*.txt")):
        if not path.with_suffix(".labels.toml").exists():
            continue
        score = score_text(path)
        print(score.row(path.stem))
        total.add(score)
    print(total.row("total"))
    if "--misses" in sys.argv:
        print("\n".join(sorted(total.misses)))


if __name__ == "__main__":
    main()
