"""Freshness by folder signatures: a lookup compares one text per dataset
folder, and anything a signature cannot vouch for is compared file by file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


@pytest.mark.parametrize("which", [0, -1], ids=["first folder", "last folder"])
def test_a_folder_that_cannot_be_listed_is_no_verdict(
    cache: Path,
    editable: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_racy_window,
    which: int,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An error listing a folder is no verdict: no traceback, and the index is
    not taken for fresh (the files are then compared one by one)."""
    import sqlite3

    from gaoxin_cli.index import open_index, schema

    open_index(editable).close()  # built
    bad = str(sorted(p for p in editable.iterdir() if p.is_dir())[which])
    signed = freshness._signed

    def failing(folder: str, now: int) -> str | None:
        if folder == bad:
            raise PermissionError(13, "Permission denied", folder)
        return signed(folder, now)

    monkeypatch.setattr(freshness, "_signed", failing)
    resolved = editable.resolve()
    db = sqlite3.connect(schema.path_for(resolved))
    try:
        assert freshness.unchanged(db, editable, schema.meta(resolved)) is False
        assert capsys.readouterr().err == ""
        monkeypatch.setattr(freshness, "_signed", signed)
        assert freshness.unchanged(db, editable, schema.meta(resolved)) is True
    finally:
        db.close()


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


# --- a mistyped id ------------------------------------------------------------


def _suggestion(corpus: Path, wanted: str, cache: bool, datasets=None) -> str:
    from gaoxin_cli.errors import NotFoundError
    from gaoxin_cli.query import lookup
    from gaoxin_cli.source import FactSource, Selection

    source = FactSource([corpus], cache=cache, datasets=datasets)
    try:
        source.answer(Selection(ids=(wanted,)), lambda book: lookup(book, [wanted]))
    except NotFoundError as error:
        return str(error)
    return "found"


_BOOKS: dict[Path, object] = {}


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(["gdp.growth", "patents.level", "fixed-asset-investment", "zone", "a", "Gdp"]),
    st.integers(min_value=0, max_value=12),
    st.sampled_from(["", "x", "-", "."]),
)
def test_a_mistyped_id_gets_the_suggestions_of_the_files(
    corpus: Path, cache: Path, base: str, cut: int, extra: str
) -> None:
    """The closest ids named from the index are those named after reading every file."""
    from gaoxin_cli.query import unknown_id
    from gaoxin_cli.source import FactSource

    wanted = base[:cut] + extra + base[cut:]
    if corpus not in _BOOKS:  # every file read once: what the files suggest
        _BOOKS[corpus] = FactSource([corpus], cache=False).book()
    from_files = unknown_id(wanted, _BOOKS[corpus])[0]
    assert _suggestion(corpus, wanted, True) in (from_files, "found")
    assert (_suggestion(corpus, wanted, True) == "found") == (
        wanted
        in {*(i.id for i in _BOOKS[corpus].indicators), *(f.id for f in _BOOKS[corpus].facts)}
    )


def test_a_mistyped_id_among_chosen_datasets_is_suggested_from_them(
    corpus: Path, cache: Path
) -> None:
    """With --dataset, suggestions come from the datasets chosen, with or without the index."""
    chosen = ("dalian-2019",)
    got = _suggestion(corpus, "gdp.grwth", True, chosen)
    assert got == _suggestion(corpus, "gdp.grwth", False, chosen)
    assert "did you mean 'gdp.growth'" in got


def test_a_mistyped_id_reads_no_whole_book(
    corpus: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The suggestions of a mistyped id come from the index: every fact is never read."""
    from gaoxin_cli.source import FactSource

    _suggestion(corpus, "gdp.growth", True)  # the index exists
    book = FactSource.book

    def only_a_selection(self: FactSource, selection=None):
        assert selection is not None, "every fact was read"
        return book(self, selection)

    monkeypatch.setattr(FactSource, "book", only_a_selection)
    assert "did you mean 'gdp.growth'" in _suggestion(corpus, "gdp.grwth", True)
