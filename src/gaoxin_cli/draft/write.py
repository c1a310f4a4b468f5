"""A draft as a dataset folder: dataset.toml and one fact file per section,
in the fact-file format, with comments where a person must decide.

Pure: a Draft in, {file name: text} out. What a person must write is left
empty (`en = ""`), so that `gaoxin validate` names each as one line; what a
person should check is a comment above the fact.
"""

from __future__ import annotations

from gaoxin_cli.draft.article import LEAD_SECTION, UNSORTED
from gaoxin_cli.draft.result import UNSORTED_CHECK, Draft, DraftIndicator, Proposal
from gaoxin_cli.model import SECTIONS, format_value

_TO_WRITE = "  # to write: the English"
_HEADER = """\
# Drafted by `gaoxin draft` from {article}.
# Check each fact against the article. `gaoxin validate` lists what is still
# to write (left empty here); comments marked "check:" say where the draft guessed.
"""


#: The name of the article's copy in a drafted folder (named by dataset.toml).
ARTICLE_FILE = "article.txt"


def folder_files(draft: Draft, dataset_id: str, article: str) -> dict[str, str]:
    """The files of the dataset folder: name -> text (TOML, and the article
    itself as `ARTICLE_FILE`, which dataset.toml names)."""
    files = {"dataset.toml": dataset_file(draft, dataset_id, article)}
    files[ARTICLE_FILE] = draft.review.raw
    order = [*SECTIONS, UNSORTED]
    sections = sorted({i.section for i in draft.indicators}, key=order.index)
    for section in sections:
        indicators = [i for i in draft.indicators if i.section == section]
        files[f"{section}.toml"] = section_file(section, indicators)
    return files


def dataset_file(draft: Draft, dataset_id: str, article: str) -> str:
    """dataset.toml: the masthead, and every number that is not a figure."""
    head = draft.review.masthead
    lines = [
        _HEADER.format(article=toml_string(article)),
        f"id = {toml_string(dataset_id)}",
        _written("period", head.period, "the year or period reviewed")
        + (_GUESSED if "period" in head.guessed else ""),
        "",
        "[title]",
        _written("zh", head.title, "the title"),
        f'en = ""{_TO_WRITE} title',
        "",
        "[area]",
        _written("zh", head.area, "the area reviewed")
        + (_GUESSED if "area" in head.guessed else ""),
        f'en = ""{_TO_WRITE} name of the area',
        "",
        "[source]",
        _written("title", head.source_title or head.title, "the article's title"),
    ]
    if head.byline:
        lines.append(f"byline = {toml_string(head.byline)}")
        lines.append(f"authors = [{', '.join(toml_string(a) for a in head.authors)}]")
    lines.append("# The article, copied beside this file: `gaoxin validate --source` reads it.")
    lines.append(f"file = {toml_string(ARTICLE_FILE)}")
    lines += [
        "",
        "# Numbers of the article that are not figures, each with the quote it stands",
        "# in: `gaoxin validate --source` checks that every other number is a fact's.",
    ]
    for item in draft.not_figures:
        lines += [
            "",
            "[[not_figure]]",
            f"figure = {toml_string(item.figure)}",
            f"quote = {toml_string(item.quote)}",
            f"note = {toml_string(item.reason.capitalize() + f' (line {item.line}).')}",
        ]
    return "\n".join(lines) + "\n"


#: The comment on a field the draft guessed from the running text.
_GUESSED = "  # check: guessed from the text (named most often)"


def _written(key: str, value: str, what: str) -> str:
    """`key = "value"`, or an empty value with a comment to write it."""
    if value:
        return f"{key} = {toml_string(value)}"
    return f'{key} = ""  # to write: {what} (the draft found none)'


def section_file(section: str, indicators: list[DraftIndicator]) -> str:
    """One section's fact file."""
    first = indicators[0].heading
    lines = []
    if section == LEAD_SECTION and first is None:
        zh, en = SECTIONS[LEAD_SECTION]
        lines += ["# The text before the first heading.", f"section = {toml_string(section)}"]
        lines.append(f"heading = {{ zh = {toml_string(zh)}, en = {toml_string(en)} }}")
    else:
        heading = first.text if first else ""
        if section == UNSORTED:
            lines.append("# check: no section of the fact-file format fits these headings;")
            lines.append(f"# move each indicator to its section ({', '.join(SECTIONS)}).")
        lines.append(f"section = {toml_string(section)}")
        lines.append(f'heading = {{ zh = {toml_string(heading)}, en = "" }}{_TO_WRITE} heading')
    shown = first
    for indicator in indicators:
        lines.append("")
        if indicator.heading is not None and indicator.heading is not shown:
            shown = indicator.heading
            lines.append(f"# Under the heading {comment(shown.text)} (line {shown.line}).")
        lines += _indicator_lines(indicator)
    return "\n".join(lines) + "\n"


def _indicator_lines(indicator: DraftIndicator) -> list[str]:
    lines = [
        "[[indicator]]",
        f"id = {toml_string(indicator.id)}  # rename: lower-case English words",
        f"zh = {toml_string(indicator.label)}",
        f'en = ""{_TO_WRITE} label',
    ]
    for fact in indicator.facts:
        lines.append("")
        lines += [f"# check: {comment(c)}" for c in fact.checks if c != UNSORTED_CHECK]
        lines += _fact_lines(fact)
    return lines


def _fact_lines(fact: Proposal) -> list[str]:
    lines = ["[[indicator.fact]]"]
    if fact.key != fact.measure:
        lines.append(f"key = {toml_string(fact.key)}")
    lines.append(f"measure = {toml_string(fact.measure)}")
    value = fact.value
    shown = toml_string(value) if isinstance(value, str) else format_value(value)
    lines.append(f"value = {shown}")
    if fact.written is not None:
        lines.append(f"written = {toml_string(fact.written)}")
    if fact.unit is not None:
        lines.append(f"unit = {toml_string(fact.unit)}")
    if fact.qualifier is not None:
        lines.append(f"qualifier = {toml_string(fact.qualifier)}")
    if fact.status is not None:
        lines.append(f"status = {toml_string(fact.status)}")
    lines.append(f"quote = {toml_string(fact.quote)}  # line {fact.line}")
    return lines


def comment(text: str) -> str:
    """`text` fit for a TOML comment: what would end the line or is no text
    (control characters but tab, line and paragraph separators) as \\uXXXX."""
    return "".join(
        f"\\u{ord(char):04X}"
        if (ord(char) < 0x20 and char != "\t")
        or 0x7F <= ord(char) <= 0x9F
        or char in "\u2028\u2029"
        else char
        for char in text
    )


def toml_string(text: str) -> str:
    """`text` as a TOML basic string: quotes, backslashes and control characters escaped."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)
