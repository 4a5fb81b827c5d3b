from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.extract_figures import extract_article

AID = "0" * 16


def _figures(text, published=None):
    return [(f["text"], f["value"], f["value_high"], f["qualifier"], f["unit"], f["category"]) for f in extract_article(AID, text, published, [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("727 people have been killed.", ("727 people", 727, None, "exact", "people", "killed")),
        ("115,000 people had been newly displaced.", ("115,000 people", 115000, None, "exact", "people", "displaced")),
        ("It has killed more than half a million people.", ("half a million people", 500000, None, "at_least", "people", "killed")),
        ("Around 12 million people remain displaced.", ("12 million people", 12e6, None, "approximately", "people", "displaced")),
        ("Tens of thousands of people have been displaced.", ("Tens of thousands of people", 10000, None, "vague", "people", "displaced")),
        ("The fighters released hundreds of prisoners.", ("hundreds of prisoners", 100, None, "vague", "prisoners", "released")),
        ("Strikes left 20,000-40,000 people dead.", ("20,000-40,000 people", 20000, 40000, "range", "people", "killed")),
        ("Assad ordered a 50-percent raise in pay.", ("50-percent", 50, None, "exact", "percent", "percent_change")),
        ("Turnout was 40% this time.", ("40%", 40, None, "exact", "percent", "count")),
        ("The budget is $6 billion.", ("$6 billion", 6e9, None, "exact", "USD", "money")),
        ("It lies more than a third of the way to Damascus.", ("a third of the way", 1 / 3, None, "at_least", "fraction", "distance")),
        ("The road is 40 km long.", ("40 km", 40, None, "exact", "km", "distance")),
        ("Nearly 300 civilians were wounded.", ("300 civilians", 300, None, "at_most", "civilians", "wounded")),
        ("Two major towns lie nearby.", ("Two major towns", 2, None, "exact", "towns", "count")),
    ],
)
def test_figure_values_units_and_categories(text, expected):
    assert expected in _figures(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hama rebelled in 2011 against the government.",
        "The offensive began on November 27.",
        "On Dec. 4 he visited the citadel.",
        "The meeting starts at 15:00 today.",
        "It is the second largest city.",
        "China is one of the few countries.",
        "Many people and several towns were affected; a handful left.",
        "It came a week after the attack.",
    ],
)
def test_dates_ordinals_and_quantifiers_are_not_figures(text):
    assert _figures(text) == []


@pytest.mark.parametrize(
    ("text", "published", "as_of"),
    [
        ("The United Nations on Dec. 4 said 115,000 people had been displaced.", date(2024, 12, 5), "2024-12-04"),
        ("On Thursday officials said 40 people were killed.", date(2024, 12, 6), "2024-12-05"),
        ("In 1982, a campaign left 20,000 people dead.", None, "1982"),
        ("Tens of thousands of people have been displaced by fighting which began on November 27.", date(2024, 12, 5), None),
    ],
)
def test_as_of_is_resolved_against_the_article_date(text, published, as_of):
    rows = extract_article(AID, text, published, [])
    assert rows[0]["as_of"] == as_of


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,.-% abtenhu$million of people killed")), max_size=200))
def test_figures_never_raise_and_spans_are_exact(text):
    for row in extract_article(AID, text, None, []):
        assert text[row["char_start"] : row["char_end"]] == row["text"]
