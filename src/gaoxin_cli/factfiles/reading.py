"""Reading files: a fact file's bytes (without blocking, capped, with stamps
that belong to them) and an article's text.

Light (no TOML here): the index's freshness check hashes files with it, the
loader parses what it returns.
"""

import os
import stat
from pathlib import Path

from gaoxin_cli.errors import UsageError


class NotRegularError(OSError):
    """A fact file that is a device, a FIFO, a folder or anything but a file."""


class TooLargeError(OSError):
    """A fact file larger than the limit: not read."""


#: Opened without blocking (a FIFO or /proc/kmsg), never as a controlling terminal.
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_file(path: Path, limit: int) -> tuple[bytes, os.stat_result, bool]:
    """A fact file's bytes, its stamps, and whether it stood still while it was read.

    The file is opened without blocking and its type and size are checked on
    the open descriptor; at most `limit` bytes are read. It stood still if its
    size, mtime and ctime after reading are those from before and it held just
    the bytes read: only then do the bytes and the stamps belong together.
    Raises NotRegularError, TooLargeError or another OSError.
    """
    fd = os.open(path, _READ_FLAGS)
    try:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            raise NotRegularError(f"{path}: not a regular file")
        if before.st_size > limit:
            raise TooLargeError(f"{path}: larger than {limit} bytes")
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        after = os.fstat(fd)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise TooLargeError(f"{path}: larger than {limit} bytes")
    still = (before.st_size, before.st_mtime_ns, before.st_ctime_ns) == (
        after.st_size,
        after.st_mtime_ns,
        after.st_ctime_ns,
    ) and len(data) == after.st_size
    return data, after, still


#: The largest article `validate --source` and `draft` read.
ARTICLE_LIMIT = 16 * 1024 * 1024


def read_article(source: Path) -> str:
    """An article's text: read without blocking (a FIFO, /proc/kmsg), at most
    16 MiB (/dev/zero), UTF-8 with or without a byte-order mark; else a usage
    error. `-` is standard input."""
    if str(source) == "-":
        import sys

        if sys.stdin is None:  # started with standard input closed (<&-)
            raise UsageError("cannot read standard input: it is closed")
        raw = sys.stdin.buffer.read(ARTICLE_LIMIT + 1)
        if len(raw) > ARTICLE_LIMIT:
            raise UsageError("cannot read standard input: larger than 16 MiB")
        return _decoded(raw, source)
    try:
        raw, _, _ = read_file(source, ARTICLE_LIMIT)
    except NotRegularError:
        raise UsageError(f"cannot read {source}: not a regular file") from None
    except TooLargeError:
        raise UsageError(f"cannot read {source}: larger than 16 MiB") from None
    except OSError as error:
        raise UsageError(f"cannot read {source}: {error.strerror or error}") from None
    return _decoded(raw, source)


def _decoded(raw: bytes, source: Path) -> str:
    """An article's bytes as text: UTF-8, plain text; else a usage error at its line."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise UsageError(f"{source}:{line}: not valid UTF-8") from None
    check_plain_text(text, str(source))
    return text


def check_plain_text(text: str, name: str) -> None:
    """A usage error, at its line of `name`, for a control character in an article."""
    import re

    control = re.search(_CONTROL, text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise UsageError(
            f"{name}:{line}: holds a control character (U+{ord(control.group()):04X});"
            " an article is plain text"
        )


#: Characters plain text never holds: C0 controls but tab, line feed and
#: carriage return (and form feed, which page breaks leave), DEL, C1 controls.
_CONTROL = "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]"
