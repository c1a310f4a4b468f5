"""Answers -> output. Commands build a View of their answer (`views`), then
`write(view, fmt, stream)` (`writing`), the one way out, picks the writer.

The forms: JSON and JSONL (`json_text`), CSV and TSV (`delimited`, from the
flat rows of `rows`), Markdown (`markdown`), Rich tables and charts at a
terminal (`tables`, `comparison_table`, `bar_chart`, built of `cells`), a
SQLite file (`sqlite`) and a data package (`datapackage`). JSON records are
made in `records`, and only there. Each form is computed, and what it needs
imported, only when it is written: scripts never import Rich.
"""

from gaoxin_cli.render.views import (
    View,
    cache_entries,
    charts,
    comparison,
    datasets,
    detail,
    fact_list,
    fact_stream,
    facts,
    flat_stream,
    hits,
    overview,
    sections,
)
from gaoxin_cli.render.writing import (
    can_encode_chinese,
    cannot_show,
    require_chinese,
    terminal_width,
    write,
)

__all__ = [
    "View",
    "cache_entries",
    "can_encode_chinese",
    "cannot_show",
    "charts",
    "comparison",
    "datasets",
    "detail",
    "fact_list",
    "fact_stream",
    "facts",
    "flat_stream",
    "hits",
    "overview",
    "require_chinese",
    "sections",
    "terminal_width",
    "write",
]
