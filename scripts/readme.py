"""Keep the README's example outputs true: run each `$ gaoxin …` block and paste its output.

    python scripts/readme.py           # rewrite README.md in place
    python scripts/readme.py --check   # exit 1 if any example's output is out of date

Each ```console block whose first line is `$ COMMAND` gets COMMAND's real
output (stdout, then stderr), run by bash at an 80-column terminal without
colour, in a scratch folder laid out like a clone: `facts/`, the synthetic
second dataset in `tests/fixtures/synthetic/`, and `my-facts/`: a copy of the
shipped facts, named dalian-2020 and with three deliberate mistakes, for the
`validate` example. Paths in the output show the scratch folder as
`~/gaoxin` and its home (where the cache is) as `~`.
"""

from __future__ import annotations

import argparse
import difflib
import fcntl
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
BLOCK = re.compile(r"(```console\n\$ (?P<command>[^\n]+)\n)(?P<output>.*?)(```)", re.DOTALL)

#: (file, old, new): my-facts/dalian-2020 takes its id from its folder, and has
#: three mistakes: a figure its quote does not state, a NaN, a misspelt key.
MISTAKES = [
    ("economy.toml", "value = 7.5\n", "value = 7.6\n"),
    ("economy.toml", "value = 85\n", "value = nan\n"),
    ("economy.toml", 'measure = "growth"\nvalue = 18.3', 'meassure = "growth"\nvalue = 18.3'),
    ("dataset.toml", 'id = "dalian-2019"\n', ""),
]


#: The article of the shipped review, which travels with its facts.
ARTICLE = REPO / "facts" / "dalian-2019" / "article.txt"


def scratch_folder(root: Path) -> None:
    """Under `root`, as in a clone: `facts/` and the synthetic test dataset;
    my-facts/dalian-2020: the shipped facts, broken three ways; the article as
    review-2019.txt; and cut-facts/: the shipped facts less the fact of 2124件."""
    shutil.copytree(REPO / "facts", root / "facts")
    synthetic = Path("tests") / "fixtures" / "synthetic"
    shutil.copytree(REPO / synthetic, root / synthetic)
    target = root / "my-facts" / "dalian-2020"
    shutil.copytree(REPO / "facts" / "dalian-2019", target)
    for name, old, new in MISTAKES:
        path = target / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    shutil.copyfile(ARTICLE, root / "review-2019.txt")
    cut = root / "cut-facts" / "dalian-2019"
    shutil.copytree(REPO / "facts" / "dalian-2019", cut)
    innovation = cut / "innovation.toml"
    text = innovation.read_text(encoding="utf-8")
    value = text.index("value = 2124\n")
    start = text.rindex("[[indicator.fact]]", 0, value)
    innovation.write_text(text[:start] + text[text.index("[[indicator", value) :], encoding="utf-8")


def run(command: str, cwd: Path) -> str:
    """What a reader sees running `command` at an 80-column terminal without colour."""
    bin_dir = str(Path(sys.executable).parent)
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("GAOXIN_") and k != "XDG_CACHE_HOME"
    }
    env |= {
        "NO_COLOR": "1",
        "COLUMNS": "80",
        "LINES": "24",
        "TERM": "dumb",  # a terminal, but no escape codes in the README
        "PATH": bin_dir + os.pathsep + env.get("PATH", ""),
        "HOME": str(cwd / "home"),  # the cache is ~/.cache/gaoxin
    }
    # stdout is a terminal, as the reader's would be (a table, not TSV);
    # stderr comes after it.
    main, side = pty.openpty()
    fcntl.ioctl(side, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    with subprocess.Popen(
        ["bash", "-c", command], stdout=side, stderr=subprocess.PIPE, env=env, cwd=cwd
    ) as process:
        os.close(side)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal closed: the command is done
                break
            if not chunk:
                break
            chunks.append(chunk)
        errors = process.stderr.read() if process.stderr else b""
    os.close(main)
    text = (b"".join(chunks).replace(b"\r\n", b"\n") + errors).decode("utf-8")
    # The scratch folder is shown as the reader's clone, its home as theirs.
    text = text.replace(str(cwd / "home"), "~").replace(str(cwd), "~/gaoxin")
    return "".join(line.rstrip() + "\n" for line in text.rstrip("\n").split("\n"))


def rendered(readme: str) -> str:
    """The README with every example's output replaced by the real one."""
    with tempfile.TemporaryDirectory(prefix="gaoxin-readme-") as tmp:
        cwd = Path(tmp)
        scratch_folder(cwd)

        def fill(match: re.Match[str]) -> str:
            return match.group(1) + run(match.group("command"), cwd) + match.group(4)

        return BLOCK.sub(fill, readme)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report outdated examples")
    args = parser.parse_args()
    current = README.read_text(encoding="utf-8")
    fresh = rendered(current)
    if args.check:
        if fresh != current:
            sys.stdout.writelines(
                difflib.unified_diff(
                    current.splitlines(True), fresh.splitlines(True), "README.md", "real output"
                )
            )
            sys.exit(1)
        return
    README.write_text(fresh, encoding="utf-8")


if __name__ == "__main__":
    main()
