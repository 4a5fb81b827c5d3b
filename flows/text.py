"""Paragraphs, sentences and quotation-mark spans over normalized article text.

All functions return character offsets into the text they were given, so every
row built from them can be traced back exactly.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from flows import lexicon

def literal_alternation(phrases: list[str]) -> str:
    """A regex matching any of ``phrases``, factored into a prefix tree.

    Python's engine tries a flat alternation's branches one by one at every
    position; a tree rejects most positions on the first character. Longer
    phrases win, as in a flat alternation sorted longest first.
    """
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]{0,2}[A-Z0-9])")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
#: Abbreviations that end a name, and so may end a sentence: "according to Hokuriku Electric Power Co. About 57,000 ..."
_NAME_FINAL = frozenset({"inc", "corp", "co", "ltd", "jr", "sr"})
#: A function word opening the next sentence (a name would go on: "Co. Ltd", "Jr. Smith").
_STARTER_AFTER = re.compile(
    r"\s+[\"“‘']?(?:The|A|An|About|In|On|At|It|He|She|They|We|I|But|And|This|That|There|Some|More|Many|Most|Its|His|Her|"
    r"Their|After|Before|As|When|While|According|Meanwhile|However|Also|Other|Another|One|Two|Three|If|So|Yet)\b"
)
#: Quotation marks: the scanners visit these positions only, not every character.
_DOUBLE_MARK = re.compile(f"[{re.escape(lexicon.DOUBLE_ANY)}]")
_SINGLE_MARK = re.compile("['‘’]")
_CLOSING_MARK = re.compile(r"[\"”’')\]]")
#: Dotted initials: "u.s", "g.k".
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: marks at ``open_at`` and ``close_at`` (``close_at`` == end when unclosed)."""

    open_at: int
    close_at: int
    double: bool
    closed: bool = True

    @property
    def start(self) -> int:
        return self.open_at + 1

    @property
    def end(self) -> int:
        return self.close_at


#: Articles whose structure is kept: more than a batch's (500 by default), so that the figure stage finds
#: the sentences the quote stage split, its texts being the same.
_STRUCTURE_CACHE = 2048


@functools.lru_cache(maxsize=_STRUCTURE_CACHE)
def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every paragraph; paragraphs are separated by blank lines."""
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return tuple(spans)


@functools.lru_cache(maxsize=_STRUCTURE_CACHE)
def article_sentences(text: str) -> tuple[tuple[int, int, int], ...]:
    """(paragraph start, sentence start, sentence end) of every sentence, paragraph by paragraph.

    Cached: the quote and the figure stages both read every sentence of a batch's articles, one
    stage after the other, and splitting is a good share of either's time.
    """
    return tuple((p_start, s_start, s_end) for p_start, p_end in paragraph_spans(text) for s_start, s_end in sentence_spans(text, p_start, p_end))


def forget_structure() -> None:
    """Empty the paragraph and sentence caches: they hold their articles' texts, which a finished batch no
    longer needs (a batch of long articles would otherwise stay in memory until later texts push it out)."""
    paragraph_spans.cache_clear()
    article_sentences.cache_clear()


def _word_before(text: str, begin: int, end: int) -> str:
    """The run of word characters and dots that ends at ``end`` (or just before a newline there), lowercased."""
    if end > begin and text[end - 1] == "\n":
        end -= 1
    i = end
    while i > begin and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
    return text[i:end].lower().rstrip(".")


def _is_abbreviation(token: str) -> bool:
    return (
        token in lexicon.ABBREVIATIONS
        or (len(token) == 1 and "a" <= token <= "z")
        or (_INITIALS.fullmatch(token) is not None and token.replace(".", "") not in lexicon.PLACE_INITIALS)
    )


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split text[start:end] into sentences, not breaking after known abbreviations or initials."""
    end = len(text) if end is None else end
    spans, begin = [], start
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.group(0).startswith(".") and not _CLOSING_MARK.search(match.group(0)) and _is_abbreviation(word := _word_before(text, begin, match.start())):
            if not (word in _NAME_FINAL and _STARTER_AFTER.match(text, match.end())):
                continue  # "Mr.", "J.", "G.K. Butterfield"; but "in the U.S. The ..." and "Power Co. About ..." end a sentence
        split_at = match.end()
        spans.append((begin, split_at))
        begin = split_at
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        spans.append((begin, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _can_open(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def _can_close(text: str, i: int, end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-…") 


def double_quote_spans(text: str, start: int, end: int) -> list[QuoteSpan]:
    """Pair double quotation marks in one paragraph; straight, curly and mismatched marks all count.

    A mark still open at the paragraph's end yields an unclosed span to the end
    (the convention for a quotation that continues in the next paragraph).
    """
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for mark in _DOUBLE_MARK.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        if open_at is None:
            if ch in lexicon.DOUBLE_CLOSE and not _can_open(text, i, start):
                continue  # a stray closing mark
            open_at = i
        elif ch in lexicon.DOUBLE_OPEN and _can_open(text, i, start) and not _can_close(text, i, end):
            open_at = i  # the earlier mark never closed; restart here
        else:
            if i > open_at + 1:
                spans.append(QuoteSpan(open_at, i, double=True))
            open_at = None
    if open_at is not None and end - open_at > 2:
        tail = end
        while tail > open_at + 1 and text[tail - 1].isspace():
            tail -= 1
        spans.append(QuoteSpan(open_at, tail, double=True, closed=False))
    return spans


def single_quote_spans(text: str, start: int, end: int, taken: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-quoted spans outside double quotes, telling quotes from apostrophes by their neighbours."""
    spans: list[QuoteSpan] = []
    blocked = [(q.open_at, q.close_at) for q in taken]
    open_at: int | None = None
    for mark in _SINGLE_MARK.finditer(text, start, end):
        i, ch = mark.start(), mark.group()
        if any(a <= i <= b for a, b in blocked):
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if before.isalnum() and after.isalnum():
            continue  # apostrophe inside a word
        if open_at is None:
            if ch != "’" and _can_open(text, i, start):
                open_at = i
        elif _can_close(text, i, end) and ch != "‘":
            if i - open_at > 2 and i - open_at < 400:
                spans.append(QuoteSpan(open_at, i, double=False))
            open_at = None
    return spans


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation span in the text, in order."""
    found: list[QuoteSpan] = []
    for p_start, p_end in paragraph_spans(text):
        doubles = double_quote_spans(text, p_start, p_end)
        found.extend(doubles)
        found.extend(single_quote_spans(text, p_start, p_end, doubles))
    return sorted(found, key=lambda q: q.open_at)


def mask_quotes(text: str, spans: list[QuoteSpan]) -> str:
    """Text with quotation interiors blanked out (same length), so cues are only found outside quotes."""
    chars = list(text)
    for span in spans:
        for i in range(span.start, span.end):
            if chars[i] != "\n":
                chars[i] = "_"
    return "".join(chars)
