"""How right `gaoxin check` is on the check relevance set (tests/check_claims.py).

Prints the verdict accuracy (a figure is right when its verdict and its fact
are those expected), the count of wrong figures called "agrees" (which must
be zero), and each miss. Run: python bench/check_quality.py [CLAIMS.py]
(another file defining CLAIMS in the same form scores that set instead).
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import gaoxin_cli
from check_claims import CLAIMS, Score


def main() -> None:
    claims = runpy.run_path(sys.argv[1])["CLAIMS"] if len(sys.argv) > 1 else CLAIMS
    score = Score(gaoxin_cli.load(), claims)
    print(f"claims: {len(claims)} texts, {score.total} figures")
    print(f"verdict accuracy: {score.right}/{score.total} = {100 * score.accuracy:.1f}%")
    print(f"wrong figures called agrees: {score.false_agrees}")
    for miss in score.misses:
        print(f"miss: {miss}")


if __name__ == "__main__":
    main()
