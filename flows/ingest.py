"""Ingest: find input files, decode them, and emit one raw record per article (or a reject).

Supported now: ``.txt`` (one article a file, loose headers kept for normalize) and
``.jsonl`` / ``.json`` records (``{"doc_id", "text"}`` or news-please style
``title`` / ``maintext`` / ``date_publish`` / ``source_domain`` / ``url`` / ``authors``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import ftfy
import polars as pl

from flows.ids import sha256_hex
from schemas import RejectSchema

SUPPORTED_SUFFIXES = {".txt": "txt", ".jsonl": "jsonl", ".json": "json"}
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ARTICLE_CHARS = 2_000_000

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
    """A file to ingest and the root its ``source_path`` is relative to."""

    path: Path
    root: Path

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


def decode_bytes(data: bytes) -> str:
    """Decode with BOM detection, UTF-8 first, cp1252 as the fallback; repair mojibake; LF newlines."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Keep curly quotes: they carry the quote structure the extractors read.
    return ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False, normalization="NFC")


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside UTF-16 mean the file is not text."""
    return b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))


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
    text = obj.get("text") or obj.get("maintext") or obj.get("body")
    if not isinstance(text, str) or not text.strip():
        result.reject(source_path, "no_text", "record has no 'text' or 'maintext' field with article text", raw, number)
        return
    if len(text) > MAX_ARTICLE_CHARS:
        result.reject(source_path, "too_large", f"article text has {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}", raw, number)
        return
    source_id = obj.get("doc_id") or obj.get("id") or default_id
    result.records.append(
        _record(
            source_path, str(source_id), fmt, text.replace("\r\n", "\n"),
            title=obj.get("title"), published=obj.get("date_publish") or obj.get("published_at"),
            outlet=obj.get("source_domain") or obj.get("outlet"), url=obj.get("url"), authors=obj.get("authors"),
        )
    )


def read_input_file(item: InputFile) -> IngestResult:
    """Turn one file into raw records and rejects; never raises on bad content."""
    result = IngestResult()
    rel = item.relative
    fmt = SUPPORTED_SUFFIXES.get(item.path.suffix.lower())
    size = item.path.stat().st_size
    if size > MAX_FILE_BYTES:
        result.reject(rel, "too_large", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}: split it", item.path.name)
        return result
    data = item.path.read_bytes()
    if fmt is None:
        result.reject(rel, "unsupported_format", f"suffix {item.path.suffix!r} is not one of {sorted(SUPPORTED_SUFFIXES)}", data)
        return result
    if not data.strip():
        result.reject(rel, "empty", "file is empty or only whitespace", data)
        return result
    if looks_binary(data):
        result.reject(rel, "binary", "file holds binary data (NUL bytes), not text", data)
        return result
    text = decode_bytes(data)
    if fmt == "txt":
        if len(text) > MAX_ARTICLE_CHARS:
            result.reject(rel, "too_large", f"article has {len(text):,} characters; the limit is {MAX_ARTICLE_CHARS:,}", data)
        else:
            result.records.append(_record(rel, item.path.stem, fmt, text))
    elif fmt == "jsonl":
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                result.reject(rel, "malformed_json", f"line {number} is not valid JSON: {err.msg} at column {err.colno}", line, number)
                continue
            _json_record(obj, rel, f"{item.path.stem}:{number}", fmt, result, number, line)
    else:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            result.reject(rel, "malformed_json", f"not valid JSON: {err.msg} at line {err.lineno} column {err.colno}", data)
            return result
        items = obj if isinstance(obj, list) else [obj]
        for number, entry in enumerate(items, start=1):
            default_id = item.path.stem if len(items) == 1 else f"{item.path.stem}:{number}"
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
