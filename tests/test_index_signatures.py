"""Freshness by folder signatures: a lookup compares one text per dataset
folder, and anything a signature cannot vouch for is compared file by file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gaoxin_cli.index import freshness

GET = ["get", "gdp.growth", "--value"]


@pytest.fixture
def no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by a test count as written long before the build."""
    monkeypatch.setattr(freshness, "RACY_NS", 0)


def _file_by_file_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_root: Path) -> None:
        raise AssertionError("compared file by file")

    monkeypatch.setattr(freshness, "scan", refuse)


def test_an_unchanged_folder_is_fresh_by_its_signatures_alone(
    gaoxin, cache: Path, editable: Path, monkeypatch: pytest.MonkeyPatch, no_racy_window
) -> None:
    """After a build, a lookup needs no file-by-file comparison."""
    first = gaoxin("--facts", str(editable), *GET)
    _file_by_file_forbidden(monkeypatch)
    again = gaoxin("--facts", str(editable), *GET)
    assert (again.exit_code, again.stdout, again.stderr) == (0, first.stdout, "")


@pytest.mark.parametrize("how", ["edit", "same-size-edit-mtime-set-back", "new-file", "removed"])
def test_a_changed_folder_fails_its_signature(
    gaoxin, cache: Path, editable: Path, how: str, no_racy_window
) -> None:
    """An edit (even one keeping size and mtime), a new file or a removed one is seen."""
    gaoxin("--facts", str(editable), *GET)
    economy = editable / "dalian-2019" / "economy.toml"
    text = economy.read_text(encoding="utf-8")
    if how == "edit":
        economy.write_text(text.replace("value = 7.5", "value = 7.4"), encoding="utf-8")
    elif how == "same-size-edit-mtime-set-back":
        info = economy.stat()
        economy.write_text(text.replace("value = 7.5", "value = 7.4"), encoding="utf-8")
        os.utime(economy, ns=(info.st_atime_ns, info.st_mtime_ns))
    elif how == "new-file":
        (editable / "dalian-2019" / "extra.toml").write_text("this is = not toml =", "utf-8")
    else:
        (editable / "dalian-2019" / "party.toml").unlink()
    files = gaoxin("--facts", str(editable), "--no-cache", *GET)
    got = gaoxin("--facts", str(editable), *GET)
    assert (got.exit_code, got.stdout, got.stderr) == (files.exit_code, files.stdout, files.stderr)


def test_signatures_are_recorded_for_every_dataset_in_order(
    gaoxin, cache: Path, editable: Path
) -> None:
    """The index holds one signature per dataset folder, in the order the datasets are read."""
    import sqlite3

    gaoxin("--facts", str(editable), *GET)
    (path,) = cache.glob("*.sqlite3")
    db = sqlite3.connect(path)
    folders = [d for (d,) in db.execute("SELECT dir FROM folders ORDER BY seq")]
    datasets = [d for (d,) in db.execute("SELECT dir FROM datasets ORDER BY seq")]
    db.close()
    assert folders == datasets == sorted(p.name for p in editable.iterdir() if p.is_dir())
