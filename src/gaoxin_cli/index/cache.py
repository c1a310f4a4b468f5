"""The cache folder's index files: what each indexes, pruning and clearing them.

The cache is optional: with no usable folder (no $XDG_CACHE_HOME, no home
directory) there is nothing here, and the fact files are read instead.
"""

import sqlite3
from pathlib import Path

from gaoxin_cli.index.schema import SCHEMA_VERSION, cache_dir
from gaoxin_cli.version import __version__

#: What `entries` says of an index file.
CURRENT = "current"  # built by this version for a folder that exists
FOLDER_GONE = "folder-gone"  # its facts folder is gone: pruned by the next build
OLD_VERSION = "old-version"  # rebuilt in place when its folder is next used
UNREADABLE = "unreadable"  # damaged or foreign: rebuilt when its folder is next used
FOLDER_UNREACHABLE = "folder-unreachable"  # its folder cannot be looked at now: kept


class Entry:
    """One index file in the cache folder."""

    __slots__ = ("folder", "path", "size", "state")

    def __init__(self, path: Path, size: int, folder: str | None, state: str) -> None:
        self.path = path
        self.size = size
        #: The facts folder it indexes, as recorded inside; None if unreadable.
        self.folder = folder
        self.state = state


def entries(folder: Path | None = None) -> list[Entry]:
    """The index files in the cache folder (or `folder`), by the folder each indexes."""
    folder = folder or cache_dir()
    if folder is None:
        return []
    found = []
    try:
        paths = sorted(p for p in folder.glob("*.sqlite3") if p.is_file() and not p.is_symlink())
    except OSError:
        return []
    for path in paths:
        try:
            size = path.stat().st_size
        except OSError:
            continue
        root, state = _indexed_folder(path)
        found.append(Entry(path, size, root, state))
    return sorted(found, key=lambda entry: (entry.folder or "", entry.path.name))


def _indexed_folder(path: Path) -> tuple[str | None, str]:
    try:
        db = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True)
        try:
            meta = dict(db.execute("SELECT key, value FROM meta"))
        finally:
            db.close()
    except (sqlite3.Error, ValueError):
        return None, UNREADABLE
    root = meta.get("root")
    if not isinstance(root, str):
        return None, UNREADABLE
    try:
        if not Path(root).exists():
            return root, FOLDER_GONE
    except OSError:  # a folder this user may not look into: not gone, not pruned
        return root, FOLDER_UNREACHABLE
    if (meta.get("schema"), meta.get("version")) != (SCHEMA_VERSION, __version__):
        return root, OLD_VERSION
    return root, CURRENT


def prune(folder: Path) -> None:
    """Remove from `folder` the indexes of facts folders that are gone, and the
    temporary files of builds that were killed. Never raises."""
    from gaoxin_cli.files import remove_abandoned

    remove_abandoned(folder)
    for entry in entries(folder):
        if entry.state == FOLDER_GONE:
            try:
                entry.path.unlink(missing_ok=True)
            except OSError:
                continue  # left for a later prune, or `gaoxin cache clear`


def clear(folder: Path | None = None) -> tuple[int, int]:
    """Remove every index file (and abandoned temporary file): (files, bytes) removed."""
    folder = folder or cache_dir()
    if folder is None:
        return 0, 0
    from gaoxin_cli.files import remove_abandoned

    remove_abandoned(folder)
    count = size = 0
    for entry in entries(folder):
        try:
            entry.path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:  # one file this user may not remove stops no other
            import warnings

            from gaoxin_cli.errors import GaoxinWarning

            warnings.warn(
                f"{entry.path}: cannot remove: {error.strerror}", GaoxinWarning, stacklevel=2
            )
            continue
        count += 1
        size += entry.size
    return count, size
