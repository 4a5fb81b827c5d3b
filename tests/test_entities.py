"""Speaker names: titles and affiliations stripped, short forms and pronouns resolved."""

import pytest
from hypothesis import given, strategies as st

from flows.entities import MentionIndex, SpeakerHistory, _lines_finditer, _organization_pattern, resolve_mention, speaker_kind, strip_titles


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("HTS leader Abu Mohammed al-Jolani", "Abu Mohammed al-Jolani"),  # an organization's leader is a person
        ("Hezbollah chief Naim Qassem", "Naim Qassem"),
        ("Clinton press secretary Brian Fallon", "Brian Fallon"),
        ("the Syrian Observatory for Human Rights", "the Syrian Observatory for Human Rights"),
        ("But Megan Hester", "Megan Hester"),
        ("UN Secretary-General Antonio Guterres", "Antonio Guterres"),
        ("Wells Fargo CEO John Stumpf", "John Stumpf"),
        ("Senate Majority Leader Mitch McConnell", "Mitch McConnell"),
        ("Prime Minister John Major", "John Major"),  # a title ending the phrase is a surname
        ("UN Security Council", "UN Security Council"),
        ("Russian Foreign Ministry", "Russian Foreign Ministry"),
        ("General Motors", "General Motors"),
        ("State news agency SANA", "SANA"),
        ("the rebel group HTS", "HTS"),
        ("Nimbus Chief Executive Priya Raman", "Priya Raman"),
        ("Senator Maria Delgado of Arizona", "Maria Delgado"),  # a titled person's state is no part of the name
        ("Rep. Jim Jordan of Ohio", "Jim Jordan"),
        ("Bank of America", "Bank of America"),
        ("Duke of Edinburgh", "Duke of Edinburgh"),
        ("UN Special Envoy for Syria Geir Pedersen", "Geir Pedersen"),  # the role's affiliation is no part of the name
        ("Analysts Bonnie Glaser", "Bonnie Glaser"),
        ("Senators Charles E. Grassley", "Charles E. Grassley"),  # a title in the plural, before names joined by "and"
        ("Secretary of Homeland Security Jeh Johnson", "Jeh Johnson"),
        ("State television", "State television"),
    ],
)
def test_strip_titles_keeps_the_name(name, expected):
    assert strip_titles(name) == expected


@pytest.mark.parametrize(
    ("text", "surname", "expected"),
    [
        ("On RT, the West is grim. RT said so.", "RT", None),  # a preposition, then a name
        ("When PolitiFact examined it, PolitiFact rated it.", "PolitiFact", None),  # a clause's opening word
        ("Rival Bernie Sanders spoke. Sanders left.", "Sanders", "Bernie Sanders"),  # a describing word is dropped, not the name
        ("Secretary of State John Kerry spoke. Kerry left.", "Kerry", "John Kerry"),
        ("Pennsylvania Republicans objected. Republicans left.", "Republicans", None),  # a title word in the plural: a group
        ("Ellen Williams objected. Williams left.", "Williams", "Ellen Williams"),
    ],
)
def test_a_full_name_is_no_clause_opening_before_a_name(text, surname, expected):
    assert MentionIndex.build(text).full_person(surname) == expected


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
    [
        ("a spokesman for the ministry", "person"), ("an activist group", "organization"), ("Rami Abdurrahman", "person"), ("the army", "organization"),
        ("Saudi Arabia", "organization"), ("Russia", "organization"), ("Syria", "organization"), ("the United States", "organization"),
        ("Capital Economics", "organization"), ("Tesla Inc.", "organization"), ("Mark Robinson", "person"), ("Moscow", "organization"), ("SANA", "organization"),
        ("LSEG data", "organization"), ("Prosecutors", "unknown"), ("prosecutors", "unknown"),
        ("Sarah House", "person"), ("the White House", "organization"), ("Supreme Court", "organization"),
    ],
)
def test_speaker_kind(name, kind):
    assert speaker_kind(name) == kind


@given(st.lists(st.sampled_from(["Election", "Day.", "His", "Mr.", "Mrs", "One", "Obama", "said", "the", "U.S.", "Army", "met", "with", "Vladimir", "Putin.", "al-Assad", "of"]), max_size=14).map(" ".join))
def test_name_run_spans_point_at_their_runs(text):
    from flows.entities import _name_run_spans, _name_runs

    spans = _name_run_spans(text)
    assert [run for _, run in spans] == _name_runs(text)
    assert all(text[at : at + len(run)] == run for at, run in spans)


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("What Mr. Obama has seen", ["What", "Mr. Obama"]),
        ("Because of Mrs Clinton, he left", ["Because", "Mrs Clinton"]),
        ("the Bank of America said", ["Bank of America"]),  # no honorific: one run
        ("Prime Minister Theresa May said", ["Prime Minister Theresa May"]),
    ],
)
def test_a_name_run_is_cut_where_an_honorific_starts_a_name(text, runs):
    from flows.entities import _name_runs

    assert _name_runs(text) == runs


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Barack Obama was asked about a meeting with Vladimir Putin. "We are done," he said.', "Barack Obama"),
        # the latest name is the pronoun's when it is no object of a preposition
        ('The talks with Vladimir Putin ended. "We are done," he said.', "Vladimir Putin"),
        ('Barack Obama left early. Vladimir Putin stayed. "We are done," he said.', "Vladimir Putin"),
        # an honorific starts a name inside a run of capitalized words, and makes a surname alone a person
        ('THE ISLAND -- What Mr. Obama has seen are the charts. "They are terrifying," he said.', "Obama"),
        ('Tom Clarke runs mines. The talks with Joe Manchin ended. One of Mr. Clarke\'s men left. "It is over," he said.', "Tom Clarke"),
    ],
)
def test_a_pronoun_with_no_earlier_speaker_prefers_a_nearby_subject_to_an_object(text, speaker):
    from flows.extract_attributions import extract_article

    assert [q["speaker"] for q in extract_article("0" * 16, text)[0]] == [speaker]


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Gaza's Health Ministry said 40 people died. The ministry added more.", "the ministry", "Gaza's Health Ministry"),
        ("Its British bank closed the account. The Royal Bank of Scotland Group owns it.", "British bank", "British bank"),
        ("Its British bank closed the account. The Royal Bank of Scotland Group owns it.", "the British bank", "the British bank"),
        ("British Bank Drops Russian Network\n\nThe network said it was surprised.", "the network", "the network"),  # a headline
    ],
)
def test_organizations_resolve_to_a_fuller_name_that_keeps_their_words(text, mention, expected):
    assert resolve_mention(mention, len(text), MentionIndex.build(text), SpeakerHistory()) == expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Senator Maria Delgado of Arizona wrote the bill. Later the senator spoke.", "the senator", "Maria Delgado"),
        ("Sen. Maria Delgado wrote the bill. Later the senator spoke.", "the senator", "Maria Delgado"),
        ("U.S. District Judge Ellen Park ruled. Later the judge spoke.", "the judge", "Ellen Park"),
        ("Bernie Sanders, a senator from Vermont, spoke. Later the senator spoke.", "the senator", "Bernie Sanders"),
        ("Barack Obama met voters. President Obama flew home. Later the president spoke.", "the president", "Barack Obama"),
        # a role with its modifiers, as the person was named with it
        ("Former President Bill Clinton campaigned. Later the former president spoke.", "the former president", "Bill Clinton"),
        ("Donald Trump, the Republican presidential nominee, spoke. Later the Republican presidential nominee left.", "the Republican presidential nominee", "Donald Trump"),
        ("Republican presidential nominee Donald Trump spoke. Later the Democratic presidential nominee left.", "the Democratic presidential nominee", "the Democratic presidential nominee"),
        # nobody named as president: "Vice President" is another role; "Obama" alone names two people
        ("Vice President Joe Biden spoke. Later the president spoke.", "the president", "the president"),
        ("President Obama flew home with Michelle Obama. Later the president spoke.", "the president", "the president"),
        ("Later the senator spoke. Senator Maria Delgado wrote the bill.", "the senator", "the senator"),  # named only after
    ],
)
def test_a_role_resolves_to_the_person_named_with_it_before(text, mention, expected):
    position = text.index("Later " + mention) + len("Later ")
    assert resolve_mention(mention, position, MentionIndex.build(text), SpeakerHistory()) == expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "The Syrian Observatory for Human Rights, a UK-based war monitor, said 704 died. Later the Britain-based monitor said more.",
            "the Britain-based monitor",
            "the Syrian Observatory for Human Rights",
        ),
        ("A war monitor said 704 died. Later the monitor said more.", "the monitor", "the monitor"),  # never named
        ("Hope Hicks, a campaign spokeswoman, said no. Later the campaign said more.", "the campaign", "the campaign"),
    ],
)
def test_an_organization_noun_resolves_to_the_name_it_described(text, mention, expected):
    position = text.index("Later " + mention) + len("Later ")
    assert resolve_mention(mention, position, MentionIndex.build(text), SpeakerHistory()) == expected


_ORGANIZATION_WORDS = st.sampled_from(["the", "The", "Syrian", "army", "Army", "of", "Health", "Ministry", "ministry", "for", "Gaza's", "al-Assad", "in", "U.S.", "said", "-"])


@given(st.lists(st.one_of(_ORGANIZATION_WORDS, st.just("\n"), st.just(", ")), max_size=40), st.sampled_from(["army", "Army", "ministry", "Ministry"]))
def test_organizations_are_found_line_by_line_as_in_the_whole_text(words, head):
    text = " ".join(words)
    pattern = _organization_pattern(head)
    assert [m.span() for m in _lines_finditer(pattern, text, head)] == [m.span() for m in pattern.finditer(text)]


def test_a_singular_pronoun_resolves_to_one_person_not_to_several_named_together():
    from flows.extract_attributions import extract_article

    text = "Donald Trump and Hillary Clinton said they would debate. Trump said he would win. Clinton called her vote a mistake, but she noted that Trump supported it."
    assert [(c["source"], c["cue"]) for c in extract_article("0" * 16, text)[1]][-1] == ("Hillary Clinton", "noted")
