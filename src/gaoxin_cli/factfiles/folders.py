"""Finding the dataset folders under a facts folder. Light: no TOML here.

Both the loader and the index start from this list, so they agree on what
a facts folder holds.
"""

import os
import stat
from pathlib import Path

from gaoxin_cli.errors import Problem

#: The file that makes a folder a dataset.
DATASET_FILE = "dataset.toml"

#: Fact files larger than this are refused unread (the shipped ones are ~10 KiB).
MAX_FILE_BYTES = 4 * 1024 * 1024


def problem_at(path: Path, message: str, line: int = 1) -> Problem:
    return Problem(str(path), line, message)


def find_dataset_dirs(root: Path) -> tuple[list[Path], list[Problem]]:
    """The dataset folders under `root` (itself, or its sub-folders)."""
    try:
        mode = root.stat().st_mode
    except FileNotFoundError:
        return [], [problem_at(root, "no such file or folder")]
    except OSError as error:
        return [], [problem_at(root, f"cannot read: {error.strerror or error}")]
    if stat.S_ISREG(mode):
        return [root.parent], []
    if not stat.S_ISDIR(mode):
        return [], [problem_at(root, "not a folder or a regular file")]
    try:
        entries = sorted(root.iterdir())
    except OSError as error:
        return [], [problem_at(root, f"cannot list folder: {error.strerror or error}")]
    if (root / DATASET_FILE).exists() or any(e.suffix == ".toml" for e in entries):
        return [root], []
    found = [e for e in entries if _is_dir(e) and _has_toml(e)]
    if not found:
        return [], [
            problem_at(
                root,
                "no fact files here (no *.toml in it or its sub-folders; deeper folders are"
                " not searched: give each facts folder with its own --facts)",
            )
        ]
    return found, []


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except OSError:
        return False


def _has_toml(folder: Path) -> bool:
    try:
        return any(entry.suffix == ".toml" for entry in folder.iterdir())
    except OSError:
        return False


def default_facts_dir() -> Path:
    """The facts shipped with the package (wheel), or beside the source tree."""
    package = Path(__file__).absolute().parent.parent  # gaoxin_cli/
    installed = package / "facts"
    if installed.is_dir():
        return installed
    return package.parent.parent / "facts"


def facts_dirs_from_env(explicit: "list[Path] | None" = None) -> list[Path]:
    """The facts folders: each `--facts`, else $GAOXIN_FACTS, else the shipped facts.

    $GAOXIN_FACTS holds one folder or several separated by os.pathsep (":" or
    ";"), like PATH. A folder named twice is read once.
    """
    chosen = list(explicit or ())
    if not chosen:
        chosen = [Path(p) for p in os.environ.get("GAOXIN_FACTS", "").split(os.pathsep) if p]
    if not chosen:
        return [default_facts_dir()]
    unique: dict[str, Path] = {}
    for path in chosen:
        unique.setdefault(str(path.absolute()), path)
    return list(unique.values())
