import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from flows.ingest import NotText, decode_bytes, discover_inputs, ingest_files


def _ingest(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return ingest_files(discover_inputs([tmp_path]))


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x89PNG\x00\x00\x01rest", "binary"),
        ("notes.pdf", b"%PDF-1.4", "unsupported_format"),
        ("bad.json", b"{not json", "malformed_json"),
        ("list.json", b"[1, 2]", "not_an_object"),
        ("notext.jsonl", b'{"doc_id": "a", "title": "only a title"}\n', "no_text"),
    ],
)
def test_bad_input_becomes_a_reject_with_a_reason(tmp_path, name, data, reason):
    raw, rejects = _ingest(tmp_path, name, data)
    assert raw.height == 0
    assert rejects["reason"].to_list()[0] == reason
    assert rejects["source_path"].to_list()[0] == name
    assert rejects["detail"].to_list()[0]


def test_jsonl_rejects_only_the_malformed_line(tmp_path):
    lines = [json.dumps({"doc_id": "a", "text": "First story."}), "{broken", json.dumps({"doc_id": "b", "text": "Second story."})]
    raw, rejects = _ingest(tmp_path, "feed.jsonl", "\n".join(lines).encode())
    assert raw["source_id"].to_list() == ["a", "b"]
    assert rejects.select("reason", "record").rows() == [("malformed_json", 2)]


def test_jsonl_record_without_id_gets_stem_and_line(tmp_path):
    raw, _ = _ingest(tmp_path, "feed.jsonl", (json.dumps({"text": "A story."}) + "\n").encode())
    assert raw["source_id"].to_list() == ["feed:1"]


def test_news_please_record_metadata(tmp_path):
    record = {"title": "T", "maintext": "Body text here.", "date_publish": "2024-12-05 10:00:00", "source_domain": "example.com", "url": "https://example.com/a", "authors": ["A B"]}
    raw, _ = _ingest(tmp_path, "a.json", json.dumps(record).encode())
    row = raw.row(0, named=True)
    assert (row["source_id"], row["meta_title"], row["meta_outlet"], row["meta_authors"]) == ("a", "T", "example.com", ["A B"])


def test_newsapi_and_common_export_records_metadata(tmp_path):
    newsapi = {"source": {"id": None, "name": "BBC News"}, "author": "Jane Doe", "title": "T", "url": "https://bbc.co.uk/a",
               "publishedAt": "2026-03-10T09:30:00Z", "content": "Body text here… [+2345 chars]"}
    export = {"id": 7, "headline": "H", "body": "Body.", "date": "2026-03-10", "publisher": "The Guardian", "link": "https://g.co/a"}
    raw, rejects = _ingest(tmp_path, "feed.jsonl", (json.dumps(newsapi) + "\n" + json.dumps(export) + "\n").encode())
    assert rejects.is_empty()
    assert raw["raw_text"].to_list() == ["Body text here", "Body."]
    assert raw.select("source_id", "meta_title", "meta_outlet", "meta_published", "meta_url", "meta_authors").rows() == [
        ("feed:1", "T", "BBC News", "2026-03-10T09:30:00Z", "https://bbc.co.uk/a", ["Jane Doe"]),
        ("7", "H", "The Guardian", "2026-03-10", "https://g.co/a", []),
    ]


def test_csv_tables_are_read_row_by_row_and_bad_rows_or_tables_are_rejects(tmp_path):
    table = 'id,title,date,source,text\n1,Floods,2026-02-14,BBC News,"Homes were evacuated, officials said."\n2,Empty,2026-02-15,Reuters,\n'
    raw, rejects = _ingest(tmp_path, "arts.csv", table.encode())
    assert raw.select("source_id", "source_format", "meta_title", "meta_outlet", "meta_published").rows() == [("1", "csv", "Floods", "BBC News", "2026-02-14")]
    assert rejects.select("reason", "record").rows() == [("no_text", 2)]
    (tmp_path / "bad").mkdir()
    raw, rejects = _ingest(tmp_path / "bad", "bad.csv", b'text,title\n"unclosed,quote\n')
    assert raw.is_empty() and rejects["reason"].to_list() == ["malformed_csv"]


def test_a_response_that_wraps_its_records_is_read_record_by_record(tmp_path):
    response = {"status": "ok", "totalResults": 2, "articles": [{"title": "A", "content": "First story."}, {"title": "B", "content": "Second story."}]}
    raw, rejects = _ingest(tmp_path, "response.json", json.dumps(response).encode())
    assert rejects.is_empty() and raw.select("source_id", "meta_title").rows() == [("response:1", "A"), ("response:2", "B")]
    (tmp_path / "other").mkdir()
    raw, rejects = _ingest(tmp_path / "other", "status.json", json.dumps({"status": "ok", "articles": "none"}).encode())
    assert raw.is_empty() and rejects["reason"].to_list() == ["no_text"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("café “quoted”".encode("utf-8"), "café “quoted”"),
        ("\ufeffcafé".encode("utf-8"), "café"),
        ("café".encode("utf-16"), "café"),
        ("caf\xe9 \x93q\x94".encode("latin-1"), "café “q”"),
        (b"a\r\nb\rc", "a\nb\nc"),
        ("cafÃ©".encode("utf-8"), "café"),
        ("The minister said “we will rebuild” after the café closed".encode("cp1252"), "The minister said “we will rebuild” after the café closed"),
        ("Le ministre a déclaré à Genève qu'il partirait".encode("latin-1"), "Le ministre a déclaré à Genève qu'il partirait"),
        ("The army said it had withdrawn from the city.".encode("utf-16-le"), "The army said it had withdrawn from the city."),
    ],
)
def test_decode_handles_encodings_and_mojibake(data, expected):
    assert decode_bytes(data) == expected


def test_missing_input_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        discover_inputs([tmp_path / "nope"])


def test_hidden_files_are_skipped_and_order_is_stable(tmp_path):
    for name in ["b.txt", "a.txt", ".hidden.txt"]:
        (tmp_path / name).write_text("Some story text.")
    assert [f.relative for f in discover_inputs([tmp_path])] == ["a.txt", "b.txt"]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
@example(b"\xfe\xff\x00")  # a UTF-16 byte-order mark, then half a character
def test_decode_gives_text_or_says_it_is_not_text(data):
    try:
        text = decode_bytes(data)
    except NotText:
        return
    assert isinstance(text, str) and "\x00" not in text and "\r" not in text


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(["a.txt", "a.json", "a.jsonl", "a.csv", "a.html", "a.warc", "a.warc.gz", "a.jsonl.gz", "a.html.gz", "a.csv.gz"]))
def test_any_bytes_in_any_format_become_records_or_rejects(tmp_path_factory, data, name):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / name).write_bytes(data)
    raw, rejects = ingest_files(discover_inputs([folder]))
    assert raw.height + rejects.height >= 1
    assert rejects["reason"].null_count() == 0 and all(rejects["detail"].to_list())


# Characters of the fast path, plus ones that force ftfy to act (Latin-1 letters and symbols, a
# MacRoman continuation, controls, a ligature, a wide form, entity pieces), so both paths are drawn.
_REPAIR_ALPHABET = list("ab Z09.,;:'\"<>&#;\t\n") + ["\u00a0", "\u2013", "\u2014", "\u2015", "\u2018", "\u2019", "\u201c", "\u201d", "\u2026"] + [
    "\u00c3", "\u00a9", "\u00e2", "\u20ac", "\u2122", "\u00c2", "\u2022", "\u00c4", "\x07", "\x1b", "\ufb01", "\uff21", "amp;", "&#39;", "\u00e9",
]


_INERT = list("ab Z09.,;:'\"<>&#;\t\n") + ["\u00a0", "\u2013", "\u2014", "\u2015", "\u2018", "\u2019", "\u201c", "\u201d", "\u2026", "amp;", "&#39;"]


@settings(max_examples=500, deadline=None)
@given(st.one_of(
    st.lists(st.sampled_from(_REPAIR_ALPHABET), max_size=40).map("".join),
    st.lists(st.sampled_from(_INERT), max_size=60).map("".join),  # mostly the fast path
))
def test_repair_text_equals_ftfy_on_any_text(text):
    import ftfy

    from flows.ingest import repair_text

    for width in (True, False):
        assert repair_text(text, fix_character_width=width) == ftfy.fix_text(
            text, uncurl_quotes=False, fix_character_width=width, normalization="NFC"
        )
