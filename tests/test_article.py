"""The article travels with its facts: `[source] file`, `validate --source` with no
path, and the article copied into a drafted folder."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO, SOURCE
from gaoxin_cli.factfiles.folders import default_facts_dir

SHIPPED_ARTICLE = default_facts_dir() / "dalian-2019" / "article.txt"


def test_the_shipped_dataset_names_its_article_and_carries_it() -> None:
    """dataset.toml names article.txt, which is installed beside it and is the review's text."""
    assert SHIPPED_ARTICLE.is_file()
    assert SHIPPED_ARTICLE.read_bytes() == SOURCE.read_bytes()
    text = SOURCE.read_text(encoding="utf-8")
    assert text.lstrip().startswith("砥砺奋进奏强音")
    assert "专利申请量3288件" in text


def test_validate_source_alone_checks_each_dataset_against_its_own_article(gaoxin) -> None:
    """`gaoxin validate --source` (no path) covers the shipped dataset from its own article."""
    result = gaoxin("validate", "--source")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"ok: 131 facts in 1 dataset, no problems, every figure of {SHIPPED_ARTICLE} covered\n"
    )


def test_validate_source_before_a_folder_or_an_option_stands_alone(
    gaoxin, installed_copy: Path
) -> None:
    """`--source FOLDER` validates FOLDER against its own article; `--source --json` too."""
    article = installed_copy / "dalian-2019" / "article.txt"
    result = gaoxin("validate", "--source", str(installed_copy))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.endswith(f"every figure of {article} covered\n")
    as_json = gaoxin("validate", str(installed_copy), "--source", "--json")
    assert (as_json.exit_code, json.loads(as_json.stdout)) == (0, [])


def test_an_article_with_one_figure_changed_fails_at_its_line(gaoxin, installed_copy: Path) -> None:
    """Changing 3288件 in the copied article gives problems at article.txt's line of it."""
    article = installed_copy / "dalian-2019" / "article.txt"
    text = article.read_text(encoding="utf-8")
    line = text[: text.index("3288件")].count("\n") + 1
    article.write_text(text.replace("3288件", "3289件"), encoding="utf-8")
    result = gaoxin("validate", str(installed_copy), "--source")
    assert (result.exit_code, result.stdout) == (2, "")
    lines = result.stderr.splitlines()
    assert f"{article}:{line}: 3289件 is not stated by any fact" in "\n".join(lines)
    assert any(
        "fact patent-applications.level: quote is not in" in entry and str(article) in entry
        for entry in lines
    )
    assert lines[-1].startswith("gaoxin: ")
    assert lines[-1].endswith("problems found")


def test_a_dataset_that_names_no_article_is_told_so_in_one_line(
    gaoxin, installed_copy: Path
) -> None:
    """Without `[source] file`, `--source` alone is one problem at the [source] table."""
    meta = installed_copy / "dalian-2019" / "dataset.toml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text.replace('file = "article.txt"\n', ""), encoding="utf-8")
    line = text[: text.index("[source]")].count("\n") + 1
    result = gaoxin("validate", str(installed_copy), "--source")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"{meta}:{line}: dataset dalian-2019 names no article: add file = ... to [source]\n"
        "gaoxin: 1 problem found\n"
    )


def test_a_named_article_that_is_missing_is_a_problem_of_the_data(
    gaoxin, installed_copy: Path
) -> None:
    """A `[source] file` that is not there is one problem line, not a traceback."""
    (installed_copy / "dalian-2019" / "article.txt").unlink()
    result = gaoxin("validate", str(installed_copy), "--source")
    assert (result.exit_code, result.stdout) == (2, "")
    (problem, count) = result.stderr.splitlines()
    assert problem.endswith(
        "[source] file 'article.txt': cannot read "
        f"{installed_copy / 'dalian-2019' / 'article.txt'}: No such file or directory"
    )
    assert count == "gaoxin: 1 problem found"


def test_a_file_name_with_a_folder_part_is_refused(gaoxin, installed_copy: Path) -> None:
    """`file` names a file beside dataset.toml: a path out of the folder is a problem."""
    meta = installed_copy / "dalian-2019" / "dataset.toml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text.replace('file = "article.txt"', 'file = "../x.txt"'), encoding="utf-8")
    result = gaoxin("validate", str(installed_copy))
    assert result.exit_code == 2
    assert "source 'file' must be the name of a file in the dataset's folder, not '../x.txt'" in (
        result.stderr
    )


def test_an_explicit_article_still_works(gaoxin) -> None:
    """`--source ARTICLE` checks against that file, as before."""
    result = gaoxin("validate", "--source", str(SOURCE))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.endswith(f"every figure of {SOURCE} covered\n")


def test_a_drafted_folder_carries_and_names_its_article(gaoxin, tmp_path: Path) -> None:
    """`draft -o DIR` copies the article into DIR as article.txt and names it in dataset.toml."""
    folder = tmp_path / "new" / "dalian-2019"
    result = gaoxin("draft", str(SOURCE), "-o", str(folder))
    assert result.exit_code == 0, result.stderr
    assert (folder / "article.txt").read_bytes() == SOURCE.read_bytes()
    assert 'file = "article.txt"' in (folder / "dataset.toml").read_text(encoding="utf-8")
    assert f"gaoxin validate {folder} --source\n" in result.stdout


def test_the_repository_article_is_the_one_tests_read() -> None:
    """Tests read the article from the repository, never from beside it."""
    assert SOURCE.is_relative_to(REPO)


def test_the_article_may_come_on_standard_input(gaoxin, runner, tmp_path: Path) -> None:
    """`validate --source -` and `draft -` read the article from standard input, as Unix filters do."""
    from gaoxin_cli.cli.app import app

    text = SOURCE.read_text(encoding="utf-8")
    checked = runner.invoke(app, ["validate", "--source", "-"], input=text)
    assert (checked.exit_code, checked.stderr) == (0, "")
    assert checked.stdout.endswith("every figure of - covered\n")
    drafted = runner.invoke(app, ["draft", "-", "--json"], input=text)
    assert drafted.exit_code == 0, drafted.stderr
    assert drafted.stdout == gaoxin("draft", str(SOURCE), "--json").stdout.replace(
        json.dumps(str(SOURCE))[1:-1], "-"
    )
    folder = tmp_path / "from-stdin"
    written = runner.invoke(app, ["draft", "-", "-o", str(folder)], input=text)
    assert written.exit_code == 0, written.stderr
    assert (folder / "article.txt").read_text(encoding="utf-8") == text
    changed = runner.invoke(
        app, ["validate", "--source", "-"], input=text.replace("3288件", "3289件")
    )
    assert changed.exit_code == 2
    assert "-:61: 3289件 is not stated by any fact" in changed.stderr
