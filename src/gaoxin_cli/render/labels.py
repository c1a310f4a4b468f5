"""The interface's own words (headings, names of fields) in Chinese and English.

One table for every renderer: Rich tables, Markdown headings and comparison
columns say the same thing in the same words. Words of the data (sections,
measures, qualifiers) are the model's vocabulary, not here.
"""

#: name -> (zh, en)
WORDS: dict[str, tuple[str, str]] = {
    "area": ("地区", "Area"),
    "change": ("变化", "Change"),
    "command": ("命令", "Command"),
    "dataset": ("数据集", "Dataset"),
    "facts": ("事实", "Facts"),
    "figure": ("数值", "Figure"),
    "folder": ("事实文件夹", "Facts folder"),
    "heading": ("小标题", "Heading"),
    "headlines": ("要点", "Headline figures"),
    "id": ("ID", "ID"),
    "index": ("索引文件", "Index file"),
    "indicator": ("指标", "Indicator"),
    "measure": ("度量", "Measure"),
    "normalized": ("标准化", "Normalized"),
    "note": ("注", "Note"),
    "period": ("时期", "Period"),
    "qualifier": ("限定", "Qualifier"),
    "quote": ("原文", "Quote"),
    "section": ("栏目", "Section"),
    "size": ("大小（字节）", "Size (bytes)"),
    "source": ("来源", "Source"),
    "state": ("状态", "State"),
    "status": ("数据状态", "Status"),
    "title": ("标题", "Title"),
    "unit": ("单位", "Unit"),
    # What `gaoxin cache` says of an index.
    "current": ("在用", "current"),
    "folder-gone": ("文件夹已不在", "folder gone"),
    "old-version": ("旧版本", "old version"),
    "unreadable": ("无法读取", "unreadable"),
    "folder-unreachable": ("文件夹无权查看", "folder unreachable"),
}


def word(name: str, lang: str) -> str:
    """The interface word `name` in `lang` ("zh" or "en")."""
    zh, en = WORDS[name]
    return en if lang == "en" else zh
