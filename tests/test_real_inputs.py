"""A folder mixing every supported format with every kind of bad input runs to completion.

Each good article arrives with clean text and its metadata; each bad input is
explained in ``rejects`` (with the line or record number where it applies); a
lightly edited copy of an article is marked as a near duplicate and counts once.
"""

import gzip
import io
import json
from pathlib import Path

import polars as pl
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from flows.ingest import MAX_FILE_BYTES
from flows.pipeline import newsfacts_flow

STORY = (
    "Flood waters rose across the Sava valley on Tuesday, forcing {n} families from their homes, "
    "officials said. “We have never seen the river this high,” said Marta Kovac, the regional "
    "civil protection chief. The agency said 40 villages had lost power and that rescue teams "
    "had reached most of them by boat. Forecasters expect more rain on Wednesday."
)


LEGACY = (
    "Café terraces stay empty as rain returns\n\n"
    "Rain returned to the valley on Thursday and café owners along the embankment said trade had fallen by 70 percent. "
    "“Nobody wants to sit by a river that nearly took their house,” said Zoran Müller’s business partner, Mira Tomas."
)
UTF16 = (
    "Power restored to most villages\n\n"
    "Electricity was restored to 35 of the 40 villages that lost power during the floods, the grid operator said on Friday.\n\n"
    "\u201cThe last five will take longer because the substations are still under water,\u201d operator spokeswoman Lena Vuk said."
)


def _html(title: str, body: str, *, charset: str = "utf-8", extra_head: str = "") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    page = f"""<!doctype html><html lang="en"><head><meta charset="{charset}"><title>{title} | Valley Times</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Valley Times">
<meta property="og:url" content="https://valleytimes.example/{title.lower().replace(' ', '-')}">
{extra_head}
<script>document.write("INJECTED SCRIPT TEXT")</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>{title}</h1><time datetime="2025-03-04T08:15:00Z">4 March 2025</time>{paragraphs}</article>
<footer>© 2025 Valley Times. All rights reserved.</footer></body></html>"""
    return page.encode(charset, errors="xmlcharrefreplace")


JSON_LD = """<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Dam operators open spillways", "datePublished": "2025-03-05T10:00:00Z",
"author": [{"@type": "Person", "name": "Ivo Petrov"}], "publisher": {"@type": "Organization", "name": "Valley Times"}}</script>"""

DAM_STORY = (
    "Operators of the Sava dam opened three spillways on Wednesday to relieve pressure on the reservoir, "
    "the state energy company said.\n\nThe company said the release would raise the river by about 30 centimetres "
    "downstream. “There is no danger to the structure,” spokesman Goran Babic told reporters.\n\n"
    "Engineers will inspect the dam again on Thursday, the company added."
)


def _warc(pages: list[tuple[str, bytes, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, payload, content_type in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers))
    return buffer.getvalue()


def _news_please(title: str, text: str, day: str) -> dict:
    return {"title": title, "maintext": text, "date_publish": f"2025-03-{day} 07:00:00",
            "source_domain": "riverpost.example", "url": f"https://riverpost.example/{day}", "authors": ["Ana Horvat"]}


@pytest.fixture(scope="module")
def mixed_folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("mixed")
    good = root / "good"
    (good / "nested" / "deeper").mkdir(parents=True)
    (good / "plain.txt").write_text("Floods force families out\n\n" + STORY.format(n=200), encoding="utf-8")
    (good / "legacy-cp1252.txt").write_bytes(LEGACY.encode("cp1252"))
    (good / "nested" / "utf16-crlf.txt").write_bytes(UTF16.replace("\n", "\r\n").encode("utf-16"))
    (good / "nested" / "page.html").write_bytes(_html("Dam operators open spillways", DAM_STORY, extra_head=JSON_LD))
    (good / "nested" / "page-latin1.htm").write_bytes(_html("Café owners count the cost", "Café owners in Brod said the flood ruined 25 kitchens, the chamber of commerce said.\n\n“Tout est perdu,” said Élodie Marin, who runs a bakery near the river. She said insurers had promised to visit within a week.", charset="iso-8859-1"))
    (good / "nested" / "deeper" / "page.html.gz").write_bytes(gzip.compress(_html("Schools close in Brod", "All 12 schools in Brod will stay closed until Monday, the mayor said on Tuesday.\n\nThe mayor said buses could not reach 5 of the town's districts.")))
    records = [
        _news_please("Army sends 300 soldiers to the valley", "The defence ministry said on Tuesday it had sent 300 soldiers to help with evacuations in the Sava valley. The soldiers will stay until the waters recede, the ministry said.", "04"),
        "{this line is broken",
        {"doc_id": "notext", "title": "a title but no text"},
        {"doc_id": "wire-7", "text": "Insurers said on Wednesday that claims from the floods could reach 90 million euros, making it the costliest disaster in the region in a decade."},
    ]
    (good / "feed.jsonl").write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n", encoding="utf-8")
    (good / "feed-more.jsonl.gz").write_bytes(gzip.compress((json.dumps(_news_please("Red Cross opens shelters", "The Red Cross said it had opened 14 shelters for people forced from their homes by the floods.", "05")) + "\n").encode()))
    (good / "record.json").write_text(json.dumps(_news_please("Bridge reopens after inspection", "The Sava bridge reopened to traffic on Thursday after engineers found no damage, the transport ministry said.", "06")), encoding="utf-8")
    (good / "crawl.warc.gz").write_bytes(_warc([
        ("https://valleytimes.example/warc-one", _html("Farmers assess damage", "Farmers in the valley said about half of the spring crop had been lost.\n\n“It will take years to recover,” said farmer Josip Novak, who lost 60 cows."), "text/html; charset=utf-8"),
        ("https://valleytimes.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
        ("https://valleytimes.example/nav-only", b"<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>", "text/html"),
    ]))
    # the same story from another feed, lightly edited (headline changed, one word fixed)
    (good / "plain-from-another-feed.txt").write_text("Families forced out by floods\n\n" + STORY.format(n=200).replace("Forecasters expect", "Forecasters are expecting"), encoding="utf-8")
    (good / "plain-exact-copy.txt").write_text("Floods force families out\n\n" + STORY.format(n=200), encoding="utf-8")

    bad = root / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (bad / "report.pdf").write_bytes(b"%PDF-1.7 not an article")
    (bad / "broken.json").write_text('{"title": "unterminated', encoding="utf-8")
    (bad / "only-ads.txt").write_text("Advertisement\n\nAlso read | Floods: what we know\n\nAdvertisement\n", encoding="utf-8")
    (bad / "nav-only.html").write_bytes(b"<html><body><nav><a href='/'>Home</a> | <a href='/a'>About</a></nav><script>alert(1)</script></body></html>")
    (bad / "truncated.warc.gz").write_bytes(_warc([("https://x.example/a", _html("Truncated", DAM_STORY), "text/html")])[:200])
    (bad / "not-gzip.jsonl.gz").write_bytes(b"this was never gzipped")
    with open(bad / "huge.txt", "wb") as handle:  # sparse: over the cap without writing 50 MB
        handle.truncate(MAX_FILE_BYTES + 1)
    return root


@pytest.fixture(scope="module")
def mixed_output(mixed_folder, tmp_path_factory, prefect_server) -> dict[str, pl.DataFrame]:
    out = tmp_path_factory.mktemp("mixed-out")
    newsfacts_flow(inputs=[str(mixed_folder)], output_dir=str(out))
    return {p.stem: pl.read_parquet(p) for p in out.glob("*.parquet")}


def _by_path(articles: pl.DataFrame) -> dict[str, dict]:
    return {row["source_path"]: row for row in articles.iter_rows(named=True)}


def test_every_good_article_arrives_with_clean_text(mixed_output):
    articles = mixed_output["articles"]
    paths = sorted(articles["source_path"])
    assert paths == sorted([
        "good/crawl.warc.gz", "good/feed-more.jsonl.gz", "good/feed.jsonl", "good/feed.jsonl", "good/legacy-cp1252.txt",
        "good/nested/deeper/page.html.gz", "good/nested/page-latin1.htm", "good/nested/page.html", "good/nested/utf16-crlf.txt",
        "good/plain-exact-copy.txt", "good/plain-from-another-feed.txt", "good/plain.txt", "good/record.json",
    ])
    for row in articles.iter_rows(named=True):
        text = row["text"]
        assert "\ufffd" not in text and "\r" not in text and "Ã" not in text, row["source_path"]
        assert "INJECTED SCRIPT TEXT" not in text and "document.write" not in text and "All rights reserved" not in text
    by_path = _by_path(articles)
    assert "“The last five will take longer" in by_path["good/nested/utf16-crlf.txt"]["text"]
    assert "“Nobody wants to sit by a river that nearly took their house,” said Zoran Müller’s" in by_path["good/legacy-cp1252.txt"]["text"]
    assert "“Tout est perdu,” said Élodie Marin" in by_path["good/nested/page-latin1.htm"]["text"]


def test_html_metadata_comes_from_opengraph_json_ld_and_time(mixed_output):
    page = _by_path(mixed_output["articles"])["good/nested/page.html"]
    assert page["title"] == "Dam operators open spillways"
    assert page["outlet"] == "Valley Times"
    assert page["url"] == "https://valleytimes.example/dam-operators-open-spillways"
    assert page["authors"] == ["Ivo Petrov"]
    assert page["published_at"].date().isoformat() == "2025-03-05"
    assert page["source_format"] == "html"
    assert page["text"].startswith("Operators of the Sava dam")  # the headline is a column, not body text
    warc = _by_path(mixed_output["articles"])["good/crawl.warc.gz"]
    assert warc["source_format"] == "warc" and warc["url"] == "https://valleytimes.example/farmers-assess-damage"  # og:url, the canonical one


def test_news_please_records_keep_their_metadata(mixed_output):
    record = _by_path(mixed_output["articles"])["good/record.json"]
    assert (record["title"], record["outlet"], record["url"], record["authors"]) == (
        "Bridge reopens after inspection", "riverpost.example", "https://riverpost.example/06", ["Ana Horvat"],
    )
    assert record["published_at"].isoformat().startswith("2025-03-06T07:00")


def test_every_bad_input_is_explained(mixed_output):
    rejects = {(r["source_path"], r["record"]): r for r in mixed_output["rejects"].iter_rows(named=True)}
    expected = {
        ("bad/empty.txt", None): "empty",
        ("bad/image.txt", None): "binary",
        ("bad/report.pdf", None): "unsupported_format",
        ("bad/broken.json", None): "malformed_json",
        ("bad/only-ads.txt", None): "only_boilerplate",
        ("bad/nav-only.html", None): "no_text",
        ("bad/truncated.warc.gz", None): "malformed_warc",
        ("bad/not-gzip.jsonl.gz", None): "malformed_gzip",
        ("bad/huge.txt", None): "too_large",
        ("good/feed.jsonl", 2): "malformed_json",
        ("good/feed.jsonl", 3): "no_text",
        ("good/crawl.warc.gz", 2): "unsupported_format",  # the PNG response
        ("good/crawl.warc.gz", 3): "no_text",  # a page with navigation only
    }
    got = {key: row["reason"] for key, row in rejects.items()}
    assert got == expected
    assert all(row["detail"] and row["stage"] in ("ingest", "normalize") for row in rejects.values())
    assert "line 2" in rejects[("good/feed.jsonl", 2)]["detail"]


def test_copies_are_marked_and_count_once(mixed_output):
    articles = mixed_output["articles"]
    by_path = _by_path(articles)
    original = by_path["good/plain-exact-copy.txt"]["article_id"]  # first in path order
    assert by_path["good/plain.txt"]["duplicate_of"] == original
    assert by_path["good/plain-from-another-feed.txt"]["duplicate_of"] == original
    copies = articles.filter(pl.col("duplicate_of").is_not_null())["article_id"]
    for table in ("quotes", "claims", "figures"):
        assert not mixed_output[table]["article_id"].is_in(copies.implode()).any(), table
    families = mixed_output["claims"].filter(pl.col("text").str.contains("forcing 200 families"))
    assert families["article_id"].n_unique() == 1
