"""A review's text as `gaoxin draft` reads it: title, byline, headings, and the
running text without line breaks, each character traced to the article.

Pure: the article's text in, a `Review` out. The running text is the text
`validate --source` reads (coverage.Article: no spaces or line breaks,
full-width digits as ASCII), so that a position here is a position there.
Page layout breaks sentences across lines ("有8⏎⏎家"); a line that does not
end a sentence runs on into the next, unless one of them is a heading.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter

from gaoxin_cli.checks.coverage import Article, ascii_form, compact
from gaoxin_cli.lexicon import (
    AREA_NOT_AFTER,
    AREA_NOT_IN,
    AREA_WORDS,
    CLAUSE_END,
    NOT_IN_HEADING,
    SECTION_CUES,
    SENTENCE_END,
    SPACES,
    STATUS_WORDS,
    STOPS,
)
from gaoxin_cli.simplified import simplified

#: Lines that credit photographs, not headings: "本版图片除署名外由…提供", "… 摄".
_CREDIT = re.compile(r"图片|图/|摄$|供图|^图为")
#: Longest heading, and longest line of the title block, in characters without spaces.
HEADING_MAX = 24
TITLE_MAX = 40

#: The section of text before the first heading, and of a heading no cue fits.
LEAD_SECTION = "overview"
UNSORTED = "unsorted"


class Heading:
    """A heading of the article: its text, its file line, the section it opens."""

    __slots__ = ("line", "position", "section", "text")

    def __init__(self, text: str, line: int, position: int, section: str) -> None:
        self.text = text
        self.line = line
        self.position = position  # where its text starts in Review.text
        self.section = section


class Review:
    """The article: its title block, headings, and running text."""

    def __init__(self, path: str, raw: str, *, claims: bool = False) -> None:
        self.path = path
        self.raw = raw
        #: Read as claims to check (`gaoxin check`), not as a review to draft:
        #: no title block, and a figure in a heading is a figure too.
        self.claims = claims
        #: The text as read: traditional characters as simplified, of the
        #: same length, so that a position in one is the same in the other.
        self.reading = simplified(raw)
        self.article = Article(path, self.reading, converted=self.reading != raw)
        self.text = self.article.text
        #: The compact text in its own script (quotes are taken from it).
        self.original = self.text if self.reading == raw else Article(path, raw).text
        raw = self.reading
        lines = raw.split("\n")
        self.title_lines = [] if claims else _title_block(lines)
        self.masthead = Masthead(self.title_lines)
        self.headings: list[Heading] = []
        #: Positions of `text` where a block (a heading, a title line, a
        #: paragraph after a finished sentence) starts: no clause runs across one.
        self.breaks: list[int] = [0]
        position = 0
        previous_open = False
        for number, line in enumerate(lines, 1):
            kept = compact(line)
            if not kept:
                continue
            is_heading = number > len(self.title_lines) and _is_heading(line)
            if is_heading or number <= len(self.title_lines) or not previous_open:
                self.breaks.append(position)
            if is_heading:
                self.headings.append(Heading(line.strip(), number, position, section_of(line)))
            position += len(kept)
            previous_open = not is_heading and number > len(self.title_lines)
            previous_open = previous_open and kept[-1] not in STOPS and kept[-1] != "”"
            if is_heading or number <= len(self.title_lines):
                self.breaks.append(position)
        self.breaks = sorted(set(self.breaks))
        self._heading_starts = [h.position for h in self.headings]
        self._title_end = sum(len(compact(line)) for line in self.title_lines)
        self._clause_ends = _ends(self.text, CLAUSE_END)
        self._sentence_ends = _ends(self.text, SENTENCE_END)
        self._stops = _ends(self.text, STOPS)
        #: Where a status word (预计, 初步核算 …) starts, and its length.
        status = "|".join(word for word, _ in STATUS_WORDS)
        found = [m.span() for m in re.finditer(status, self.text)]
        self.estimates = [start for start, _ in found]
        self.masthead.guess_from(self.text)
        self.estimate_ends = [end for _, end in found]

    @property
    def converted(self) -> bool:
        """True if the text was read in simplified characters (it has traditional ones)."""
        return self.reading != self.raw

    def written(self, piece: str, near: int = 0) -> str:
        """`piece` of the text as read, in the text's own script: the same
        characters of the original where `piece` stands (from `near` on, else
        anywhere); `piece` itself if it is not in the text."""
        if not self.converted or not piece:
            return piece
        at = self.text.find(piece, near)
        if at == -1:
            at = self.text.find(piece)
        if at != -1:
            return self.original[at : at + len(piece)]
        at = self.reading.find(piece)
        return self.raw[at : at + len(piece)] if at != -1 else piece

    def line_of(self, position: int) -> int:
        """The article's line of the character at `position`."""
        return self.article.line_of(position)

    def heading_at(self, position: int) -> Heading | None:
        """The heading whose part of the article holds `position`, if any."""
        at = bisect_right(self._heading_starts, position)
        return self.headings[at - 1] if at else None

    def in_heading_or_title(self, position: int) -> bool:
        """True for a position inside a heading or the title block (never for claims)."""
        if self.claims:
            return False
        if position < self._title_end:
            return True
        heading = self.heading_at(position)
        return heading is not None and position < heading.position + len(compact(heading.text))

    def block_of(self, position: int) -> tuple[int, int]:
        """The block (start, end) of `text` that holds `position`."""
        at = bisect_right(self.breaks, position)
        start = self.breaks[at - 1] if at else 0
        end = self.breaks[at] if at < len(self.breaks) else len(self.text)
        return start, end

    def clause(self, position: int) -> tuple[int, int]:
        """The clause (start, end) around `position`: between clause punctuation
        (not a comma between digits, nor punctuation inside a short “quotation”)."""
        return self._span(position, self._clause_ends)

    def sentence(self, position: int) -> tuple[int, int]:
        """The sentence (start, end) around `position`: up to 。；！？ (end included)."""
        start, end = self._span(position, self._sentence_ends)
        return start, min(end + 1, self.block_of(position)[1])

    def stops_between(self, start: int, end: int, *, semicolons: bool) -> bool:
        """True if a sentence ends between `start` and `end` (at 。！？, or also at ；)."""
        ends = self._sentence_ends if semicolons else self._stops
        at = bisect_left(ends, start)
        return at < len(ends) and ends[at] < end

    def _span(self, position: int, ends: list[int]) -> tuple[int, int]:
        low, high = self.block_of(position)
        at = bisect_left(ends, position)
        start = ends[at - 1] + 1 if at else 0
        end = ends[at] if at < len(ends) else len(self.text)
        return max(start, low), min(end, high)

    def verbatim(self, start: int, end: int) -> str:
        """The article's own text of `text[start:end]`: line breaks left out,
        spaces kept between Latin words, full-width digits read as ASCII."""
        if end <= start:
            return ""
        offsets = self.article.offsets
        raw = self.raw[offsets[start] : offsets[end - 1] + 1]
        kept = []
        for n, char in enumerate(raw):
            if char in SPACES:
                before = raw[n - 1] if n else ""
                after = raw[n + 1] if n + 1 < len(raw) else ""
                if char == " " and before.isascii() and before.isalpha() and after.isascii():
                    kept.append(char)
                continue
            kept.append(ascii_form(char))
        return "".join(kept)


#: A quotation whose punctuation does not end a clause: “…” closed within this many characters.
QUOTATION_MAX = 40


def _ends(text: str, marks: frozenset[str]) -> list[int]:
    """Positions of `marks` in `text` that end a clause: not a comma between
    digits ("56,708"), nor a mark inside a short quotation (“精气神不够,患得患失”)."""
    found = []
    closing = -1
    for at, char in enumerate(text):
        if char == "“":
            end = text.find("”", at, at + QUOTATION_MAX)
            closing = max(closing, end)
        if char not in marks or at < closing:
            continue
        if char in ",，" and text[at - 1 : at].isdigit() and _thousands(text, at):
            continue
        found.append(at)
    return found


def _thousands(text: str, comma: int) -> bool:
    """True if the comma at `comma` separates thousands: three digits, then no digit."""
    digits = text[comma + 1 : comma + 4]
    return len(digits) == 3 and digits.isdigit() and not text[comma + 4 : comma + 5].isdigit()


def section_of(heading: str) -> str:
    """The section a heading opens, by the first cue word in it; `unsorted` if none."""
    best: tuple[int, str] | None = None
    for section, cues in SECTION_CUES:
        for cue in cues:
            at = heading.find(cue)
            if at != -1 and (best is None or at < best[0]):
                best = (at, section)
    return best[1] if best else UNSORTED


def _title_block(lines: list[str]) -> list[str]:
    """The article's first lines, up to the first that holds clause punctuation
    or runs on into the next (ends in a digit: "有8⏎⏎家")."""
    block: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped and any(c in CLAUSE_END or c == "、" for c in stripped):
            break
        if stripped[-1:].isdigit() or len(compact(stripped)) > TITLE_MAX:
            break
        block.append(line)
    return block


#: What numbers a heading: 一、 （二） (3) 4. 5、
ENUMERATOR = re.compile(
    "^(?:[一二三四五六七八九十]+[、.\uff0e]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.\uff0e](?![0-9]))"
)


def _is_heading(line: str) -> bool:
    """A short line without clause punctuation; digits only after an enumerator
    ("二、2024年主要目标"), as a line without one that holds a digit is a
    sentence the page layout broke."""
    kept = compact(line)
    numbered = ENUMERATOR.match(kept)
    if numbered:
        kept = kept[numbered.end() :]
    return (
        2 <= len(kept) <= HEADING_MAX
        and not any(c in NOT_IN_HEADING or (c.isdigit() and not numbered) for c in kept)
        and not _CREDIT.search(line.strip())
    )


class Masthead:
    """What the title block says: title, subtitle, byline, authors, period, area."""

    __slots__ = ("area", "authors", "byline", "guessed", "period", "source_title", "title")

    def __init__(self, lines: list[str]) -> None:
        kept = [line.strip() for line in lines if line.strip()]
        bylines = [line for line in kept[1:] if _is_byline(line)]
        titles = [line for line in kept if line not in bylines]
        self.byline = bylines[0] if bylines else ""
        self.authors = [
            name
            for name in self.byline.split()
            if not any(word in name for word in ("记者", "通讯员", "本报", "摄影"))
        ]
        subtitles = [line.lstrip("—-– ") for line in titles if line.startswith(("—", "-", "–"))]
        self.title = subtitles[0] if subtitles else (titles[0] if titles else "")
        self.source_title = "".join(titles)
        year = re.search(r"(?:19|20)[0-9]{2}", self.title)
        self.period = year.group() if year else ""
        self.area = self.title[: year.start()] if year else ""
        #: The fields guessed from the running text, not read from the title.
        self.guessed: list[str] = []

    def guess_from(self, text: str) -> None:
        """Period and area the title does not state, from the running text:
        the year it reports on (the year named most, the later on a tie) and
        the zone, county or city named most, if named more than once."""
        if not self.period:
            years = Counter(m.group(1) for m in _REPORTED_YEAR.finditer(text))
            if years:
                self.period = max(years, key=lambda y: (years[y], y))
                self.guessed.append("period")
        if not self.area:
            names: Counter[str] = Counter()
            for found in _AREA.finditer(text):
                word, end = found.group(1), found.start(1)
                if text[found.end() : found.end() + 1] in AREA_NOT_AFTER:
                    continue
                # 西藏自治区, 广西壮族自治区: an autonomous area's name is longer
                for size in (2, 3, 4) if word.startswith("自治") else (2, 3):
                    prefix = text[max(0, end - size) : end]
                    if len(prefix) == size and _names_area(prefix):
                        names[prefix + word] += 1
            # the longer name where it is as frequent ("哈尔滨市", not "尔滨市");
            # a name the text gives once is no guess
            best = max(names, key=lambda n: (names[n], len(n)), default="")
            if best and names[best] > 1:
                self.area = best
                self.guessed.append("area")


#: A year the text names: "2019年".
_REPORTED_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")
#: A word that ends the name of a place ("新区" of 浦东新区).
_AREA = re.compile(f"({'|'.join(AREA_WORDS)})")


def _names_area(prefix: str) -> bool:
    """True if `prefix` may start the name of a place: Chinese characters, not
    "全" (全县), "地" (地区) or a word of the sentence around it."""
    return all("\u4e00" <= c <= "\u9fff" and c not in AREA_NOT_IN for c in prefix)


def _is_byline(line: str) -> bool:
    words = line.split()
    return (
        "记者" in line or "通讯员" in line or (len(words) >= 2 and all(len(w) <= 4 for w in words))
    )
