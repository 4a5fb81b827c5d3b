"""Normalize: raw records -> articles with clean body text and metadata in their own columns.

Feed headers, bylines, datelines, repeated titles, adverts, cross-links,
disclaimers and wire-credit lines leave the body; every sentence of the story stays.
Paragraphs are separated by one blank line; hard-wrapped lines are re-joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone

import polars as pl
from dateutil import parser as date_parser

from flows import lexicon
from flows.ids import sha256_hex, stable_id
from schemas import ArticleSchema, RejectSchema

_TERMINAL = tuple('.!?:;"”’\')]…')


@dataclass
class ParsedArticle:
    text: str
    title: str | None = None
    published_at: datetime | None = None
    published_precision: str | None = None
    outlet: str | None = None
    url: str | None = None
    dateline: str | None = None
    authors: list[str] = field(default_factory=list)
    wire_credits: list[str] = field(default_factory=list)


#: Two apostrophes (or backticks) standing for one double quotation mark, as in NYT and
#: Penn Treebank text: ''Yes,'' he said. Made one mark so the quote finder sees a pair.
#: The pair comes first in the pattern (the lookbehind checks the character before it), so the engine skips
#: to candidate marks instead of testing a lookbehind at every character: 3-4x faster.
_DOUBLED_MARK = re.compile(r"(?:''|``)(?<!['`]..)(?!['`])")


#: Runs of spaces, tabs and no-break or thin spaces become one space. The pattern skips a lone plain
#: space, which would be replaced by itself: rewriting every space of a text costs most of normalizing.
_SPACING = re.compile(r" [ \t\u00a0\u2009\u200a\u202f]+|[\t\u00a0\u2009\u200a\u202f][ \t\u00a0\u2009\u200a\u202f]*")


def _clean_spacing(text: str) -> str:
    return _DOUBLED_MARK.sub('"', _SPACING.sub(" ", text))


def _clean_line(line: str) -> str:
    return _clean_spacing(line).strip()


def _clean_lines(text: str) -> list[str]:
    """``_clean_line`` of every line; the substitutions run once over the text (neither crosses a newline)."""
    return [line.strip() for line in _clean_spacing(text).split("\n")]


def _date_only(value: str) -> datetime | None:
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def parse_timestamp(value: str | None) -> tuple[datetime | None, str | None]:
    """Parse a metadata timestamp to UTC with its precision; unparseable values give (None, None)."""
    if not value:
        return None, None
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return _date_only(text), "date"
    try:
        stamp = date_parser.isoparse(text)
    except ValueError:
        try:
            stamp = date_parser.parse(text)
        except (ValueError, OverflowError):
            return None, None
    stamp = stamp.replace(tzinfo=timezone.utc) if stamp.tzinfo is None else stamp.astimezone(timezone.utc)
    return stamp, "datetime" if re.search(r"\d[:.]\d\d", text) else "date"  # "March 12, 2026" names a day, not midnight


def _split_names(names: str) -> list[str]:
    return [n.strip() for n in re.split(r"\s*(?:,|\band\b)\s*", names) if n.strip()]


def _is_body_sentence(text: str) -> bool:
    return len(text.split()) >= 12 and text.endswith(_TERMINAL)


def _is_title_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 25 and not text.endswith((".", ",", ";"))


def _is_dateline(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not text.endswith(_TERMINAL)
    )


def _parse_header(lines: list[str], article: ParsedArticle) -> int:
    """Consume header lines at the top; return the index of the first body line."""
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line:
            index += 1
            continue
        if match := lexicon.DATE_HEADER.match(line):
            article.published_at, article.published_precision = _date_only(match.group(1)), "date"
            rest = _clean_line(match.group(2))
            if rest and _is_body_sentence(rest):
                lines[index] = rest
                return index
            if rest and _is_dateline(rest) and not article.dateline:
                article.dateline = rest
            elif rest and not article.title:
                article.title = rest
        elif (match := lexicon.FIELD_HEADER.match(line)) and _take_field(article, match.group(1), match.group(2)):
            pass
        elif (match := lexicon.DATE_ONLY_LINE.match(line)) and article.published_at is None and _take_field(article, "date", match.group("date")):
            pass
        elif match := lexicon.FEED_HEADER.match(line):
            stamp, _ = parse_timestamp(f"{match.group(1)}T{match.group(2)}")
            article.published_at, article.published_precision = stamp, "datetime"
            if match.group(3):
                article.outlet = _clean_line(match.group(3))
        elif match := lexicon.BYLINE_WITH_DATE.match(line):
            article.authors = _split_names(match.group("names"))
            if article.published_at is None:
                stamp = date_parser.parse(match.group("date")).replace(tzinfo=timezone.utc)
                article.published_at, article.published_precision = stamp, "date"
        elif match := lexicon.BYLINE.match(line):
            article.authors = _split_names(match.group("names"))
        elif article.title and line == article.title:
            pass  # a repeated title
        elif lexicon.DATELINE_LINE.match(line) and line.isupper() and not article.dateline:
            article.dateline = line.strip(" -—–:")
        elif not article.title and index == _first_nonblank(lines) and _is_title_like(line):
            article.title = line
        else:
            return index
        index += 1
    return index


def _take_field(article: ParsedArticle, label: str, value: str) -> bool:
    """Fill the column a labelled header line names; False (a body line) when its value does not fit it."""
    column = lexicon.HEADER_FIELDS[re.sub(r"\s+", " ", label.lower())]
    if column == "published_at":
        stamp, precision = parse_timestamp(value)
        if stamp is None:
            return False
        article.published_at, article.published_precision = stamp, precision
    elif column == "authors":
        article.authors = _split_names(re.sub(r"^[Bb]y\s+", "", value))
    elif column == "url":
        if not re.match(r"https?://\S+$", value):
            return False
        article.url = value
    elif column == "outlet" and (len(value.split()) > 8 or value.endswith(".")):
        return False  # "Source: the ministry said ...": a sentence, not a publisher
    else:
        setattr(article, column, _clean_line(value))
    return True


def _first_nonblank(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line), 0)


def _wire_credits(line: str) -> list[str] | None:
    match = lexicon.WIRE_CREDIT_LINE.match(line)
    if not match:
        return None
    parts = re.split(r"\s*(?:/|,|\band\b|&)\s*", match.group(1), flags=re.IGNORECASE)
    return [lexicon.WIRE_AGENCIES[p.lower()] for p in parts if p.lower() in lexicon.WIRE_AGENCIES]


def parse_article(raw_text: str) -> ParsedArticle:
    """Split a raw article into body text and header metadata."""
    lines = _clean_lines(raw_text)
    article = ParsedArticle(text="")
    start = _parse_header(lines, article)
    paragraphs: list[str] = []
    current: str | None = None
    related_links = False  # inside a list of links to other stories
    for line in lines[start:]:
        if article.title and line.endswith(article.title) and line != article.title:
            line = line[: -len(article.title)].rstrip()  # a title glued to the last sentence
        credits = _wire_credits(line) if line else None
        if line:
            related_links = bool(lexicon.RELATED_HEADING.match(line)) or (related_links and bool(lexicon.LIST_ITEM.match(line)))
        reporters = lexicon.REPORTING_CREDIT_LINE.match(line) if line else None
        if reporters and not article.authors:
            article.authors = [re.sub(r"\s+in\s+[A-Z][\w .-]*$", "", name) for name in _split_names(reporters.group("names"))]
        if not line or credits is not None or reporters or related_links or lexicon.BOILERPLATE_LINE.match(line) or line == article.title:
            if credits:
                article.wire_credits.extend(c for c in credits if c not in article.wire_credits)
            if current is not None:
                paragraphs.append(current)
                current = None
            continue
        if current is not None and not current.endswith(_TERMINAL) and line[:1].islower():
            current = f"{current} {line}"  # a hard-wrapped sentence
        else:
            if current is not None:
                paragraphs.append(current)
            current = line
    if current is not None:
        paragraphs.append(current)
    if not paragraphs and article.title:
        # a one-line record is a story, not a headline without a body
        paragraphs, article.title = [article.title], None
    if paragraphs and not article.dateline and (inline := lexicon.INLINE_DATELINE.match(paragraphs[0])):
        # the place and agency move into their columns; the sentence keeps them, it is the story's own text
        article.dateline = inline.group("place") or inline.group("place2") or inline.group("place3")
        if inline.group("released") and article.published_at is None:  # a press release's date is its publication's
            article.published_at, article.published_precision = parse_timestamp(inline.group("released"))
        agency = lexicon.WIRE_AGENCIES.get((inline.group("agency") or inline.group("agency2") or "").lower())
        if agency and agency not in article.wire_credits:
            article.wire_credits.append(agency)
    article.text = "\n\n".join(paragraphs)
    return article


def normalize_articles(raw: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Articles (one row per record with body text) and rejects for records with no story left."""
    rows: list[dict] = []
    rejects: list[dict] = []
    for record in raw.iter_rows(named=True):
        parsed = parse_article(record["raw_text"])
        if not parsed.text.strip():
            rejects.append(
                {
                    RejectSchema.source_path: record["source_path"],
                    RejectSchema.record: _record_number(record["source_id"]),
                    RejectSchema.stage: "normalize",
                    RejectSchema.reason: "only_boilerplate",
                    RejectSchema.detail: "nothing but headers, adverts or credits is left after cleaning",
                    RejectSchema.input_sha256: sha256_hex(record["raw_text"]),
                }
            )
            continue
        meta_published, meta_precision = parse_timestamp(record["meta_published"])
        rows.append(
            {
                ArticleSchema.article_id: stable_id(parsed.text),
                ArticleSchema.source_path: record["source_path"],
                ArticleSchema.source_id: record["source_id"],
                ArticleSchema.source_format: record["source_format"],
                ArticleSchema.outlet: record["meta_outlet"] or parsed.outlet,
                ArticleSchema.url: record["meta_url"] or parsed.url,
                ArticleSchema.title: record["meta_title"] or parsed.title,
                ArticleSchema.authors: record["meta_authors"] or parsed.authors,
                ArticleSchema.published_at: meta_published or parsed.published_at,
                ArticleSchema.published_precision: meta_precision or parsed.published_precision,
                ArticleSchema.dateline: parsed.dateline,
                ArticleSchema.language: None,
                ArticleSchema.text: parsed.text,
                ArticleSchema.word_count: len(parsed.text.split()),
                ArticleSchema.content_sha256: sha256_hex(parsed.text),
                ArticleSchema.duplicate_of: None,
                ArticleSchema.wire_credits: parsed.wire_credits,
            }
        )
    articles = pl.DataFrame(rows, schema=ArticleSchema.empty().schema) if rows else ArticleSchema.empty()
    rejected = pl.DataFrame(rejects, schema=RejectSchema.empty().schema) if rejects else RejectSchema.empty()
    return articles, rejected


def _record_number(source_id: str) -> int | None:
    match = re.search(r":(\d+)$", source_id)
    return int(match.group(1)) if match else None
