"""Writing output: a file replaced whole, or a device, FIFO or descriptor written into.

The one way this project writes a file (exports and the index): a reader
sees the old file or the new one, never half of one, and an error, Ctrl-C
or SIGTERM leaves nothing behind. A temporary file's name carries the id
of the process writing it, so that one left by a killed run (kill -9, a
power cut) is known for abandoned and `remove_abandoned` can clear it.

What is not a regular file is never replaced: a character device or FIFO
(/dev/null, a named pipe) and the process's own descriptors (/dev/stdout,
/dev/fd/N, /proc/self/fd/N) are written into instead, see `writing_into`.
"""

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

#: The longest file name most file systems allow, in bytes (NAME_MAX).
NAME_MAX = 255

#: Room kept in a temporary name for the side files SQLite makes beside it.
_SIDE_FILE = "-journal"

#: How long a temporary file may lie unchanged before it counts as abandoned
#: whatever its process id says (ids are reused): a day, in seconds.
ABANDONED_AFTER = 24 * 60 * 60

#: `.NAME.PID.RANDOM.tmp` as `replacing` names them (RANDOM is mkstemp's),
#: or an older version's `.NAME.RANDOM.tmp`; with SQLite's side files.
_TEMP_NAME = r"(?s)\..+?(?:\.(?P<pid>[0-9]+))?\.[a-z0-9_]{8}\.tmp(?:-journal|-wal|-shm)?"


def temp_prefix(name: str, pid: int) -> str:
    """`.NAME.PID.` for a temporary file beside `name`, with NAME cut short (on a
    character boundary) so that the whole temporary name fits NAME_MAX bytes."""
    fixed = len(f"..{pid}.") + 8 + len(".tmp") + len(_SIDE_FILE)  # 8: mkstemp's random part
    room = NAME_MAX - fixed
    kept = []
    for char in name:
        room -= len(os.fsencode(char))
        if room < 0:
            break
        kept.append(char)
    return f".{''.join(kept)}.{pid}."


@contextmanager
def replacing(path: Path, *, private: bool = False, new: bool = False) -> Iterator[Path]:
    """A temporary path beside `path`, moved onto `path` when the block ends
    without an error (and removed when it raises, or on SIGTERM).

    `path` must be a regular file, a symlink (the link is replaced, not what
    it points to) or nothing yet. The new file gets the permissions a file
    written in place would have: the old file's, else 0666 less the umask;
    `private` keeps the temporary file's 0600 (for caches). With `new`, the
    last step only creates `path`: a file that appeared there meanwhile is
    never replaced (FileExistsError), nor is anything else. What a killed run
    left of its own temporary file for `path` is removed first.
    """
    _must_be_replaceable(path)
    remove_abandoned(path.parent, {path.name})
    with _sigterm_exits():
        handle, temp_name = tempfile.mkstemp(
            dir=path.parent, prefix=temp_prefix(path.name, os.getpid()), suffix=".tmp"
        )
        os.close(handle)
        temp = Path(temp_name)
        try:
            yield temp
            if not private:
                temp.chmod(_mode_for(path))
            if new:
                _create(temp, path)
            else:
                temp.replace(path)  # atomic on one file system
        finally:
            temp.unlink(missing_ok=True)


@contextmanager
def scratch(suffix: str = ".tmp") -> Iterator[Path]:
    """A new empty file in the system's temporary folder, removed when the block
    ends, also on an error or SIGTERM (for building what is then copied)."""
    with _sigterm_exits():
        handle, name = tempfile.mkstemp(prefix=f"gaoxin-{os.getpid()}-", suffix=suffix)
        os.close(handle)
        try:
            yield Path(name)
        finally:
            Path(name).unlink(missing_ok=True)


def new_folder(target: Path, contents: dict[str, str]) -> None:
    """Write a new folder at `target` whole or not at all: its files (name ->
    text, written as given, line ends included) go into a temporary folder
    beside it, which is then renamed into place; `target` must not exist, or
    be an empty folder. On failure nothing is left, and the OSError names
    `target`."""
    import shutil

    parent = target.absolute().parent
    temp: Path | None = None
    try:
        with _sigterm_exits():
            parent.mkdir(parents=True, exist_ok=True)
            temp = Path(tempfile.mkdtemp(prefix=temp_prefix(target.name, os.getpid()), dir=parent))
            for name, text in contents.items():
                (temp / name).write_text(text, encoding="utf-8", newline="")
            if target.is_dir():
                target.rmdir()  # empty, or this raises and nothing is replaced
            temp.rename(target)
            temp = None
    except OSError as error:
        raise OSError(error.errno, error.strerror or str(error), str(target)) from None
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)


def abandoned(folder: Path, targets: "Collection[str] | None" = None) -> list[Path]:
    """The temporary files `replacing` left in `folder` when its process was
    killed: those whose process is gone, and any older than a day; with
    `targets`, only those made for a file of one of those names (in a folder
    shared with a person's files, nothing that merely looks alike)."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if e.is_file(follow_symlinks=False)]
    except OSError:
        return []
    now = time.time()
    found = []
    for name in names:
        match = re.fullmatch(_TEMP_NAME, name)  # compiled once, when first used
        if match is None:
            continue
        if targets is not None and not any(name.startswith(f".{t}.") for t in targets):
            continue
        try:
            place = folder / name
            old = now - place.lstat().st_mtime > ABANDONED_AFTER
            pid = match["pid"]
            if old or (pid is not None and not _alive(int(pid))):
                found.append(place)
        except (OSError, ValueError, OverflowError):
            continue
    return found


def remove_abandoned(folder: Path, targets: "Collection[str] | None" = None) -> None:
    """Remove the files `abandoned` finds. Nothing else is touched, and nothing
    is raised (a file that cannot be removed is left as it is)."""
    for place in abandoned(folder, targets):
        with contextlib.suppress(OSError):
            place.unlink()


def descriptor_named(path: Path) -> int | None:
    """The number of this process's descriptor that `path` names, through its
    links (/dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N), else None."""
    own = {f"/proc/{os.getpid()}/fd", f"/proc/{os.getpid()}/task/{_thread_id()}/fd"}
    place = path.absolute()
    for _ in range(40):  # the kernel's limit on links followed
        name = place.name
        if name.isdigit() and name.isascii() and str(place.parent.resolve()) in own:
            return int(name)
        try:
            place = place.parent / place.readlink()
        except (OSError, ValueError):
            return None
    return None


def writes_into(path: Path) -> bool:
    """Whether output to `path` is written into it rather than replacing it: a
    descriptor of this process (/dev/stdout), a character device or a FIFO."""
    if descriptor_named(path) is not None:
        return True
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


@contextmanager
def writing_into(path: Path) -> Iterator[BinaryIO]:
    """A stream onto a device, FIFO or descriptor (see `writes_into`), closed at
    the end: a descriptor is duplicated, so that its offset and append mode
    (`>>`) are kept; anything else is opened for writing, never created."""
    number = descriptor_named(path)
    if number is not None:
        handle = os.dup(number)
    else:
        handle = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    with open(handle, "wb") as stream:  # noqa: PTH123 - a descriptor, not a path
        yield stream


def _create(temp: Path, path: Path) -> None:
    """Put `temp` at `path` only if nothing is there: a hard link fails on
    anything present, atomically (where links cannot be made, the check and
    the rename are two steps)."""
    appeared = FileExistsError(
        errno.EEXIST, "it appeared while the file was written; not replaced", str(path)
    )
    try:
        os.link(temp, path)
    except FileExistsError:
        raise appeared from None
    except OSError:  # a file system without hard links
        if path.exists() or path.is_symlink():
            raise appeared from None
        temp.replace(path)


def _must_be_replaceable(path: Path) -> None:
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise FileExistsError(errno.EEXIST, "not a regular file, so never replaced", str(path))


def _mode_for(path: Path) -> int:
    try:
        mode = path.lstat().st_mode  # a link's target keeps its own permissions
    except OSError:
        mode = 0
    if stat.S_ISREG(mode):
        return stat.S_IMODE(mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False  # 0 and negative ids name process groups, never a writer
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def _thread_id() -> int:
    import threading

    return threading.get_native_id()


def _terminated(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def _sigterm_exits() -> Iterator[None]:
    """SIGTERM becomes SystemExit for the block, so that its `finally` runs, when
    in the main thread and nobody else handles SIGTERM; the old handler after."""
    import signal
    import threading

    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL
    ):
        yield
        return
    old = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)
