"""The index under faults: races with edits, tampered rows, odd files; it never answers
differently from the files."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from gaoxin_cli.factfiles import loader, reading
from gaoxin_cli.factfiles.folders import default_facts_dir

GET = ["get", "gdp.growth", "--value"]


def _same_size_edit(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` (as long in UTF-8) in place, keeping the file's mtime."""
    stamp = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    assert len(old.encode()) == len(new.encode())
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert path.stat().st_size == stamp.st_size


@pytest.fixture
def settled(editable: Path) -> Path:
    """The editable corpus's economy file, last written an hour ago (never "racy")."""
    economy = editable / "dalian-2019" / "economy.toml"
    old = time.time_ns() - 3_600 * 10**9
    os.utime(economy, ns=(old, old))
    return economy


def test_an_edit_between_parse_and_record_is_seen_next_time(
    gaoxin, cache: Path, editable: Path, settled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A same-size edit after a file was parsed but before the build recorded it never
    leaves the old facts trusted: the hash recorded is that of the bytes parsed."""
    real = loader.load_dataset

    def load_then_edit(folder: Path, *rest: object) -> object:
        found = real(folder, *rest)  # type: ignore[arg-type]
        if folder.name == "dalian-2019":
            _same_size_edit(settled, "value = 7.5", "value = 7.6")
            _same_size_edit(settled, "增长7.5%", "增长7.6%")
        return found

    monkeypatch.setattr(loader, "load_dataset", load_then_edit)
    first = gaoxin("--facts", str(editable), *GET)
    assert (first.exit_code, first.stdout, first.stderr) == (0, "7.5\n", "")
    monkeypatch.setattr(loader, "load_dataset", real)
    again = gaoxin("--facts", str(editable), *GET)
    files = gaoxin("--facts", str(editable), "--no-cache", *GET)
    assert (again.exit_code, again.stdout, again.stderr) == (0, "7.6\n", "")
    assert again.stdout == files.stdout
    found = gaoxin("--facts", str(editable), "search", "增长7.6%", "--json")
    assert found.exit_code == 0
    assert "gdp.growth" in found.stdout


def test_a_file_that_changes_while_it_is_read_is_not_recorded(
    gaoxin, cache: Path, editable: Path, settled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file written to between the first and last byte read is read again next run."""
    real_read = os.read
    edited: list[bool] = []

    def read_then_edit(fd: int, size: int) -> bytes:
        chunk = real_read(fd, size)
        if chunk and not edited and os.fstat(fd).st_ino == settled.stat().st_ino:
            edited.append(True)
            _same_size_edit(settled, "value = 7.5", "value = 7.6")
            _same_size_edit(settled, "增长7.5%", "增长7.6%")
        return chunk

    monkeypatch.setattr(reading.os, "read", read_then_edit)
    gaoxin("--facts", str(editable), *GET)
    monkeypatch.setattr(reading.os, "read", real_read)
    assert edited
    again = gaoxin("--facts", str(editable), *GET)
    assert (again.exit_code, again.stdout, again.stderr) == (0, "7.6\n", "")


def test_read_file_reports_a_file_that_moved_while_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """read_file says whether the bytes and stamps it returns belong together."""
    path = tmp_path / "a.toml"
    path.write_bytes(b"x = 1\n")
    data, info, still = reading.read_file(path, 100)
    assert (data, info.st_size, still) == (b"x = 1\n", 6, True)
    real_read = os.read

    def read_then_append(fd: int, size: int) -> bytes:
        chunk = real_read(fd, size)
        if chunk == b"x = 1\n":
            with path.open("ab") as handle:
                handle.write(b"y = 2\n")
        return chunk

    monkeypatch.setattr(reading.os, "read", read_then_append)
    _, _, still = reading.read_file(path, 100)
    assert not still


def test_a_fifo_as_a_fact_file_never_blocks(gaoxin, cache: Path, make_dataset) -> None:
    """A `*.toml` that is a FIFO with no writer is refused with one line, never waited on."""
    folder = make_dataset()
    os.mkfifo(folder / "fifo.toml")
    result = gaoxin("--facts", str(folder), *GET)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"{folder / 'fifo.toml'}:1: not a regular file; skipped\n"


def test_a_file_swapped_for_a_fifo_after_its_stat_never_blocks(
    gaoxin, cache: Path, make_dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file's type is checked on the opened descriptor, which never waits for a
    writer: a fact file replaced by a FIFO just before it is opened is one line."""
    folder = make_dataset()
    target = next(p for p in sorted(folder.glob("*.toml")) if p.name != "dataset.toml")
    real_open = os.open

    def swap_then_open(path: object, flags: int, *rest: object) -> int:
        if Path(str(path)) == target and not target.is_fifo():
            target.unlink()
            os.mkfifo(target)
        return real_open(path, flags, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(reading.os, "open", swap_then_open)
    result = gaoxin("--facts", str(folder), "--no-cache", "economy")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"{target}:1: not a regular file; skipped\n"


CONTROL_CASES = [
    (
        'zh = "固定资产投资"',
        'zh = "qz\\u0000xy"',
        "indicator 'zh' holds a control character (U+0000 at character 3)",
        " (fixed-asset-investment)",
    ),
    (
        'quote = "固定资产投资完成85亿元"',
        'quote = "固定资产\\u0085投资完成85亿元"',
        "fact 'quote' holds a control character (U+0085 at character 5)",
        "",
    ),
    (
        'en = "Fixed-asset investment"',
        'en = "Fixed-asset\\ninvestment"',
        "indicator 'en' holds a control character (U+000A at character 12)",
        " (fixed-asset-investment, 固定资产投资)",
    ),
    (
        'en = "Fixed-asset investment"',
        'en = "Fixed-asset\\u001binvestment"',
        "indicator 'en' holds a control character (U+001B at character 12)",
        " (fixed-asset-investment, 固定资产投资)",
    ),
    (
        'en = "Fixed-asset investment"',
        'en = "Fixed-asset\\u007finvestment"',
        "indicator 'en' holds a control character (U+007F at character 12)",
        " (fixed-asset-investment, 固定资产投资)",
    ),
]


@pytest.mark.parametrize(("old", "new", "message", "named"), CONTROL_CASES)
def test_control_characters_in_fact_text_are_problems(
    gaoxin, cache: Path, make_dataset, old: str, new: str, message: str, named: str
) -> None:
    """A NUL, escape, DEL or C1 character (or a line break outside prose) in fact text is a
    problem at its line, with or without the index; nothing is indexed cut short."""
    folder = make_dataset()
    economy = folder / "economy.toml"
    text = economy.read_text(encoding="utf-8")
    assert old in text
    economy.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    expected = f"{economy}:{line}: {message}; fact text is plain text{named}\n"
    for extra in ([], ["--no-cache"]):
        for command in (["validate"], ["search", "xy"], ["get", "fixed-asset-investment"]):
            result = gaoxin("--facts", str(folder), *extra, *command)
            assert (result.exit_code, result.stdout) == (2, "")
            assert result.stderr.splitlines(keepends=True)[0] == expected


def test_tabs_and_line_breaks_in_prose_are_text(gaoxin, cache: Path, make_dataset) -> None:
    """A tab anywhere, and a line break in a quote or note, are plain text: no problem."""
    folder = make_dataset()
    economy = folder / "economy.toml"
    text = economy.read_text(encoding="utf-8")
    text = text.replace('en = "Fixed-asset investment"', 'en = "Fixed-asset\\tinvestment"', 1)
    text = text.replace(
        'quote = "固定资产投资完成85亿元"', 'quote = """固定资产投资\n完成85亿元"""', 1
    )
    economy.write_text(text, encoding="utf-8")
    result = gaoxin("--facts", str(folder), "validate")
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_folder_name_that_is_no_id_is_one_line(gaoxin, cache: Path, tmp_path: Path) -> None:
    """Without an `id`, a dataset takes its folder's name only if it is a valid id; a name
    with an escape sequence and a line break is refused on one line, never printed raw."""
    folder = tmp_path / "facts" / "bad\x1b[31m\nname"
    folder.mkdir(parents=True)
    (folder / "dataset.toml").write_text(
        'period = "2019"\ntitle = { zh = "甲", en = "A" }\narea = { zh = "丙", en = "C" }\n[source]\ntitle = "乙"\n',
        encoding="utf-8",
    )
    for extra in ([], ["--no-cache"]):
        result = gaoxin("--facts", str(tmp_path / "facts"), *extra, "datasets")
        assert (result.exit_code, result.stdout) == (2, "")
        first, *rest = result.stderr.splitlines()
        assert "\x1b" not in result.stderr
        assert first == (
            f"{tmp_path}/facts/bad[31m name/dataset.toml:1: dataset has no id and its folder's"
            " name 'bad\\x1b[31m\\nname' is not one (lower-case letters and digits joined by -"
            ' or _): add id = "..." to dataset.toml'
        )
        assert rest in ([], ["gaoxin: 1 problem found"])


def test_a_folder_name_that_is_an_id_is_the_dataset_id(gaoxin, cache: Path, tmp_path: Path) -> None:
    """A dataset.toml without `id` in a folder named like an id takes that name."""
    folder = tmp_path / "facts" / "zone-2020"
    folder.mkdir(parents=True)
    (folder / "dataset.toml").write_text(
        'period = "2020"\ntitle = { zh = "甲", en = "A" }\narea = { zh = "丙", en = "C" }\n[source]\ntitle = "乙"\n',
        encoding="utf-8",
    )
    result = gaoxin("--facts", str(tmp_path / "facts"), "datasets", "--format", "tsv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1].split("\t")[0] == "zone-2020"


def _tamper(cache: Path, *statements: str) -> None:
    """Run SQL statements on the one index file in `cache`, as someone with `sqlite3` might."""
    (path,) = cache.glob("*.sqlite3")
    db = sqlite3.connect(path)
    with db:
        for statement in statements:
            db.execute(statement)
    db.close()


TAMPERING = {
    "value": ["UPDATE facts SET value = 9.5 WHERE id = 'gdp.growth'"],
    "quote": ["UPDATE facts SET quote = replace(quote, '7.5', '9.5') WHERE id = 'gdp.growth'"],
    "deleted-fact": ["DELETE FROM facts WHERE id = 'gdp.vs_city'"],
    "moved-fact": [
        "UPDATE facts SET ind_seq = ind_seq + 1 WHERE id = 'gdp.vs_city'",
    ],
    "deleted-indicator": ["DELETE FROM indicators WHERE id = 'gdp'"],
    "label": ["UPDATE indicators SET zh = '假的' WHERE id = 'gdp'"],
    "dataset": ["UPDATE datasets SET period = '2099'"],
    "author": ["UPDATE lists SET value = '某人' WHERE kind = 'author'"],
    "headline-gone": ["DELETE FROM lists WHERE kind = 'headline'"],
}


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_stored_facts_that_were_changed_are_never_served(
    gaoxin, cache: Path, small_editable: Path, how: str
) -> None:
    """A value, quote, label or list changed in the index file, or a row deleted or moved,
    is caught when read: one warning line, then the files' answer; the next run is clean."""
    commands = [
        GET,
        ["get", "gdp", "--json"],
        ["economy", "--json"],
        ["search", "7.5", "--json"],
        ["--json"],
    ]
    files = [gaoxin("--facts", str(small_editable), "--no-cache", *c) for c in commands]
    gaoxin("--facts", str(small_editable), *GET)
    for command, want in zip(commands, files, strict=True):
        _tamper(cache, *TAMPERING[how])
        got = gaoxin("--facts", str(small_editable), *command)
        assert (got.exit_code, got.stdout) == (want.exit_code, want.stdout), command
        (warning,) = got.stderr.splitlines()
        assert warning.startswith(f"gaoxin: warning: the index of {small_editable} was damaged (")
        assert warning.endswith("); built it anew from the files")
        again = gaoxin("--facts", str(small_editable), *command)
        assert (again.exit_code, again.stdout, again.stderr) == (
            want.exit_code,
            want.stdout,
            want.stderr,
        )


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("Cafe\u0301 investment", "café"),  # decomposed in the file, composed in the query
        ("Café investment", "cafe\u0301"),  # and the other way round
        ("投资\uff13\uff12\uff18\uff18件", "3288件"),  # full-width digits in the file
        ("投资3288件", "\uff13\uff12\uff18\uff18件"),  # full-width digits in the query
        ("\uff26\uff35\uff2c\uff2c width", "full"),
    ],
)
def test_search_matches_across_unicode_forms(
    gaoxin, cache: Path, make_dataset, stored: str, query: str
) -> None:
    """Search compares NFKC, case-folded text (index and files alike); text shows as written."""
    folder = make_dataset()
    economy = folder / "economy.toml"
    text = economy.read_text(encoding="utf-8")
    economy.write_text(text.replace('en = "Fixed-asset investment"', f'en = "{stored}"'), "utf-8")
    answers = [
        gaoxin("--facts", str(folder), *extra, "search", query, "--json")
        for extra in ([], ["--no-cache"])
    ]
    for result in answers:
        assert (result.exit_code, result.stderr) == (0, "")
        hits = json.loads(result.stdout)
        assert hits
        assert hits[0]["label"]["en"] == stored
    assert answers[0].stdout == answers[1].stdout


def test_an_integer_of_too_many_digits_is_one_line(gaoxin, cache: Path, make_dataset) -> None:
    """An integer longer than Python converts (over 4,300 digits) is a problem at its line."""
    folder = make_dataset({"economy.toml": 'section = "economy"\n\nk = ' + "1" * 5000 + "\n"})
    result = gaoxin("--facts", str(folder), "validate")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[0] == (
        f"{folder / 'economy.toml'}:3: invalid TOML: a number with too many digits"
    )


def test_chinese_words_under_an_ascii_locale_search_the_index(
    tmp_path: Path, editable: Path
) -> None:
    """Under LC_ALL=C without UTF-8 mode, Chinese arguments are still the UTF-8 they are:
    the index answers as with a UTF-8 locale, with no false warning."""
    from conftest import run_module_argv

    base = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHON"))}
    base["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    argv = [*run_module_argv(), "--facts", str(editable), "search", "专利", "--json"]
    runs = [
        subprocess.run(argv, env={**base, **extra}, capture_output=True, check=False, timeout=120)
        for extra in (
            {"LC_ALL": "C.UTF-8"},
            {"LC_ALL": "C", "PYTHONUTF8": "0"},
            {"LC_ALL": "C", "PYTHONUTF8": "0", "GAOXIN_NO_CACHE": "1"},
        )
    ]
    assert [(r.returncode, r.stderr) for r in runs] == [(0, b"")] * 3
    parsed = [json.loads(r.stdout) for r in runs]  # escaped \uXXXX where the locale is ASCII
    assert parsed[0]
    assert parsed[0] == parsed[1] == parsed[2]


def test_a_dataset_folder_swapped_for_a_copy_with_the_same_stamps_is_read_again(
    gaoxin, cache: Path, tmp_path: Path
) -> None:
    """A release link swapped to a copy (`ln -sfn v2 dalian-2019`) whose files have the same
    sizes and times is seen by the files' device and inode: never the old numbers."""
    import shutil

    from gaoxin_cli.factfiles.folders import default_facts_dir
    from gaoxin_cli.index import freshness, schema

    releases = tmp_path / "releases"
    for name in ("v1", "v2"):
        shutil.copytree(default_facts_dir() / "dalian-2019", releases / name)
    economy = releases / "v2" / "economy.toml"
    text = economy.read_text(encoding="utf-8")
    economy.write_text(text.replace("7.5", "7.6"), encoding="utf-8")  # same sizes
    facts = tmp_path / "facts"
    facts.mkdir()
    link = facts / "dalian-2019"
    link.symlink_to(releases / "v1")
    assert gaoxin("--facts", str(facts), "get", "gdp.growth", "--value").stdout == "7.5\n"
    index = schema.index_path(facts.resolve())
    assert index is not None
    # As if the copy kept every stamp of the first release, long ago: only its
    # files' identity tells them apart.
    old = 1_500_000_000_000_000_000
    with sqlite3.connect(index) as db:
        db.execute("UPDATE files SET mtime_ns = ?, ctime_ns = ?, racy = 0", [old, old])
    db.close()
    link.unlink()
    link.symlink_to(releases / "v2")
    dirs, files = freshness.scan(facts) or ([], [])
    same_stamps = [freshness.FileStat(f.dir, f.name, f.size, old, old, f.ident) for f in files]
    with sqlite3.connect(index) as db:
        found = freshness.changes(db, facts, dirs, same_stamps, schema.meta(facts.resolve()))
    db.close()
    assert found is not None
    assert found.dirs == {"dalian-2019"}
    assert gaoxin("--facts", str(facts), "get", "gdp.growth", "--value").stdout == "7.6\n"


def test_an_index_of_a_folder_one_may_not_look_into_breaks_nothing(
    gaoxin, tmp_path, monkeypatch
) -> None:
    """A facts folder that raises PermissionError when looked at is `folder-unreachable`: listed,
    kept by prune, and `cache` and `cache clear` still work for every other file."""
    from pathlib import Path

    from gaoxin_cli.index import cache as index_cache

    folder = tmp_path / "facts"
    shutil.copytree(default_facts_dir(), folder)
    assert gaoxin("--facts", str(folder), "economy", "--json").exit_code == 0
    real_exists = Path.exists

    def exists(self: Path, *args, **kwargs) -> bool:
        if str(self) == str(folder):
            raise PermissionError(13, "Permission denied", str(self))
        return real_exists(self, *args, **kwargs)

    monkeypatch.setattr(Path, "exists", exists)
    states = {e.folder: e.state for e in index_cache.entries()}
    assert states[str(folder)] == "folder-unreachable"
    index_cache.prune(index_cache.cache_dir())
    listed = gaoxin("cache", "--json")
    assert (listed.exit_code, listed.stderr) == (0, "")
    cleared = gaoxin("cache", "clear")
    assert (cleared.exit_code, cleared.stderr) == (0, "")
