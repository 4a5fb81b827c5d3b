"""Speaker names: titles and affiliations stripped, short forms and pronouns resolved."""

import pytest

from flows.entities import MentionIndex, SpeakerHistory, resolve_mention, speaker_kind, strip_titles


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("HTS leader Abu Mohammed al-Jolani", "Abu Mohammed al-Jolani"),  # an organization's leader is a person
        ("Hezbollah chief Naim Qassem", "Naim Qassem"),
        ("Clinton press secretary Brian Fallon", "Brian Fallon"),
        ("the Syrian Observatory for Human Rights", "the Syrian Observatory for Human Rights"),
        ("But Megan Hester", "Megan Hester"),
    ],
)
def test_strip_titles_keeps_the_name(name, expected):
    assert strip_titles(name) == expected


def test_short_forms_resolve_to_the_fullest_name_outside_quotations():
    index = MentionIndex.build("Rami Abdurrahman, the chief, spoke. Later Mr Abdurrahman added more.")
    assert resolve_mention("Mr Abdurrahman", 40, index, SpeakerHistory()) == "Rami Abdurrahman"


@pytest.mark.parametrize(
    ("mention", "expected"),
    [("a defiant Donald Trump", "Donald Trump"), ("the Syrian army", "the Syrian army"), ("the influential US daily", "the influential US daily")],
)
def test_described_names_resolve_to_the_name(mention, expected):
    assert resolve_mention(mention, 0, MentionIndex.build(""), SpeakerHistory()) == expected


@pytest.mark.parametrize(
    ("name", "kind"),
    [("a spokesman for the ministry", "person"), ("an activist group", "organization"), ("Rami Abdurrahman", "person"), ("the army", "organization")],
)
def test_speaker_kind(name, kind):
    assert speaker_kind(name) == kind
