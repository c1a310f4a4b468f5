"""Is the index fresh? The fact files on disk against those it was built from.

Every run lists the dataset folders and their TOML files with sizes, mtimes,
ctimes and identities (device and inode: a folder swapped for a copy, as a
release link `ln -sfn v2 current` does, holds other files even where sizes
and times agree), one listing per folder, no file opened; a file whose stamps
moved, or that was written close to the build, is hashed and counts as
changed only if its content did.
"""

import os
import sqlite3
import stat
import time
from pathlib import Path

from gaoxin_cli.factfiles.folders import DATASET_FILE, MAX_FILE_BYTES

#: A file modified this close to the build is hashed on every check.
RACY_NS = 2_000_000_000


class FileStat:
    """A fact file's place and stamps. (A plain class: defined at every start.)"""

    __slots__ = ("ctime_ns", "dir", "ident", "mtime_ns", "name", "size")

    def __init__(
        self, dir_: str, name: str, size: int, mtime_ns: int, ctime_ns: int, ident: str
    ) -> None:
        self.dir = dir_
        self.name = name
        self.size = size
        self.mtime_ns = mtime_ns
        #: Changes with any write and cannot be set back: catches edits that keep the mtime.
        self.ctime_ns = ctime_ns
        #: "device:inode": another file in its place, with the same stamps or not.
        self.ident = ident

    @property
    def latest_ns(self) -> int:
        return max(self.mtime_ns, self.ctime_ns)


def identity(info: os.stat_result) -> str:
    """Which file a stat result is of: its device and inode."""
    return f"{info.st_dev}:{info.st_ino}"


def base_of(root: Path) -> Path:
    """The folder that dataset folders are named relative to."""
    return root.parent if root.is_file() else root


def folder_of(base: Path, rel: str) -> Path:
    """A dataset folder from its name relative to `base` ("" for `base` itself)."""
    return base / rel if rel else base


def _is_toml(name: str) -> bool:
    """As the loader sees it: Path(name).suffix == ".toml" (".toml" alone is not)."""
    return name.endswith(".toml") and len(name) > len(".toml")


def _toml_entries(folder: str) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as entries:
        return [entry for entry in entries if _is_toml(entry.name)]


def scan(root: Path) -> tuple[list[str], list[FileStat]] | None:
    """Dataset folders (relative to the base, "" for itself) and their TOML files.

    The same folders as folders.find_dataset_dirs, in one pass with one
    listing per folder. None for anything the loader would report a problem
    for: the loader then says what.
    """
    try:
        if stat.S_ISREG(root.stat().st_mode):
            folders = [("", _toml_entries(str(root.parent)))]
        else:
            with os.scandir(root) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
            own = [e for e in entries if _is_toml(e.name)]
            if own or any(e.name == DATASET_FILE for e in entries):
                folders = [("", own)]
            else:
                folders = [(e.name, _toml_entries(e.path)) for e in entries if e.is_dir()]
                folders = [(name, found) for name, found in folders if found]
        dirs: list[str] = []
        files: list[FileStat] = []
        for rel, found in folders:
            dirs.append(rel)
            for entry in found:
                info = entry.stat()
                if not stat.S_ISREG(info.st_mode):
                    return None
                files.append(
                    FileStat(
                        rel,
                        entry.name,
                        info.st_size,
                        info.st_mtime_ns,
                        info.st_ctime_ns,
                        identity(info),
                    )
                )
    except OSError:
        return None
    return (dirs, files) if dirs else None


def signature_line(name: str, size: int, mtime_ns: int, ctime_ns: int, ident: str) -> str:
    """One fact file of a folder's `signature`: its name, size, times and identity."""
    return f"{name}\t{size}\t{mtime_ns}\t{ctime_ns}\t{ident}"


def signature(lines: list[str]) -> str:
    """What a dataset folder's fact files are, as one text: their
    `signature_line`s in order. Equal texts, equal files (unless one was
    written too close to the build to tell: see `is_racy`)."""
    return "\n".join(sorted(lines))


def _signed(folder: str, now: int) -> str | None:
    """`signature` of the fact files in `folder` as they are now ("" for none);
    None if one is no regular file or was written within RACY_NS of `now`."""
    lines = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if not _is_toml(entry.name):
                continue
            i = entry.stat()
            if not stat.S_ISREG(i.st_mode) or now - max(i.st_mtime_ns, i.st_ctime_ns) < RACY_NS:
                return None
            lines.append(
                signature_line(entry.name, i.st_size, i.st_mtime_ns, i.st_ctime_ns, identity(i))
            )
    return signature(lines)


def unchanged(db: sqlite3.Connection, root: Path, meta: dict[str, str]) -> bool:
    """True if the index is fresh by its folders' signatures alone: the same
    dataset folders, each with files of the same names, sizes, times and
    identities as recorded, none written close to the build or to now.

    The common case of every lookup, in one listing per folder and one stat
    per file, compared as one text per folder. False is no verdict: `scan`
    and `changes` then compare file by file (and hash what moved).
    """
    try:
        if dict(db.execute("SELECT key, value FROM meta")) != meta:
            return False
        stored = db.execute("SELECT dir, files, racy FROM folders ORDER BY seq").fetchall()
        with os.scandir(root) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
        if not stored or any(_is_toml(e.name) or e.name == DATASET_FILE for e in entries):
            return False  # a dataset folder itself, or nothing recorded: compare file by file
        now = time.time_ns()
        at = 0
        for entry in entries:  # compared one by one: no folder's text is kept
            if not entry.is_dir():
                continue
            signed = _signed(entry.path, now)
            if signed is None:
                return False
            if not signed:
                continue  # no dataset: as `scan` sees it
            if at >= len(stored):
                return False
            dir_, recorded, racy = stored[at]
            at += 1
            if dir_ != entry.name or racy or signed != recorded:
                return False
        return at == len(stored)
    except (OSError, sqlite3.Error):
        return False


def sha256(path: Path) -> str:
    """The SHA-256 of a fact file's bytes, in hex, read as the loader reads
    them (without blocking, at most as much as it would); OSError if it
    cannot be read whole."""
    import hashlib

    from gaoxin_cli.factfiles.reading import read_file

    data, _, _ = read_file(path, MAX_FILE_BYTES)
    return hashlib.sha256(data).hexdigest()


def is_racy(file: FileStat, now_ns: int) -> bool:
    """True if `file` was written so close to `now_ns` that its stamps may not show a change."""
    return now_ns - file.latest_ns < RACY_NS


class Changes:
    """Dataset folders whose files changed, and files only touched (same content)."""

    __slots__ = ("dirs", "refresh")

    def __init__(self, dirs: set[str], refresh: list[FileStat]) -> None:
        self.dirs = dirs
        self.refresh = refresh


def changes(
    db: sqlite3.Connection | None,
    root: Path,
    dirs: list[str],
    files: list[FileStat],
    meta: dict[str, str],
) -> Changes | None:
    """What changed since the index (built for `meta`) was built; None if it
    is missing, unusable, or was built for something else."""
    if db is None:
        return None
    try:
        if dict(db.execute("SELECT key, value FROM meta")) != meta:
            return None
        known = {
            (dir_, name): (size, (mtime_ns, ctime_ns, ident), sha, racy)
            for dir_, name, size, mtime_ns, ctime_ns, ident, sha, racy in db.execute(
                "SELECT dir, name, size, mtime_ns, ctime_ns, ident, sha256, racy FROM files"
            )
        }
        stored_dirs = [d for (d,) in db.execute("SELECT dir FROM datasets ORDER BY seq")]
    except sqlite3.Error:
        return None
    if stored_dirs != dirs:
        return None  # datasets added, removed or reordered: rebuild the list
    base = base_of(root)
    changed: set[str] = set()
    refresh: list[FileStat] = []
    now = time.time_ns()
    seen: set[tuple[str, str]] = set()
    for file in files:
        key = (file.dir, file.name)
        seen.add(key)
        old = known.get(key)
        if old is None:
            changed.add(file.dir)
            continue
        size, stamps, sha, racy = old
        moved = stamps != (file.mtime_ns, file.ctime_ns, file.ident)
        if size != file.size:
            changed.add(file.dir)
        elif moved or racy or is_racy(file, now):
            try:
                same = sha256(folder_of(base, file.dir) / file.name) == sha
            except OSError:
                same = False
            if not same:
                changed.add(file.dir)
            elif moved or (racy and not is_racy(file, now)):
                refresh.append(file)
    changed.update(d for d, _ in set(known) - seen)
    return Changes(changed, [f for f in refresh if f.dir not in changed])
