"""Models -> output: JSON, JSONL, CSV and TSV here; Rich tables in `table`.

Nothing in this package reads files or decides exit codes. The plain formats
never import Rich, so scripts do not pay for it.
"""
