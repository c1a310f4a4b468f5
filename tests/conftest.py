"""Shared fixtures: the shipped facts, a CLI runner, and fact-file builders."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner, Result

from gaoxin_cli.cli.app import app
from gaoxin_cli.factfiles.folders import default_facts_dir
from gaoxin_cli.factfiles.loader import load_factbook
from gaoxin_cli.model import FactBook

# CI runs suites side by side: no shared example database to write to.
settings.register_profile("ci", max_examples=1000, deadline=None, database=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "dev")

REPO = Path(__file__).resolve().parent.parent

#: Set by `pytest --update-golden`: golden files are rewritten from today's output.
UPDATE_GOLDEN = False


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden`: rewrite tests/golden/*.txt from today's output (then review the diff)."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/*.txt from today's output; review the diff with git",
    )


def pytest_configure(config: pytest.Config) -> None:
    global UPDATE_GOLDEN  # noqa: PLW0603 - one switch for the whole run
    UPDATE_GOLDEN = bool(config.getoption("--update-golden"))


#: The shipped review's article, which travels with its facts.
SOURCE = REPO / "facts" / "dalian-2019" / "article.txt"
#: The public toml-test suite's invalid files: optional, beside the repository.
TOML_TEST = REPO.parent / "shared" / "toml-test" / "invalid"

DATASET_TOML = """\
id = "testland-2019"
period = "2019"
title = { zh = "测试区2019年综述", en = "Testland 2019 review" }
area = { zh = "测试区", en = "Testland" }

[source]
title = "测试文章"
authors = ["甲", "乙"]
"""

SECTION_TOML = """\
section = "economy"
heading = { zh = "经济指标", en = "Economy" }

[[indicator]]
id = "fixed-asset-investment"
zh = "固定资产投资"
en = "Fixed-asset investment"

[[indicator.fact]]
measure = "level"
value = 85
unit = "亿元"
quote = "固定资产投资完成85亿元"

[[indicator.fact]]
measure = "growth"
value = 18.3
unit = "%"
quote = "固定资产投资完成85亿元,增长18.3%"
"""


@pytest.fixture(scope="session", autouse=True)
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Indexes go to a folder of the test run's own, never the user's cache."""
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = old


@pytest.fixture(scope="session")
def shipped() -> FactBook:
    """The facts shipped with the package, loaded and validated."""
    return load_factbook(default_facts_dir())


@pytest.fixture
def make_dataset(tmp_path: Path) -> Callable[..., Path]:
    """Write a dataset folder: dataset.toml plus the given files (name -> text)."""

    def make(files: dict[str, str] | None = None, *, meta: str | None = DATASET_TOML) -> Path:
        folder = tmp_path / "facts" / "testland-2019"
        folder.mkdir(parents=True, exist_ok=True)
        if meta is not None:
            (folder / "dataset.toml").write_text(meta, encoding="utf-8")
        for name, text in (files if files is not None else {"economy.toml": SECTION_TOML}).items():
            (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return make


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def gaoxin(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run `gaoxin ARGS` in-process; environment variables that steer it are cleared."""
    for name in (
        "GAOXIN_FACTS",
        "GAOXIN_DATASET",
        "GAOXIN_LANG",
        "GAOXIN_DEBUG",
        "NO_COLOR",
        "COLUMNS",
    ):
        monkeypatch.delenv(name, raising=False)

    def run(*args: str, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), env=env, prog_name="gaoxin")

    return run


@pytest.fixture
def installed_copy(tmp_path: Path) -> Iterator[Path]:
    """A copy of the shipped facts that a test may edit."""
    target = tmp_path / "facts"
    shutil.copytree(default_facts_dir(), target)
    return target


def run_module_argv() -> list[str]:
    """The command that runs the CLI in a subprocess, as a user would."""
    return [sys.executable, "-m", "gaoxin_cli"]


#: A second, clearly synthetic dataset sharing indicator ids with the shipped one.
SYNTHETIC = REPO / "tests" / "fixtures" / "synthetic"


@pytest.fixture
def two_datasets() -> list[str]:
    """Options that read the shipped review and the synthetic one."""
    return ["--facts", str(default_facts_dir()), "--facts", str(SYNTHETIC)]


# --- the index ---------------------------------------------------------------


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder / "gaoxin"


def _write_corpus(tmp_path_factory: pytest.TempPathFactory, name: str, facts: int) -> Path:
    """A facts folder of the shipped review and synthetic datasets, `facts` facts in all."""
    sys.path.insert(0, str(REPO / "bench"))
    from make_corpus import make

    folder = tmp_path_factory.mktemp(name) / "facts"
    make(facts, folder)
    return folder


def _copy(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / "facts"
    shutil.copytree(source, target)
    return target


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped review plus about 2,000 synthetic facts in five datasets."""
    return _write_corpus(tmp_path_factory, "corpus", 2000)


@pytest.fixture
def editable(tmp_path: Path, corpus: Path) -> Path:
    """A copy of the corpus that a test may change."""
    return _copy(corpus, tmp_path)


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped review and one synthetic dataset (about 530 facts): enough for
    what a damaged or tampered index does, which does not grow with the folder."""
    return _write_corpus(tmp_path_factory, "small-corpus", 500)


@pytest.fixture
def small_editable(tmp_path: Path, small_corpus: Path) -> Path:
    """A copy of the small corpus that a test may change."""
    return _copy(small_corpus, tmp_path)
