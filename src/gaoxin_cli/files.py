"""Replacing a file whole: written beside its place, then moved there.

The one way this project writes a file (exports and the index): a reader
sees the old file or the new one, never half of one, and an error leaves
nothing behind.
"""

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path, *, private: bool = False) -> Iterator[Path]:
    """A temporary path beside `path`, moved onto `path` when the block ends
    without an error (and removed when it raises).

    The new file gets the permissions a file written in place would have:
    the old file's, else 0666 less the umask; `private` keeps the temporary
    file's 0600 (for caches).
    """
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        if not private:
            temp.chmod(_mode_for(path))
        temp.replace(path)  # atomic on one file system
    finally:
        temp.unlink(missing_ok=True)


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
