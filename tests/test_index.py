"""The index in the cache folder: same answers as the files, never stale, never in the way."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from conftest import run_module_argv
from gaoxin_cli.factfiles import loader
from gaoxin_cli.index import freshness, schema

COMMANDS = [
    ["get", "gdp.growth", "--value"],
    ["get", "gdp", "patent-applications", "--json"],
    ["economy", "--json"],
    ["innovation", "--format", "tsv"],
    ["search", "专利", "--json"],
    ["search", "专利申请", "--json"],
    ["search", "patent", "30", "--json"],
    ["search", "3288", "--json"],
    ["search", "\uff13\uff12\uff18\uff18", "--json"],  # full-width digits
    [
        "search",
        "\uff30\uff21\uff34\uff25\uff2e\uff34",
        "专利申请量\uff13\uff12\uff18\uff18件",
        "--json",
    ],
    ["search", "1/6", "--json"],
    ["search", "合成", "--section", "party", "--json"],
    ["search", "syn-0001", "--json"],
    ["search", "专", "--json"],
    ["export", "--format", "jsonl"],
    ["export", "--format", "csv", "--section", "innovation"],
    ["--json"],
    ["get", "nope"],
    ["search", "没有这个词"],
]


#: A few commands that read the index in different ways, for the slower cases.
SOME_COMMANDS = [COMMANDS[0], COMMANDS[2], COMMANDS[4], COMMANDS[12]]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The dataset folders the loader reads from here on, in order."""
    seen: list[Path] = []
    real = loader.load_dataset
    monkeypatch.setattr(
        loader, "load_dataset", lambda folder, *rest: seen.append(folder) or real(folder, *rest)
    )
    return seen


def answers(
    gaoxin, facts: Path, *extra: str, commands: list[list[str]] = COMMANDS
) -> list[tuple[int, str, str]]:
    out = []
    for command in commands:
        result = gaoxin("--facts", str(facts), *extra, *command)
        out.append((result.exit_code, result.stdout, result.stderr))
    return out


@pytest.mark.slow
def test_same_answers_with_and_without_the_index(gaoxin, cache: Path, corpus: Path) -> None:
    """Every command answers the same from the index (cold, then warm) as from the files."""
    files = answers(gaoxin, corpus, "--no-cache")
    assert not cache.exists()
    cold = answers(gaoxin, corpus)
    assert len(list(cache.glob("*.sqlite3"))) == 1
    warm = answers(gaoxin, corpus)
    assert cold == files
    assert warm == files
    assert [code for code, _, _ in files].count(0) == len(COMMANDS) - 2


def test_shipped_facts_use_the_index_too(gaoxin, cache: Path) -> None:
    """The shipped review is indexed as well (it starts faster that way)."""
    assert gaoxin("get", "gdp.growth", "--value").stdout == "7.5\n"
    assert len(list(cache.glob("*.sqlite3"))) == 1


def test_home_cache_when_xdg_is_unset(
    gaoxin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without XDG_CACHE_HOME the index goes to ~/.cache/gaoxin."""
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert gaoxin("get", "gdp.growth", "--value").exit_code == 0
    assert len(list((tmp_path / ".cache" / "gaoxin").glob("*.sqlite3"))) == 1


@pytest.mark.parametrize("how", ["--no-cache", "env"])
def test_no_cache_reads_the_files(gaoxin, cache: Path, how: str) -> None:
    """--no-cache and GAOXIN_NO_CACHE=1 neither read nor write an index."""
    if how == "env":
        result = gaoxin("get", "gdp.growth", "--value", env={"GAOXIN_NO_CACHE": "1"})
    else:
        result = gaoxin("get", "gdp.growth", "--value", "--no-cache")
    assert result.stdout == "7.5\n"
    assert not cache.exists()


# --- never stale --------------------------------------------------------------


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edited_value_is_seen(gaoxin, cache: Path, editable: Path) -> None:
    """Changing a figure (and its quote) shows at once."""
    assert gaoxin("--facts", str(editable), "get", "gdp.growth", "--value").stdout == "7.5\n"
    _edit(editable / "dalian-2019" / "economy.toml", "增长7.5%", "增长7.9%")
    _edit(editable / "dalian-2019" / "economy.toml", "value = 7.5", "value = 7.9")
    assert gaoxin("--facts", str(editable), "get", "gdp.growth", "--value").stdout == "7.9\n"


def test_same_size_same_mtime_edit_right_after_a_build_is_seen(
    gaoxin, cache: Path, editable: Path
) -> None:
    """A same-size edit within the mtime's resolution is caught: recent files are hashed."""
    economy = editable / "dalian-2019" / "economy.toml"
    assert gaoxin("--facts", str(editable), "get", "gdp.growth", "--value").stdout == "7.5\n"
    stamp = economy.stat()
    _edit(economy, "增长7.5%", "增长7.6%")
    _edit(economy, "value = 7.5", "value = 7.6")
    os.utime(economy, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # as if in the same tick
    assert economy.stat().st_size == stamp.st_size
    assert gaoxin("--facts", str(editable), "get", "gdp.growth", "--value").stdout == "7.6\n"


def test_same_size_edit_with_a_new_mtime_is_seen(gaoxin, cache: Path, editable: Path) -> None:
    """Same size, new mtime: the hash decides, and it differs."""
    economy = editable / "dalian-2019" / "economy.toml"
    old = time.time_ns() - 3_600 * 10**9
    os.utime(economy, ns=(old, old))
    assert gaoxin("--facts", str(editable), "get", "gdp.growth", "--value").stdout == "7.5\n"
    _edit(economy, "增长7.5%", "增长7.6%")
    _edit(economy, "value = 7.5", "value = 7.6")
    assert gaoxin("--facts", str(editable), "get", "gdp.growth", "--value").stdout == "7.6\n"


def test_touch_without_change_rebuilds_nothing(
    gaoxin, cache: Path, editable: Path, monkeypatch: pytest.MonkeyPatch, reads: list[Path]
) -> None:
    """A touched file is hashed once, found unchanged, and no dataset is read again."""
    monkeypatch.setattr(freshness, "RACY_NS", 0)  # files copied just now are not "racy" here
    gaoxin("--facts", str(editable), "get", "gdp.growth", "--value")
    reads.clear()
    economy = editable / "dalian-2019" / "economy.toml"
    later = time.time_ns() - 10**9 * 60
    os.utime(economy, ns=(later, later))
    hashes = []
    real_hash = freshness.sha256
    monkeypatch.setattr(freshness, "sha256", lambda path: hashes.append(path) or real_hash(path))
    assert gaoxin("--facts", str(editable), "get", "gdp.growth", "--value").stdout == "7.5\n"
    assert reads == []
    assert economy in hashes
    hashes.clear()
    assert gaoxin("--facts", str(editable), "get", "gdp.growth", "--value").stdout == "7.5\n"
    assert economy not in hashes  # the new mtime was recorded


def test_only_the_changed_dataset_is_read_again(
    gaoxin, cache: Path, editable: Path, reads: list[Path]
) -> None:
    """Changing one dataset re-reads that dataset only; the rest is copied."""
    gaoxin("--facts", str(editable), "get", "gdp.growth", "--value")
    reads.clear()
    _edit(editable / "synthetic-0001" / "party.toml", "Synthetic", "Made-up")
    assert gaoxin("--facts", str(editable), "search", "made-up", "--json").exit_code == 0
    assert reads == [editable / "synthetic-0001"]


@pytest.mark.parametrize("change", ["add-file", "remove-file", "add-dataset", "remove-dataset"])
def test_added_and_removed_files_and_datasets_are_seen(
    gaoxin, cache: Path, editable: Path, change: str
) -> None:
    """The file list is part of the key: additions and removals show at once."""
    before = gaoxin("--facts", str(editable), "export", "--format", "jsonl").stdout
    party = editable / "dalian-2019" / "party.toml"
    if change == "add-file":
        shutil.copyfile(
            editable / "synthetic-0001" / "party.toml", editable / "synthetic-0002" / "extra.toml"
        )
        (editable / "synthetic-0002" / "party.toml").unlink()
    elif change == "remove-file":
        party.unlink()
    elif change == "add-dataset":
        shutil.copytree(editable / "synthetic-0001", editable / "synthetic-0009")
        _edit(editable / "synthetic-0009" / "dataset.toml", "synthetic-0001", "synthetic-0009")
    else:
        shutil.rmtree(editable / "synthetic-0003")
    after = gaoxin("--facts", str(editable), "export", "--format", "jsonl").stdout
    files = gaoxin("--facts", str(editable), "--no-cache", "export", "--format", "jsonl").stdout
    assert after == files
    assert after != before


def test_new_tool_or_schema_version_rebuilds_everything(
    gaoxin, cache: Path, editable: Path, monkeypatch: pytest.MonkeyPatch, reads: list[Path]
) -> None:
    """The tool and schema versions are part of the key."""
    gaoxin("--facts", str(editable), "get", "gdp.growth", "--value")
    for name, value in (("SCHEMA_VERSION", "0"), ("__version__", "0.0.0-old")):
        monkeypatch.setattr(schema, name, value)
        reads.clear()
        assert gaoxin("--facts", str(editable), "get", "gdp.growth", "--value").stdout == "7.5\n"
        assert len(reads) == len([p for p in editable.iterdir() if p.is_dir()])


def test_an_index_from_before_statuses_is_built_anew(
    gaoxin, cache: Path, reads: list[Path]
) -> None:
    """An index of the layout before facts had a status (schema 13, no status column, its
    checksums intact) is never trusted: it is built anew, and the estimates keep their status."""
    assert gaoxin("get", "gdp.growth", "--value").stdout == "7.5\n"
    (path,) = cache.glob("*.sqlite3")
    old = [column for column in schema.FACT_COLUMNS if column != "status"]
    with sqlite3.connect(path) as db:
        rows = db.execute(f"SELECT {', '.join(old)} FROM facts").fetchall()  # noqa: S608
        db.execute("DROP TABLE facts")
        db.execute(f"CREATE TABLE facts({', '.join(old)}, crc INTEGER NOT NULL)")
        db.executemany(
            f"INSERT INTO facts VALUES ({', '.join('?' * (len(old) + 1))})",  # noqa: S608
            [(*row, schema.checksum(dict(zip(old, row, strict=True)), old)) for row in rows],
        )
        db.execute("UPDATE meta SET value = '13' WHERE key = 'schema'")
    db.close()
    reads.clear()
    result = gaoxin("get", "gdp", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert [(r["id"], r["status"]) for r in json.loads(result.stdout)] == [
        ("gdp.growth", "estimated"),
        ("gdp.vs_city", "estimated"),
    ]
    assert len(reads) == 1  # the shipped dataset, read from its files again
    with sqlite3.connect(path) as db:
        assert dict(db.execute("SELECT key, value FROM meta"))["schema"] == schema.SCHEMA_VERSION
        assert "status" in [row[1] for row in db.execute("PRAGMA table_info(facts)")]
    db.close()
    assert schema.SCHEMA_VERSION != "13"


def test_facts_with_problems_are_never_indexed(gaoxin, cache: Path, editable: Path) -> None:
    """A broken file gives the same problems as without the index, and no stale answer."""
    gaoxin("--facts", str(editable), "get", "gdp.growth", "--value")
    _edit(editable / "dalian-2019" / "economy.toml", "value = 7.5", 'value = "seven"')
    with_index = gaoxin("--facts", str(editable), "get", "gdp.growth", "--value")
    without = gaoxin("--facts", str(editable), "--no-cache", "get", "gdp.growth", "--value")
    assert with_index.exit_code == without.exit_code == 2
    assert with_index.stderr == without.stderr
    assert with_index.stdout == ""


# --- never in the way ------------------------------------------------------------


@pytest.mark.parametrize(
    "damage", ["empty", "truncated", "foreign-sqlite", "garbage", "folder", "malformed-pages"]
)
def test_damaged_index_gives_the_same_answers(
    gaoxin, cache: Path, small_corpus: Path, damage: str
) -> None:
    """An empty, truncated, foreign, unreadable or malformed index file never changes an
    answer, now or on the next run (a malformed one that looked fresh is named once)."""
    files = answers(gaoxin, small_corpus, "--no-cache", commands=SOME_COMMANDS)
    gaoxin("--facts", str(small_corpus), "get", "gdp.growth", "--value")
    (path,) = cache.glob("*.sqlite3")
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])
    elif damage == "foreign-sqlite":
        path.unlink()
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE meta(key, value)")
            db.execute("INSERT INTO meta VALUES ('schema', 'someone else')")
        db.close()
    elif damage == "garbage":
        path.write_bytes(os.urandom(8192))
    elif damage == "malformed-pages":  # the facts table's first page mangled, the rest intact
        with sqlite3.connect(path) as db:
            (size,) = db.execute("PRAGMA page_size").fetchone()
            (page,) = db.execute(
                "SELECT rootpage FROM sqlite_master WHERE name = 'facts'"
            ).fetchone()
        db.close()
        data = bytearray(path.read_bytes())
        data[(page - 1) * size : (page - 1) * size + 8] = b"\xff" * 8
        path.write_bytes(bytes(data))
    else:
        path.unlink()
        path.mkdir()
    first = answers(gaoxin, small_corpus, commands=SOME_COMMANDS)
    if damage == "malformed-pages":  # it looked fresh, then failed: one warning, once
        code, out, err = first[0]
        assert err == (
            f"gaoxin: warning: the index of {small_corpus} was damaged (database disk image is"
            " malformed); built it anew from the files\n"
        )
        first[0] = (code, out, "")
    assert first == files
    assert answers(gaoxin, small_corpus, commands=SOME_COMMANDS) == files


def test_unwritable_cache_folder_falls_back_to_the_files(
    gaoxin, tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If no index can be written, the files are read; same answers, no error."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    files = answers(gaoxin, corpus, "--no-cache", commands=SOME_COMMANDS)
    assert answers(gaoxin, corpus, commands=SOME_COMMANDS) == files


def test_builds_leave_no_temporary_files(gaoxin, cache: Path, editable: Path) -> None:
    """Builds go to a temporary file that is renamed into place or removed."""
    gaoxin("--facts", str(editable), "get", "gdp.growth", "--value")
    _edit(editable / "synthetic-0001" / "party.toml", "Synthetic", "Made-up")
    gaoxin("--facts", str(editable), "get", "gdp.growth", "--value")
    _edit(editable / "dalian-2019" / "economy.toml", "value = 7.5", 'value = "seven"')
    gaoxin("--facts", str(editable), "get", "gdp.growth", "--value")
    assert [p.suffix for p in cache.iterdir()] == [".sqlite3"]


@pytest.mark.slow
def test_two_processes_building_at_once_both_succeed(tmp_path: Path, corpus: Path) -> None:
    """Concurrent first uses each build and rename; both answer correctly."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("GAOXIN_NO_CACHE", None)
    argv = [*run_module_argv(), "--facts", str(corpus), "search", "专利", "--json"]
    runs = [
        subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        for _ in range(3)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0]
    assert len({out for out, _ in outputs}) == 1
    assert all(err == b"" for _, err in outputs)
    assert [p.suffix for p in (tmp_path / "cache" / "gaoxin").iterdir()] == [".sqlite3"]
