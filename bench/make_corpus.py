"""Write a synthetic facts folder of N facts, in the real fact-file format.

    python bench/make_corpus.py 200000 /tmp/corpus

The folder holds a copy of the shipped review plus synthetic datasets
(zones × years, about 400 facts each, seven section files each), clearly
labelled as synthetic. It passes `gaoxin validate`. The synthetic labels
never use the shipped review's words, so a lookup of a shipped fact finds
the same facts at any N.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

SECTIONS = ("investment", "economy", "innovation", "services", "governance", "party")
FACTS_PER_DATASET = 400
UNITS = (("亿元", 1), ("万元", 1), ("家", 0), ("件", 0), ("个", 0), ("名", 0))
# Syllables for made-up names: never words of the shipped review.
SYLLABLES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"


def shipped_facts() -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from gaoxin_cli.factfiles.folders import default_facts_dir

    return default_facts_dir() / "dalian-2019"


def name(rng: random.Random, length: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(length))


def dataset_toml(dataset_id: str, zone: str, year: int) -> str:
    return f"""\
id = "{dataset_id}"
period = "{year}"
title = {{ zh = "{zone}{year}年综述（合成）", en = "Synthetic zone {zone} {year} review" }}
area = {{ zh = "{zone}", en = "Synthetic zone {zone}" }}

[source]
title = "合成数据，不是真实文章"
description = "Synthetic data for benchmarks: not a real review."
authors = ["bench/make_corpus.py"]
"""


def section_toml(rng: random.Random, section: str, first: int, count: int) -> str:
    out = [
        f'section = "{section}"',
        'heading = { zh = "合成指标", en = "Synthetic indicators" }',
        "",
    ]
    made = 0
    n = first
    while made < count:
        label = name(rng)
        unit, decimals = rng.choice(UNITS)
        level = round(rng.uniform(1, 5000), decimals) if decimals else rng.randint(1, 50000)
        growth = round(rng.uniform(-20, 60), 1)
        out += [
            "[[indicator]]",
            f'id = "syn-{n:05d}"',
            f'zh = "{label}"',
            f'en = "Synthetic {n}"',
            "",
            "[[indicator.fact]]",
            'measure = "level"',
            f"value = {level}",
            f'unit = "{unit}"',
            f'quote = "{label}完成{level}{unit}"',
            "",
        ]
        made += 1
        if made < count:
            out += [
                "[[indicator.fact]]",
                'measure = "growth"',
                f"value = {growth}",
                'unit = "%"',
                f'quote = "{label}完成{level}{unit}，增长{growth}%"',
                "",
            ]
            made += 1
        n += 1
    return "\n".join(out)


def make(total: int, target: Path, seed: int = 2019) -> int:
    """Write the corpus; returns the number of facts written (shipped included)."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copytree(shipped_facts(), target / "dalian-2019")
    written = 131
    number = 0
    while written < total:
        zone = name(rng, 2)
        year = 2000 + number % 30
        dataset_id = f"synthetic-{number:04d}"
        folder = target / dataset_id
        folder.mkdir()
        (folder / "dataset.toml").write_text(dataset_toml(dataset_id, zone, year), encoding="utf-8")
        in_dataset = min(FACTS_PER_DATASET, total - written)
        per_section = -(-in_dataset // len(SECTIONS))
        first = 0
        for section in SECTIONS:
            count = min(per_section, in_dataset - first)
            if count <= 0:
                break
            text = section_toml(rng, section, first, count)
            (folder / f"{section}.toml").write_text(text, encoding="utf-8")
            first += count
        written += in_dataset
        number += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("facts", type=int, help="how many facts in all (at least 131)")
    parser.add_argument("folder", type=Path, help="where to write (replaced)")
    parser.add_argument("--seed", type=int, default=2019)
    args = parser.parse_args()
    count = make(max(args.facts, 131), args.folder, args.seed)
    print(f"{count} facts in {args.folder}")


if __name__ == "__main__":
    main()
