"""Many readers while the facts change under them: every answer is one the
files gave at some moment, none is an error, and the last is the files' last."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path

from conftest import run_module_argv
from gaoxin_cli.factfiles.folders import default_facts_dir

READERS = 40
AT_ONCE = 8


def _write(path: Path, text: str) -> None:
    """Rewrite a fact file whole, as an editor saving by rename does."""
    temp = path.with_name(f".{path.name}.saving")
    temp.write_text(text, encoding="utf-8")
    temp.replace(path)


def test_forty_readers_while_files_are_rewritten_renamed_and_the_cache_cleared(
    tmp_path: Path,
) -> None:
    """40 lookups, 8 at a time, while economy.toml is rewritten (7.5 / 7.6), renamed and
    the cache cleared: each exits 0 with one of the two values and nothing on stderr;
    after the last change, a lookup answers the files' last value."""
    facts = tmp_path / "facts"
    shutil.copytree(default_facts_dir(), facts)
    folder = facts / "dalian-2019"
    original = (folder / "economy.toml").read_text(encoding="utf-8")
    assert original.count("value = 7.5\n") == 1
    versions = [original, original.replace("7.5", "7.6")]  # the value and its quotes
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("GAOXIN_NO_CACHE", None)
    argv = [*run_module_argv(), "--facts", str(facts), "get", "gdp.growth", "--value"]
    stop = threading.Event()
    changes = [0]

    def change() -> None:
        names = ["economy.toml", "zz-economy.toml"]  # both read as the economy section
        current = folder / names[0]
        while not stop.is_set():
            n = changes[0]
            if n % 3 == 0:
                renamed = folder / names[(names.index(current.name) + 1) % 2]
                current.rename(renamed)
                current = renamed
            else:
                _write(current, versions[n % 2])
            if n % 7 == 0:
                subprocess.run([*run_module_argv(), "cache", "clear"], env=env, check=True)
            changes[0] += 1
            stop.wait(0.02)

    writer = threading.Thread(target=change)
    writer.start()
    results = []
    try:
        for _ in range(READERS // AT_ONCE):
            batch = [
                subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
                for _ in range(AT_ONCE)
            ]
            results += [(run.wait(timeout=60), *run.communicate()) for run in batch]
    finally:
        stop.set()
        writer.join()
    assert changes[0] > READERS // AT_ONCE  # the files did change while they were read
    for code, out, err in results:
        assert (code, err) == (0, b""), err.decode()
        assert out in (b"7.5\n", b"7.6\n")
    (economy,) = folder.glob("*economy.toml")
    last = "7.6" if "value = 7.6\n" in economy.read_text(encoding="utf-8") else "7.5"
    final = subprocess.run(argv, capture_output=True, env=env, check=False)
    assert (final.returncode, final.stdout, final.stderr) == (0, f"{last}\n".encode(), b"")


def test_a_section_file_renamed_while_its_folder_is_read_is_read_under_its_new_name(
    tmp_path: Path, monkeypatch
) -> None:
    """A file listed, then renamed away before it is read: the folder is listed again and
    the dataset read whole, with no problem reported."""
    from gaoxin_cli.factfiles import loader

    folder = tmp_path / "dalian-2019"
    shutil.copytree(default_facts_dir() / "dalian-2019", folder)
    real = loader.read_file
    renamed: list[Path] = []

    def renaming_first(path: Path, limit: int):  # type: ignore[no-untyped-def]
        if path.name == "economy.toml" and not renamed:
            path.rename(path.with_name("zz-economy.toml"))
            renamed.append(path)
        return real(path, limit)

    monkeypatch.setattr(loader, "read_file", renaming_first)
    dataset, problems = loader.load_dataset(folder)
    assert renamed
    assert problems == []
    assert dataset is not None
    assert "gdp.growth" in {f.id for f in dataset.facts}
