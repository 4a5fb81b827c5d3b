from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.dedupe import mark_duplicates
from flows.normalize import normalize_articles, parse_article
from flows.ingest import RAW_COLUMNS

import polars as pl


@pytest.mark.parametrize(
    ("raw", "field", "expected"),
    [
        (" date 2024-12-05 Damascus\n\nBody sentence one.", "dateline", "Damascus"),
        (" date 2024-12-05 Damascus\n\nBody sentence one.", "published_at", datetime(2024, 12, 5, tzinfo=timezone.utc)),
        (" date 2024-12-06 Hama city falls to rebels\n\nBody.", "title", "Hama city falls to rebels"),
        ("2024-12-06 15:00:03 - From: Middle East Eye\n\nBody.", "outlet", "Middle East Eye"),
        ("2024-12-06 15:00:03 - From: Middle East Eye\n\nBody.", "published_at", datetime(2024, 12, 6, 15, 0, 3, tzinfo=timezone.utc)),
        ("Title here\n\nAlex MacDonald Thu, 12/05/2024\n\nBody.", "authors", ["Alex MacDonald"]),
        ("A Title\n\nA Title\n\nHAMA\n\nBody text.", "dateline", "HAMA"),
        ("Story body.\n\nReuters/AP/AFP", "wire_credits", ["Reuters", "AP", "AFP"]),
        ("Title: Floods hit the north\nDate: 2026-02-14\nSource: BBC News\n\nBody.", "title", "Floods hit the north"),
        ("Title: Floods hit the north\nDate: 2026-02-14\nSource: BBC News\n\nBody.", "outlet", "BBC News"),
        ("Title: Floods hit the north\nDate: 2026-02-14\nSource: BBC News\n\nBody.", "published_at", datetime(2026, 2, 14, tzinfo=timezone.utc)),
        ("Headline: Floods\nPublished: 2026-02-14T09:30:00Z\n\nBody.", "published_at", datetime(2026, 2, 14, 9, 30, tzinfo=timezone.utc)),
        ("Author: Jane Doe and John Roe\nURL: https://example.com/a\n\nBody.", "authors", ["Jane Doe", "John Roe"]),
        ("Author: Jane Doe and John Roe\nURL: https://example.com/a\n\nBody.", "url", "https://example.com/a"),
        ("Title: Floods\n\nBody.", "text", "Body."),
        ("Date: not a date\n\nBody.", "published_at", None),
        ("Source: the ministry said it would act on the floods at once.\n\nBody.", "outlet", None),
        ("WASHINGTON — The Senate voted on Tuesday.", "dateline", "WASHINGTON"),
        ("NEW YORK, June 5 - Stocks fell.", "dateline", "NEW YORK"),
        ("LONDON, April 3 (Reuters) - Oil prices rose on Monday.", "dateline", "LONDON"),
        ("LONDON, April 3 (Reuters) - Oil prices rose on Monday.", "wire_credits", ["Reuters"]),
        ("LONDON, April 3 (Reuters) - Oil prices rose on Monday.", "text", "LONDON, April 3 (Reuters) - Oil prices rose on Monday."),
        ("GAZA CITY (AP) — Strikes hit the city.", "dateline", "GAZA CITY"),
        ("US - China talks resumed today in Geneva.", "dateline", None),
        ("JERUSALEM - The death toll has passed 30,000.", "dateline", "JERUSALEM"),
        ("Khartoum (AFP) – An attack has killed more than 100 people.", "dateline", "Khartoum"),
        ("NEW DELHI, Jun 3 (PTI) Congress leader Jairam Ramesh on Monday slammed the Centre.", "dateline", "NEW DELHI"),
        ("NEW DELHI, Jun 3 (PTI) Congress leader Jairam Ramesh on Monday slammed the Centre.", "wire_credits", ["PTI"]),
        ("Khartoum (AFP) – An attack has killed more than 100 people.", "wire_credits", ["AFP"]),
        ("Gaza City - An attack has killed more than 100 people.", "dateline", None),
        ("Strikes kill 11\n\nPublished On 25 May 2026\n\nAt least 11 people were killed.", "published_at", datetime(2026, 5, 25, tzinfo=timezone.utc)),
        ("Tesla cuts prices\n\nMarch 12, 2026\n\nTesla has cut prices.", "published_at", datetime(2026, 3, 12, tzinfo=timezone.utc)),
        ("Tesla cuts prices\n\nThu, 12 March 2026 09:30 GMT\n\nTesla has cut prices.", "published_at", datetime(2026, 3, 12, tzinfo=timezone.utc)),
        ("Tesla cuts prices\n\nMarch 12, 2026\n\nTesla has cut prices.", "text", "Tesla has cut prices."),
        ("Tesla cuts prices\n\nMarch 12, 2026\n\nTesla has cut prices.", "published_precision", "date"),
        ("Tesla has cut prices.\n\nMarch 12, 2026", "text", "Tesla has cut prices.\n\nMarch 12, 2026"),
        ("SAN JOSE, Calif., March 12, 2026 /PRNewswire/ -- Acme Robotics today announced funding.", "dateline", "SAN JOSE"),
        ("SAN JOSE, Calif., March 12, 2026 /PRNewswire/ -- Acme Robotics today announced funding.", "published_at", datetime(2026, 3, 12, tzinfo=timezone.utc)),
    ],
)
def test_header_fields_move_into_columns(raw, field, expected):
    assert getattr(parse_article(raw), field) == expected


@pytest.mark.parametrize(
    "noise",
    [
        "Advertisment", "Advertisement", "Also read | Another story", "Also watch | A video", "Disclaimer: we cannot verify.",
        "(With inputs from agencies)", "This is a developing story ...", "In short:", "Share\n\nTweet\n\nWhatsApp",
        "Photo: Smoke rises over Rafah after a strike. (AFP)", "Rescuers search the rubble. (Photo by Omar Haj Kadour/AFP via Getty Images)",
        "(Reporting by Nidal al-Mughrabi in Cairo; Editing by Andrew Heavens)", "Related Articles\n- Israel says the operation will go on\n- Aid trucks stuck",
        "4 min read",
    ],
)
def test_boilerplate_lines_leave_the_body(noise):
    text = parse_article(f"First sentence.\n\n{noise}\n\nSecond sentence.").text
    assert text == "First sentence.\n\nSecond sentence."


def test_a_reporting_credit_names_the_authors():
    article = parse_article("First sentence.\n\n(Reporting by Nidal al-Mughrabi in Cairo and Maayan Lubell in Jerusalem; Editing by Andrew Heavens)")
    assert article.authors == ["Nidal al-Mughrabi", "Maayan Lubell"]


def test_a_list_after_a_paragraph_that_is_no_related_heading_is_kept():
    text = "Talks resumed in Cairo on Monday after a week of strikes on the city.\n\nThe demands were:\n- a ceasefire\n- aid"
    assert parse_article(text).text.endswith("The demands were:\n\n- a ceasefire\n\n- aid")


def test_body_starting_on_the_date_line_is_kept():
    raw = " date 2024-12-05 Syrian rebels captured the city of Hama on Thursday after a lightning offensive, marking another victory.\n\nMore."
    article = parse_article(raw)
    assert article.text.startswith("Syrian rebels captured the city")
    assert article.title is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Big headline here\n\nHe raised pay for the\ncounteroffensive.", "He raised pay for the counteroffensive."),
        ("Big headline here\n\nFirst paragraph.\nA subhead\nThe next paragraph.", "First paragraph.\n\nA subhead\n\nThe next paragraph."),
        ("Title of the story\n\nBody ends here.Title of the story", "Body ends here."),
        ("Words   with  \t spaces.", "Words with spaces."),
        ("Big headline here\n\n''It is over,'' he said.", '"It is over," he said.'),
        ("Big headline here\n\n``It is over,'' he said of the '80s.", '"It is over," he said of the \'80s.'),
    ],
)
def test_spacing_repairs(raw, expected):
    assert parse_article(raw).text == expected


def test_subheads_stay_in_the_text():
    raw = "Headline words here\n\nFirst paragraph.\n\nChinese embassy tells citizens to leave\n\nSecond paragraph."
    assert "Chinese embassy tells citizens to leave" in parse_article(raw).text


def test_only_boilerplate_is_rejected():
    raw = pl.DataFrame([{"source_path": "x.txt", "source_id": "x", "source_format": "txt", "raw_text": "Advertisment\n\nReuters/AP", "meta_title": None, "meta_published": None, "meta_outlet": None, "meta_url": None, "meta_authors": []}], schema=RAW_COLUMNS)
    articles, rejects = normalize_articles(raw)
    assert articles.height == 0
    assert rejects["reason"].to_list() == ["only_boilerplate"]


def test_exact_duplicates_point_at_the_first_copy():
    row = {"source_format": "txt", "raw_text": "Same story text.", "meta_title": None, "meta_published": None, "meta_outlet": None, "meta_url": None, "meta_authors": []}
    raw = pl.DataFrame([{**row, "source_path": "b.txt", "source_id": "b"}, {**row, "source_path": "a.txt", "source_id": "a"}], schema=RAW_COLUMNS)
    articles = mark_duplicates(normalize_articles(raw)[0])
    first, copy = articles.rows(named=True)
    assert first["source_id"] == "a" and first["duplicate_of"] is None
    assert copy["duplicate_of"] == first["article_id"] and copy["article_id"] != first["article_id"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=500))
def test_parse_never_raises_and_keeps_no_blank_paragraphs(raw):
    text = parse_article(raw).text
    assert "\n\n\n" not in text
    assert text == text.strip() or text == ""


def test_a_single_line_record_is_body_not_title():
    article = parse_article("Officials said 12 people were killed on the road")
    assert (article.text, article.title) == ("Officials said 12 people were killed on the road", None)


@given(st.text(alphabet=st.sampled_from(list("ab \t\u00a0\u2009\u200a\u202f\n'`\"")), max_size=60))
def test_spacing_is_collapsed_line_by_line_as_a_plain_collapse_would(text):
    """Lines are cleaned in one pass over the text: the same lines as collapsing every run of spaces, tabs and
    no-break or thin spaces into one space, line by line."""
    import re

    from flows.normalize import _DOUBLED_MARK, _clean_lines

    every_run = re.compile(r"[ \t\u00a0\u2009\u200a\u202f]+")
    assert _clean_lines(text) == [_DOUBLED_MARK.sub('"', every_run.sub(" ", line)).strip() for line in text.split("\n")]


@given(st.text(alphabet=st.sampled_from(list("ab '`\"\n")), max_size=40))
def test_doubled_marks_are_the_pairs_with_no_mark_on_either_side(text):
    """Two apostrophes or backticks, not part of a longer run, become one double mark."""
    import re

    from flows.normalize import _DOUBLED_MARK

    plain = re.compile(r"(?<!['`])(?:''|``)(?!['`])")
    assert _DOUBLED_MARK.sub('"', text) == plain.sub('"', text)
