"""`gaoxin cache` and the cache folder: listed, cleared, pruned; optional, never in the way."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

GET = ["get", "gdp.growth", "--value"]


@pytest.fixture
def used(gaoxin, cache: Path, make_dataset, tmp_path: Path) -> tuple[Path, Path]:
    """Two facts folders, each looked up once: two indexes in the cache."""
    mine = make_dataset()
    shipped = tmp_path / "shipped"
    shutil.copytree(REPO / "facts", shipped)
    assert gaoxin("--facts", str(shipped), *GET).exit_code == 0
    assert gaoxin("--facts", str(mine), "get", "fixed-asset-investment").exit_code == 0
    return shipped, mine


def test_list_names_each_index_and_its_folder(gaoxin, cache: Path, used) -> None:
    """`gaoxin cache --json` lists each index file with its size and facts folder."""
    result = gaoxin("cache", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    records = json.loads(result.stdout)
    assert [r["folder"] for r in records] == sorted(str(f.resolve()) for f in used)
    paths = sorted(cache.glob("*.sqlite3"))
    assert sorted(r["index"] for r in records) == [str(p) for p in paths]
    assert all(r["bytes"] == Path(r["index"]).stat().st_size for r in records)
    assert {r["state"] for r in records} == {"current"}


def test_list_as_a_table_in_chinese(gaoxin, cache: Path, used) -> None:
    """The table names each index file, its size, folder and state, in Chinese by default."""
    result = gaoxin("cache", "--format", "table", env={"COLUMNS": "200"})
    assert (result.exit_code, result.stderr) == (0, "")
    header, _rule, *rows = result.stdout.splitlines()
    assert header.split() == ["索引文件", "大小（字节）", "事实文件夹", "状态"]
    assert len(rows) == 2
    assert all(row.split()[-1] == "在用" for row in rows)


def test_path_is_the_cache_folder(gaoxin, cache: Path) -> None:
    """`gaoxin cache path` prints $XDG_CACHE_HOME/gaoxin."""
    result = gaoxin("cache", "path")
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"{cache}\n", "")


def test_clear_removes_every_index_and_the_next_lookup_builds_one(
    gaoxin, cache: Path, used
) -> None:
    """`gaoxin cache clear` says what it removed; lookups still answer and build anew."""
    size = sum(p.stat().st_size for p in cache.glob("*.sqlite3"))
    result = gaoxin("cache", "clear")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"removed 2 index files ({size:,} bytes)\n"
    assert list(cache.glob("*.sqlite3")) == []
    empty = gaoxin("cache")
    assert (empty.exit_code, empty.stdout) == (1, "")
    assert empty.stderr == f"gaoxin: no index in the cache folder ({cache})\n"
    again = gaoxin("--facts", str(used[0]), *GET)
    assert (again.exit_code, again.stdout) == (0, "7.5\n")
    assert len(list(cache.glob("*.sqlite3"))) == 1


def test_index_of_a_folder_that_is_gone_is_listed_then_pruned(gaoxin, cache: Path, used) -> None:
    """An index whose facts folder was removed shows as gone and goes with the next build."""
    shipped, mine = used
    shutil.rmtree(mine)
    states = {r["folder"]: r["state"] for r in json.loads(gaoxin("cache", "--json").stdout)}
    assert states == {str(shipped.resolve()): "current", str(mine.resolve()): "folder-gone"}
    other = shipped.parent / "other"
    shutil.copytree(shipped, other)
    assert gaoxin("--facts", str(other), *GET).exit_code == 0  # a build
    folders = sorted(r["folder"] for r in json.loads(gaoxin("cache", "--json").stdout))
    assert folders == sorted([str(shipped.resolve()), str(other.resolve())])


def test_a_build_removes_temporary_files_of_killed_builds(gaoxin, cache: Path, used) -> None:
    """A temporary file of a build whose process is gone is removed by the next build;
    files that are not the tool's are kept."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    left = cache / f".facts-0000.sqlite3.{dead.pid}.abcd1234.tmp"
    left.write_bytes(b"x" * 1000)
    mine = cache / "notes.txt"
    mine.write_text("keep", encoding="utf-8")
    other = used[0].parent / "third"
    shutil.copytree(used[0], other)
    assert gaoxin("--facts", str(other), *GET).exit_code == 0
    assert not left.exists()
    assert mine.exists()


def test_no_home_and_no_cache_folder_reads_the_files(
    gaoxin, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An arbitrary uid with no passwd entry, no $HOME and no $XDG_CACHE_HOME: the files
    answer, the same as without the index."""
    import pwd

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)

    def no_entry(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    with pytest.raises(RuntimeError):
        Path.home()
    files = gaoxin("--no-cache", *GET)
    result = gaoxin(*GET)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "7.5\n", "")
    assert (result.stdout, result.stderr) == (files.stdout, files.stderr)
    path = gaoxin("cache", "path")
    assert (path.exit_code, path.stdout) == (2, "")
    assert path.stderr.startswith("gaoxin: no cache folder: ")
    assert gaoxin("cache").exit_code == 1
