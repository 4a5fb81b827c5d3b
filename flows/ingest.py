"""Ingest: find input files, decode them, and emit one raw record per article (or a reject).

Formats: ``.txt`` (one article a file, loose headers kept for normalize); ``.jsonl`` /
``.json`` records (``{"doc_id", "text"}`` or news-please style ``title`` / ``maintext`` /
``date_publish`` / ``source_domain`` / ``url`` / ``authors``); ``.html`` / ``.htm`` (main
text and metadata by trafilatura); ``.warc`` / ``.warc.gz`` (HTML responses, by warcio);
and ``.gz`` of any of them. Nothing here raises on bad content: every input that cannot
become an article is a reject with the line or record number where it applies.
"""

from __future__ import annotations

import configparser
import functools
import gzip
import io
import json
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import ftfy
from ftfy.chardata import HTML_ENTITY_RE
import polars as pl

from flows.ids import sha256_hex
from schemas import RejectSchema

SUPPORTED_SUFFIXES = {".txt": "txt", ".jsonl": "jsonl", ".json": "json", ".csv": "csv", ".html": "html", ".htm": "html", ".warc": "warc"}
#: Per file (after decompression) and per WARC record: bigger inputs are refused, not read.
MAX_FILE_BYTES = 50 * 1024 * 1024
#: Per article: a pathological record cannot stall the extractors.
MAX_ARTICLE_CHARS = 2_000_000
#: HTML element limit handed to trafilatura (pathologically deep or wide pages are cut).
MAX_HTML_ELEMENTS = 100_000
#: Fewer words than this from an HTML page is navigation ("Home | About"), not an article.
MIN_HTML_WORDS = 8

#: Columns of the frame handed from ingest to normalize.
RAW_COLUMNS: dict[str, pl.DataType] = {
    "source_path": pl.String,
    "source_id": pl.String,
    "source_format": pl.String,
    "raw_text": pl.String,
    "meta_title": pl.String,
    "meta_published": pl.String,
    "meta_outlet": pl.String,
    "meta_url": pl.String,
    "meta_authors": pl.List(pl.String),
}


@dataclass(frozen=True)
class InputFile:
    """A file to ingest and the root its ``source_path`` is relative to.

    A big JSONL file is read in parts: ``lines`` is then the part's byte range and
    ``first_line`` the line number it starts at, so records keep their file-wide numbers.
    """

    path: Path
    root: Path
    lines: tuple[int, int] | None = None
    first_line: int = 1

    @property
    def relative(self) -> str:
        return self.path.relative_to(self.root).as_posix()


@dataclass
class IngestResult:
    records: list[dict] = field(default_factory=list)
    rejects: list[dict] = field(default_factory=list)

    def reject(self, source_path: str, reason: str, detail: str, data: bytes | str, record: int | None = None) -> None:
        self.rejects.append(
            {
                RejectSchema.source_path: source_path,
                RejectSchema.record: record,
                RejectSchema.stage: "ingest",
                RejectSchema.reason: reason,
                RejectSchema.detail: detail,
                RejectSchema.input_sha256: sha256_hex(data),
            }
        )


def discover_inputs(inputs: list[Path]) -> list[InputFile]:
    """Expand files and folders (recursively) into a sorted, de-duplicated file list.

    A missing path is an error the user must fix, so it raises instead of rejecting.
    """
    found: dict[Path, InputFile] = {}
    for given in inputs:
        if not given.exists():
            msg = f"input not found: {given}"
            raise FileNotFoundError(msg)
        if given.is_dir():
            root = given.resolve()
            for path in sorted(root.rglob("*")):
                if path.is_file() and not any(part.startswith(".") for part in path.relative_to(root).parts):
                    found.setdefault(path, InputFile(path, root))
        else:
            path = given.resolve()
            found.setdefault(path, InputFile(path, path.parent))
    return sorted(found.values(), key=lambda f: (f.root.as_posix(), f.relative))


class NotText(ValueError):
    """The bytes are not text in any encoding we can tell."""


_WIDE = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"]


def _detect_and_decode(data: bytes) -> str:
    """Mostly-ASCII bytes that are valid cp1252 are cp1252; otherwise charset-normalizer decides.

    Statistical detection misreads short Western text (a cp1252 sentence came out as
    Baltic cp1257, another as UTF-16), while Western news in a legacy encoding is
    nearly always cp1252. Text in other scripts (cp1251, Shift-JIS) is mostly non-ASCII
    and goes to detection, told what NUL bytes imply: wide encodings with them, never without.
    """
    ascii_share = sum(b < 0x80 for b in data[:65536]) / max(1, min(len(data), 65536))
    if ascii_share >= 0.9 and b"\x00" not in data:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        best = charset_normalizer.from_bytes(data, cp_isolation=_WIDE).best()
    else:
        best = charset_normalizer.from_bytes(data, cp_exclusion=_WIDE).best()
    if best is None:
        if b"\x00" in data:
            raise NotText("no text encoding fits these bytes")
        return data.decode("cp1252", errors="replace")
    return str(best)


def decode_bytes(data: bytes) -> str:
    """Decode any common encoding, repair mojibake, and use LF newlines.

    BOMs first; then strict UTF-8 (most inputs, and the fast path); then
    charset-normalizer's detection (cp1252, latin-1, UTF-16 without BOM, ...).
    Raises ``NotText`` for binary data.
    """
    bom = "utf-32" if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) else "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else None
    if bom:
        try:
            text = data.decode(bom)
        except UnicodeDecodeError as err:
            raise NotText(f"starts with a {bom.upper()} byte-order mark but is not {bom.upper()}: {err.reason}") from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _detect_and_decode(data)
        else:
            if "\x00" in text:  # ASCII-range UTF-16 without a BOM is also valid UTF-8
                text = _detect_and_decode(data)
    if "\x00" in text:
        raise NotText("NUL characters in decoded text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return repair_text(text, fix_character_width=False)


#: Text made only of these characters is left unchanged by every ftfy fix: no Latin-1
#: letters or symbols (every UTF-8-read-as-cp1252/latin-1 mojibake has one), no MacRoman
#: continuation characters, no controls, ligatures or wide forms. The dashes, curly quotes,
#: ellipsis and no-break space that news text is full of are in; checked against ftfy itself
#: in tests/test_ingest.py.
_FTFY_INERT = re.compile("[\t\n\x20-\x7e\u00a0\u2013\u2014\u2015\u2018\u2019\u201c\u201d\u2026]*")


def repair_text(text: str, *, fix_character_width: bool = True) -> str:
    """ftfy's repairs (mojibake, entities, controls, NFC), skipped where they cannot change anything.

    ftfy costs ~2.7 ms per article, most of the ingest stage; the check costs microseconds.
    Curly quotes are kept: they carry the quote structure the extractors read.
    """
    if _inert(text):
        return text
    # ftfy fixes a text line by line, each line with its newline; a line with "<" turns HTML unescaping off
    # for the lines after it. So only the lines it can change need it: an accented name costs its line.
    repaired: list[str] = []
    markup_seen = False
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        line = text[start:end]
        repaired.append(line if _inert(line) else ftfy.fix_text(
            line, uncurl_quotes=False, fix_character_width=fix_character_width, normalization="NFC",
            unescape_html=False if markup_seen else "auto",
        ))
        markup_seen = markup_seen or "<" in line
        start = end
    return "".join(repaired)


def _inert(text: str) -> bool:
    return _FTFY_INERT.fullmatch(text) is not None and not HTML_ENTITY_RE.search(text)


def _record(source_path: str, source_id: str, source_format: str, text: str, **meta: object) -> dict:
    authors = meta.get("authors")
    if isinstance(authors, str):
        authors = [authors]
    return {
        "source_path": source_path,
        "source_id": source_id,
        "source_format": source_format,
        "raw_text": text,
        "meta_title": _str_or_none(meta.get("title")),
        "meta_published": _str_or_none(meta.get("published")),
        "meta_outlet": _str_or_none(meta.get("outlet")),
        "meta_url": _str_or_none(meta.get("url")),
        "meta_authors": [str(a) for a in authors] if isinstance(authors, list) else [],
    }


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _json_record(obj: object, source_path: str, default_id: str, fmt: str, result: IngestResult, number: int | None, raw: str) -> None:
    if not isinstance(obj, dict):
        result.reject(source_path, "not_an_object", f"record {number or 1} is JSON but not an object; expected {{\"doc_id\", \"text\"}} or a news-please record", raw, number)
        return
    text = _field(obj, _TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        result.reject(source_path, "no_text", f"record has no field with article text (one of {', '.join(_TEXT_FIELDS)})", raw, number)
        return
    if len(text) > MAX_ARTICLE_CHARS:
        result.reject(source_path, "too_large", f"article text has {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}", raw, number)
        return
    text = _TRUNCATION_MARK.sub("", text)  # NewsAPI cuts "content" and says how much is missing: "… [+1234 chars]"
    source_id = _field(obj, ("doc_id", "id", "uuid")) or default_id
    outlet = _field(obj, _OUTLET_FIELDS)
    if isinstance(outlet, dict):  # NewsAPI: "source": {"id": ..., "name": "BBC News"}
        outlet = outlet.get("name")
    result.records.append(
        _record(
            source_path, str(source_id), fmt, text.replace("\r\n", "\n"),
            title=_field(obj, ("title", "headline")), published=_field(obj, _PUBLISHED_FIELDS),
            outlet=outlet, url=_field(obj, ("url", "link")), authors=_field(obj, ("authors", "author", "byline")),
        )
    )


#: Field names of JSON records, first found wins: this project's ``{"doc_id", "text"}``, news-please's
#: (``maintext``, ``date_publish``, ``source_domain``), NewsAPI's (``content``, ``publishedAt``, ``source.name``) and
#: common export names.
_TRUNCATION_MARK = re.compile(r"\s*…?\s*\[\+\d+ chars\]\s*$")
_TEXT_FIELDS = ("text", "maintext", "body", "content", "article", "article_text", "full_text")
_PUBLISHED_FIELDS = ("date_publish", "published_at", "publishedAt", "published", "pubDate", "date", "datetime")
_OUTLET_FIELDS = ("source_domain", "outlet", "publisher", "site_name", "source")


def _csv_records(text: str, source_path: str, stem: str, result: IngestResult) -> None:
    """A table of articles, one a row, its columns named as JSON records' fields (text or body, title, date ...)."""
    try:
        rows = pl.read_csv(io.StringIO(text), infer_schema=False, truncate_ragged_lines=False).to_dicts()
    except (pl.exceptions.PolarsError, ValueError) as err:
        result.reject(source_path, "malformed_csv", f"not a readable CSV table with a header row: {(str(err).splitlines() or [type(err).__name__])[0]}", text)
        return
    if not rows:
        result.reject(source_path, "no_text", "CSV table has a header row but no rows", text)
        return
    for number, row in enumerate(rows, start=1):  # the n-th data row (a quoted field may span lines)
        _json_record(row, source_path, f"{stem}:{number}", "csv", result, number, json.dumps(row, sort_keys=True))


def _wrapped_records(obj: object) -> list | None:
    """The records of an API response or export that wraps them: NewsAPI's {"status", "articles": [...]}, or
    "items", "data", "results", "records"; None when ``obj`` is itself a record."""
    if not isinstance(obj, dict) or _field(obj, _TEXT_FIELDS) is not None:
        return None
    return next((obj[key] for key in ("articles", "items", "data", "results", "records") if isinstance(obj.get(key), list)), None)


def _field(obj: dict, names: tuple[str, ...]) -> object:
    return next((obj[name] for name in names if obj.get(name)), None)


@functools.cache
def _trafilatura_config() -> configparser.ConfigParser:
    """trafilatura's defaults with an element cap, so a pathological page cannot stall a batch."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_HTML_ELEMENTS))
    # below this, trafilatura falls back to whole-page text (headline, <time> text, one line): news briefs are short
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "25")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    return config


def _html_record(data: bytes, source_path: str, source_id: str, fmt: str, result: IngestResult, number: int | None, url: str | None = None) -> None:
    """Main text and metadata (OpenGraph, JSON-LD, <time>) of one HTML page; scripts never run."""
    import trafilatura

    if b"\x00" in data[:8192]:
        result.reject(source_path, "binary", "HTML record holds binary data (NUL bytes)", data, number)
        return
    try:
        doc = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False, include_tables=False, config=_trafilatura_config(),
        )
    except Exception as err:  # noqa: BLE001 - a parser failure on one page must not stop the run
        result.reject(source_path, "malformed_html", f"HTML could not be parsed: {type(err).__name__}: {err}"[:300], data, number)
        return
    text = (doc.text or "").strip() if doc is not None else ""
    if len(text.split()) < MIN_HTML_WORDS:
        result.reject(source_path, "no_text", "HTML page has no article text (only navigation, boilerplate or scripts)", data, number)
        return
    if len(text) > MAX_ARTICLE_CHARS:
        result.reject(source_path, "too_large", f"article text has {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}", data, number)
        return
    # trafilatura gives one block a line; the normalizer reads blank lines as paragraph breaks
    body = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    result.records.append(
        _record(
            source_path, source_id, fmt, repair_text(body),
            title=doc.title, published=doc.date, outlet=doc.sitename or doc.hostname, url=doc.url or url,
            authors=[a.strip() for a in (doc.author or "").split(";") if a.strip()],
        )
    )


def _read_warc(stream: io.BufferedIOBase, source_path: str, result: IngestResult) -> None:
    """HTML responses of a WARC file (gzipped or not); one bad record rejects that record only."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = responses = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if record.rec_type != "response":
                continue
            responses += 1
            record_id = record.rec_headers.get_header("WARC-Record-ID") or f"{Path(source_path).name}:{number}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or ""
            payload = record.content_stream().read(MAX_FILE_BYTES + 1)
            if "html" not in content_type.lower():
                result.reject(source_path, "unsupported_format", f"WARC response for {url} is {content_type or 'untyped'}, not HTML", payload, number)
            elif len(payload) > MAX_FILE_BYTES:
                result.reject(source_path, "too_large", f"WARC record for {url} is over {MAX_FILE_BYTES:,} bytes", payload[:65536], number)
            elif not payload.strip():
                result.reject(source_path, "empty", f"WARC response for {url} has an empty body", payload, number)
            else:
                _html_record(payload, source_path, record_id.strip("<>"), "warc", result, number, url)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as err:
        result.reject(source_path, "malformed_warc", f"WARC unreadable from record {number + 1} on: {err}"[:300], source_path, number + 1)
        return
    if number == 0:
        result.reject(source_path, "malformed_warc", "no WARC record could be read: empty, truncated or not a WARC file", source_path)
    elif responses == 0:
        result.reject(source_path, "no_text", f"WARC file holds no HTTP responses ({number} records)", source_path)


def _gunzip(data: bytes) -> bytes:
    """Decompress at most MAX_FILE_BYTES + 1 bytes, so a gzip bomb stays small."""
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def _stem(path: Path, gzipped: bool) -> str:
    return Path(path.name[:-3] if gzipped else path.name).stem


class _ByteRange(io.RawIOBase):
    """``readline`` over bytes [start, end) of a file, for reading a part of a JSONL file."""

    def __init__(self, handle: io.BufferedIOBase, start: int, end: int) -> None:
        handle.seek(start)
        self._handle, self._left = handle, end - start

    def readline(self, size: int | None = -1) -> bytes:
        limit = self._left if size is None or size < 0 else min(size, self._left)
        line = self._handle.readline(limit) if limit > 0 else b""
        self._left -= len(line)
        return line


def _read_jsonl(stream: io.BufferedIOBase, source_path: str, stem: str, result: IngestResult, first_line: int = 1) -> None:
    """One record a line; a bad line rejects that line only. Lines are read with a size bound."""
    number, content_lines = first_line - 1, 0
    while line := stream.readline(MAX_FILE_BYTES + 1):
        number += 1
        content_lines += bool(line.strip())
        if len(line) > MAX_FILE_BYTES:
            result.reject(source_path, "too_large", f"line {number} is over {MAX_FILE_BYTES:,} bytes", line[:65536], number)
            while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                line = stream.readline(MAX_FILE_BYTES)
            continue
        if not line.strip():
            continue
        try:
            text = decode_bytes(line)
            obj = json.loads(text)
        except NotText:
            result.reject(source_path, "binary", f"line {number} holds binary data, not text", line, number)
            continue
        except json.JSONDecodeError as err:
            result.reject(source_path, "malformed_json", f"line {number} is not valid JSON: {err.msg} at column {err.colno}", line, number)
            continue
        _json_record(obj, source_path, f"{stem}:{number}", "jsonl", result, number, text)
    if content_lines == 0 and first_line == 1 and not isinstance(stream, _ByteRange):
        result.reject(source_path, "empty", "file is empty or only whitespace", b"")


def input_format(path: Path) -> tuple[str | None, bool]:
    """(format, gzipped) from the file name: ``feed.jsonl.gz`` -> ("jsonl", True)."""
    name = path.name.lower()
    gzipped = name.endswith(".gz")
    inner = Path(name[:-3] if gzipped else name)
    return SUPPORTED_SUFFIXES.get(inner.suffix), gzipped


def read_input_file(item: InputFile) -> IngestResult:
    """Turn one file into raw records and rejects; never raises on bad content."""
    result = IngestResult()
    rel = item.relative
    fmt, gzipped = input_format(item.path)
    if fmt is None:
        result.reject(rel, "unsupported_format", f"{item.path.name!r} is not one of {sorted(SUPPORTED_SUFFIXES)} (optionally .gz)", item.path.name)
        return result
    if fmt == "warc":  # streamed record by record: archives may be far bigger than memory
        with open(item.path, "rb") as stream:
            _read_warc(stream, rel, result)
        return result
    if fmt == "jsonl" and item.lines is not None:  # one part of a big file (see flows.batches)
        with open(item.path, "rb") as handle:
            _read_jsonl(_ByteRange(handle, *item.lines), rel, _stem(item.path, gzipped), result, item.first_line)
        return result
    if fmt == "jsonl":  # streamed line by line, for the same reason
        try:
            with (gzip.open if gzipped else open)(item.path, "rb") as stream:
                _read_jsonl(stream, rel, _stem(item.path, gzipped), result)
        except (OSError, EOFError, zlib.error) as err:
            result.reject(rel, "malformed_gzip", f"not a readable gzip file: {err}", item.path.name)
        return result
    size = item.path.stat().st_size
    if size > MAX_FILE_BYTES:
        result.reject(rel, "too_large", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}: split it", item.path.name)
        return result
    data = item.path.read_bytes()
    if gzipped:
        try:
            data = _gunzip(data)
        except (OSError, EOFError, zlib.error) as err:
            result.reject(rel, "malformed_gzip", f"not a readable gzip file: {err}", data)
            return result
        if len(data) > MAX_FILE_BYTES:
            result.reject(rel, "too_large", f"decompressed content is over {MAX_FILE_BYTES:,} bytes: split it", item.path.name)
            return result
    stem = _stem(item.path, gzipped)
    if not data.strip():
        result.reject(rel, "empty", "file is empty or only whitespace", data)
        return result
    if fmt == "html":
        _html_record(data, rel, stem, fmt, result, None)
        return result
    try:
        text = decode_bytes(data)
    except NotText:
        result.reject(rel, "binary", "file holds binary data, not text in any known encoding", data)
        return result
    if fmt == "csv":
        _csv_records(text, rel, stem, result)
        return result
    if fmt == "txt":
        if len(text) > MAX_ARTICLE_CHARS:
            result.reject(rel, "too_large", f"article has {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}", data)
        else:
            result.records.append(_record(rel, stem, fmt, text))
    else:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            result.reject(rel, "malformed_json", f"not valid JSON: {err.msg} at line {err.lineno} column {err.colno}", data)
            return result
        items = obj if isinstance(obj, list) else _wrapped_records(obj) or [obj]
        for number, entry in enumerate(items, start=1):
            default_id = stem if len(items) == 1 else f"{stem}:{number}"
            _json_record(entry, rel, default_id, fmt, result, number if len(items) > 1 else None, json.dumps(entry, sort_keys=True))
    return result


def ingest_files(files: list[InputFile]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Raw records and rejects for a batch of files."""
    records: list[dict] = []
    rejects: list[dict] = []
    for item in files:
        result = read_input_file(item)
        records.extend(result.records)
        rejects.extend(result.rejects)
    raw = pl.DataFrame(records, schema=RAW_COLUMNS)
    rejected = pl.DataFrame(rejects, schema=RejectSchema.empty().schema) if rejects else RejectSchema.empty()
    return raw, rejected
