"""An index is trusted only if it is the user's own and no one else may write it;
an article for `validate --source` is read without blocking and capped."""

import os
from pathlib import Path

import pytest


def _index(cache: Path) -> Path:
    (path,) = cache.glob("*.sqlite3")
    return path


def test_an_index_others_may_write_is_built_anew(gaoxin, cache: Path) -> None:
    """A group- or world-writable index file is replaced by one of the user's own, same answer."""
    assert gaoxin("get", "gdp.growth", "--value").stdout == "7.5\n"
    path = _index(cache)
    path.chmod(0o666)
    before = path.stat().st_ino
    result = gaoxin("get", "gdp.growth", "--value")
    assert (result.exit_code, result.stdout) == (0, "7.5\n")
    after = _index(cache)
    assert after.stat().st_mode & 0o022 == 0
    assert after.stat().st_ino != before


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_an_index_of_another_user_is_not_trusted(gaoxin, cache: Path) -> None:
    """An index owned by someone else is not read: it is built anew as the user's own."""
    assert gaoxin("get", "gdp.growth", "--value").stdout == "7.5\n"
    path = _index(cache)
    os.chown(path, 65534, 65534)
    result = gaoxin("get", "gdp.growth", "--value")
    assert (result.exit_code, result.stdout) == (0, "7.5\n")
    assert _index(cache).stat().st_uid == os.geteuid()


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_validate_source_refuses_what_is_not_a_file(gaoxin, tmp_path: Path, kind: str) -> None:
    """--source of a FIFO, /dev/zero or a folder is one line, exit 2, and never blocks or fills memory."""
    if kind == "fifo":
        source = tmp_path / "article"
        os.mkfifo(source)
    elif kind == "device":
        source = Path("/dev/zero")
    else:
        source = tmp_path
    result = gaoxin("validate", f"--source={source}")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"gaoxin: cannot read {source}: not a regular file\n"
