"""Facts as flat rows straight from the index: what a CSV, TSV or data package
export of every fact writes, made without a Fact for each row.

A row here is the values of `render.rows.flat_row` of the fact the index
would make, in the order of `render.rows.FLAT_COLUMNS`, made from the stored
columns by the rules of `model.make_fact`: the fact's label where it has one
(each language apart), else its indicator's; its heading, section and
indicator from its indicator; its period and area from its dataset; its id
and normalized value as the build stored them. Tests hold the two equal,
fact by fact, on the shipped facts and on generated ones.
"""

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from gaoxin_cli.index.schema import (
    DATASET_COLUMNS,
    FLAT_FACT_COLUMNS,
    FLAT_FACTS,
    FLAT_INDICATORS,
    DamagedError,
    checksum_of,
    digest,
    number_of,
)

_DATASET = "SELECT {}, crc FROM datasets WHERE dir = ?".format(  # noqa: S608
    ", ".join(DATASET_COLUMNS)
)
# A fact's values by position, as FLAT_FACTS reads them.
(
    _IND_SEQ,
    _ID,
    _MEASURE,
    _VALUE,
    _UNIT,
    _QUALIFIER,
    _STATUS,
    _QUOTE,
    _NOTE,
    _ZH,
    _EN,
    _VALUE_EN,
    _NORMALIZED_VALUE,
    _NORMALIZED_UNIT,
) = range(len(FLAT_FACT_COLUMNS))


def each_flat(
    db: sqlite3.Connection, datasets: Sequence[str] | None = None
) -> Iterator[tuple[str, list[list[Any]]]]:
    """Every dataset's id (or those of `datasets`) and its facts' flat rows,
    in order: each dataset's rows read and checked before any of them is
    given out (its own row by its checksum; its facts and indicators, all
    at once, by the digests it keeps of them)."""
    order = "SELECT dir, id FROM datasets ORDER BY seq"  # a row each, read as it comes
    for dir_, id_ in db.execute(order).fetchall():
        if datasets is None or id_ in datasets:
            yield id_, _flat_rows(db, dir_, id_)


def _flat_rows(db: sqlite3.Connection, dir_: str, id_: str) -> list[list[Any]]:
    """The flat rows of the facts of dataset `id_` in folder `dir_`, checked."""
    found = db.execute(_DATASET, [dir_]).fetchall()
    if len(found) != 1 or checksum_of(found[0][:-1]) != found[0][-1]:
        raise DamagedError(f"the row of dataset {id_} is missing or fails its checksum")
    dataset = dict(zip(DATASET_COLUMNS, found[0], strict=False))
    if dataset["id"] != id_:
        raise DamagedError(f"the row of dataset {id_} is missing")
    indicators = db.execute(FLAT_INDICATORS, [dir_]).fetchall()
    facts = db.execute(FLAT_FACTS, [dir_]).fetchall()
    if (
        digest(indicators) != dataset["indicators_digest"]
        or digest(facts) != dataset["facts_digest"]
    ):
        raise DamagedError(f"rows of dataset {id_} fail their digest")
    # (seq, id, section, heading_zh, heading_en, zh, en): FLAT_INDICATOR_COLUMNS
    of_indicator = {seq: values for seq, *values in indicators}
    period, area_zh, area_en = dataset["period"], dataset["area_zh"], dataset["area_en"]
    rows = []
    for fact in facts:
        indicator, section, heading_zh, heading_en, zh, en = of_indicator[fact[_IND_SEQ]]
        rows.append(
            [  # the order of FLAT_COLUMNS
                fact[_ID],
                id_,
                section,
                heading_zh,
                indicator,
                fact[_ZH] or zh,
                fact[_EN] or en,
                fact[_MEASURE],
                fact[_VALUE],
                fact[_UNIT],
                fact[_QUALIFIER],
                fact[_STATUS],
                number_of(fact[_NORMALIZED_VALUE]),
                fact[_NORMALIZED_UNIT],
                period,
                area_zh,
                area_en,
                fact[_QUOTE],
                fact[_NOTE],
                fact[_VALUE_EN],
                heading_en,
            ]
        )
    return rows
