import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.extract_attributions import extract_article

AID = "0" * 16


def _claims(text):
    return [(c["source"], c["cue"], c["text"]) for c in extract_article(AID, text)[1]]


def _quotes(text):
    return [(q["text"], q["speaker"], q["cue"]) for q in extract_article(AID, text)[0]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebel factions said that they had taken the prison.", ("Rebel factions", "said", "they had taken the prison")),
        ("According to the Observatory, 727 people have been killed.", ("the Observatory", "according to", "727 people have been killed")),
        ("The rebels entered the city, according to the monitor.", ("the monitor", "according to", "The rebels entered the city")),
        ("Mr Qassem accused the United States of supporting rebels.", ("Qassem", "accused", "the United States of supporting rebels")),
        ("The ministry denied that troops had fired.", ("the ministry", "denied", "troops had fired")),
        ("Jihad Yazigi, editor-in-chief of the Syria Report, told MEE that the loss was decisive.", ("Jihad Yazigi", "told", "the loss was decisive")),
        ("The fighters surrounded the city, the Syrian Observatory for Human Rights said.", ("the Syrian Observatory for Human Rights", "said", "The fighters surrounded the city")),
        ("“We have never seen the river this high,” said Marta Kovac, the regional civil protection chief.", ("Marta Kovac", "said", "We have never seen the river this high,")),
        ("“We have never seen the river this high,” said Marta Kovac.", ("Marta Kovac", "said", "We have never seen the river this high,")),
        ("“Tout est perdu,” said Élodie Marin, who runs a bakery near the river.", ("Élodie Marin", "said", "Tout est perdu,")),
        ("“It will take years to recover,” said farmer Josip Novak, who lost 60 cows.", ("Josip Novak", "said", "It will take years to recover,")),
        ("Senator Dianne Feinstein, Democrat of California, said the program sent a terrible message.", ("Dianne Feinstein", "said", "the program sent a terrible message")),
        ("Donna Sampson Rawlings, 59, of Ashton, Md., said the event brought back memories.", ("Donna Sampson Rawlings", "said", "the event brought back memories")),
        ("“I have never been edited,” Mr. King, 82, told me.", ("King", "told", "I have never been edited,")),
        ("Trump claimed that paying no income taxes was smart, although he again refused to release his returns.", ("Trump", "claimed", "paying no income taxes was smart")),
        ("Graham acknowledged the reality of climate change, which makes him an outlier.", ("Graham", "acknowledged", "the reality of climate change")),
        ("The ministry said the talks had failed; the envoy left on Monday.", ("the ministry", "said", "the talks had failed")),
        ("Clinton condemned the attack as an act of cowardice.", ("Clinton", "condemned", "the attack as an act of cowardice")),
        ("Sanders reiterated that he would vote for her.", ("Sanders", "reiterated", "he would vote for her")),
        ("Democratic presidential nominee Hillary Clinton chimed in, saying that officials should release the videos.", ("Hillary Clinton", "saying", "officials should release the videos")),
        ("Protesters marched in Charlotte saying they wanted justice.", ("Protesters", "saying", "they wanted justice")),
        ("Trump tweeted in the early morning hours that Machado was a con.", ("Trump", "tweeted", "Machado was a con")),
        ("The president told reporters this weekend he would consider it an insult.", ("the president", "told", "he would consider it an insult")),
        ("Keron Blair called for more school investment in a statement on Thursday.", ("Keron Blair", "called for", "more school investment")),
        ("Even as his path narrows, a defiant Donald Trump is insisting he is winning.", ("Donald Trump", "insisting", "he is winning")),
        ('Donald Trump has pledged to "cancel" the accord.', ("Donald Trump", "pledged", 'to "cancel" the accord')),
        ("Clinton questioned what kind of person sends angry tweets.", ("Clinton", "questioned", "what kind of person sends angry tweets")),
        ("The lawsuit charges that the firm lied.", ("the lawsuit", "charges", "the firm lied")),
        ("Donald Trump vowed that he would never quit, as he charged into new territory.", ("Donald Trump", "vowed", "he would never quit")),
        ('The embassy urged its citizens to leave "as soon as possible", as rebel forces continue their offensive.', ("the embassy", "urged", 'its citizens to leave "as soon as possible"')),
        # "as" that compares or sets a condition is the statement's own
        ("The minister said exports would grow, as well as imports.", ("the minister", "said", "exports would grow, as well as imports")),
        ("The minister said exports would grow, as long as the war ends.", ("the minister", "said", "exports would grow, as long as the war ends")),
        ("Two lawmakers urged Mrs. Clinton to fund turnout efforts, warning that control is at stake.", ("Two lawmakers", "urged", "Mrs. Clinton to fund turnout efforts")),
        ("Trump has insisted that the election is rigged even though fraud is rare.", ("Trump", "insisted", "the election is rigged")),
        ("The Syrian army announced a retreat, saying it would protect civilians.", ("the Syrian army", "saying", "it would protect civilians")),
        ('Later the Security Council issued a statement calling the test "a clear violation."', ("the Security Council", "calling", 'the test "a clear violation."')),
        ("While Hillary Clinton has vowed to honor the agreement, Donald Trump wants to end it.", ("Hillary Clinton", "vowed", "to honor the agreement")),
        ('After the attack (Clinton called it "horrific"), Trump inflamed tensions by saying, "Animals did this."', ("Trump", "saying", "Animals did this.")),
        ('After the attack (Clinton called it "horrific"), Trump inflamed tensions by saying, "Animals did this."', ("Clinton", "called", 'it "horrific"')),
    ],
)
def test_claim_source_cue_content(text, expected):
    assert expected in _claims(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun opens the clause whose participle reports: its speaker is the one it refers to
        ("The newspaper said it backs Clinton. Meanwhile, it attacked Trump, saying he has offended Hispanics.", ("the newspaper", "saying", "he has offended Hispanics")),
        ("Smith said the plan failed. Separately, he met the board, urging its members to resign.", ("Smith", "urging", "its members to resign")),
        # a possessive is no subject: "Her campaign" is
        ("Clinton spoke. Her campaign released a memo saying the race was tight.", ("Her campaign", "saying", "the race was tight")),
    ],
)
def test_a_pronoun_opening_a_clause_is_the_participles_subject(text, expected):
    assert expected in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Religious minorities have expressed concerns about the group.",
        "Kurdish residents fear the army.",
        "Assad ordered a 50-percent raise in pay.",
        "Images released on social media showed supporters celebrating.",
        "A report on the war was published.",
        "Despite promises to protect diversity, minorities worry.",
        "A blast hit the market.",
        "Police questioned the suspect for hours.",
        "Shots echoed through the valley.",
        "Rebels pledged their loyalty to the group.",
        "The ad concludes with footage of the debate.",
        "He was charged with murder.",
        "Fans sent angry tweets.",
        "The candidates toured battleground states, shifting to closing arguments.",
        "They stopped in five states, including Ohio.",
        "Other states limit the number of years.",
        "Neil MacFarquhar reported from Moscow.",
        "Glorioso reports for Naples Daily News; Williams reports for The News-Press.",
        "Earnings reports for HSBC and UniCredit.",
        "Lincoln Pigman contributed reporting from Moscow.",
        "Mr. Norwich did not respond to multiple requests for comment.",
        "PolitiFact rated 32% of Republican claims as false.",
        "Early estimates put insured losses at $8 billion.",
        "Nimbus beat Wall Street estimates and raised its outlook.",
        "Hurricane Lena slammed into the Louisiana coast early Thursday.",
        "The official asked not to be named because he was not authorized to speak.",
        "The package targets companies in China and Turkey accused of helping Moscow evade sanctions.",
        "EU governments agreed on a package of sanctions, adding nearly 200 entities to its blacklist.",
        "The lake shrank, a loss blamed on drought and irrigation.",
        "The Nasdaq Composite added 2.3% to 17,210.88.",
        "The economy added 150,000 jobs last month.",
        "Neither side said the talks had failed.",
        "Nobody said a word about the vote.",
    ],
)
def test_non_speech_acts_are_not_claims(text):
    assert _claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "“We will rebuild,” said on Tuesday that nothing was decided.",  # no name after the cue
        "“It was a long night,” said quietly by the river.",
    ],
)
def test_inverted_cue_needs_a_name_or_role_after_it(text):
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Its first national television ad could start this week, said Brian Baker, a longtime adviser.",
         ("Its first national television ad could start this week", "said", "Brian Baker")),
        ("The council met on Monday, said a spokesman for the ministry.", ("The council met on Monday", "said", "a spokesman for the ministry")),
    ],
)
def test_indirect_speech_before_an_inverted_cue_is_a_claim(text, expected):
    assert [(c["text"], c["cue"], c["source"]) for c in extract_article(AID, text)[1]] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor, said to be furious, left early.",  # a participle, no source
        "In 2010, said Smith, the plan failed.",  # two words are no statement
        "He ate dinner, said grace and left.",
        "The plan will work, said on Tuesday.",
    ],
)
def test_a_comma_before_said_needs_a_statement_and_a_source_after(text):
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Rep. Gregory W. Meeks (D-N.Y.), chairman of the Congressional Black Caucus PAC, said members will help.", "Gregory W. Meeks"),
        ("Rep. Jim Jordan (R-Ohio), an oversight panel member, said the FBI was wrong.", "Jim Jordan"),  # "the FBI" is content
        ("Donna Rawlings, 59, who watched the ceremony, said the event brought back memories.", "Donna Rawlings"),
    ],
)
def test_a_named_subject_before_a_parenthesis_or_a_relative_clause(text, source):
    assert [s for s, _, _ in _claims(text)] == [source]


def test_denial_sets_stance():
    claims = extract_article(AID, "The army denied that it had withdrawn.")[1]
    assert [c["stance"] for c in claims] == ["denies"]


def test_quote_after_attribution_resolves_short_form_to_full_name():
    text = 'The war is a blow, according to Rami Abdurrahman, the chief of the monitor.\n\n"If Hama falls, it is over," Mr Abdurrahman told The Associated Press.'
    quotes = extract_article(AID, text)[0]
    assert [(q["text"], q["speaker"], q["cue"], q["medium"], q["speaker_kind"]) for q in quotes] == [
        ("If Hama falls, it is over,", "Rami Abdurrahman", "told", "The Associated Press", "person")
    ]


def test_pronoun_and_follow_on_quotes_inherit_the_speaker():
    text = 'The Syrian army said it was redeploying.\n\n"We will return," the army said.\n\nIt added that "units have redeployed" outside the city.\n\n"The fight goes on."'
    quotes = _quotes(text)
    assert quotes == [
        ("We will return,", "the Syrian army", "said"),
        ("units have redeployed", "the Syrian army", "added"),
        ("The fight goes on.", "the Syrian army", None),
    ]


def test_split_quote_gives_two_rows_with_one_speaker():
    quotes = _quotes('"We are winning," Jane Doe said, "and we will go on."')
    assert [q[1] for q in quotes] == ["Jane Doe", "Jane Doe"]
    assert [q[0] for q in quotes] == ["We are winning,", "and we will go on."]


def test_pull_quote_with_dash_credit():
    text = "'Homs is the key to the coast' \n\n - Jihad Yazigi, the Syria Report\n\nMore text."
    assert _quotes(text) == [("Homs is the key to the coast", "Jihad Yazigi", None)]


def test_pull_quote_credited_after_a_horizontal_bar_on_the_same_line():
    text = "Readers wrote in.\n\n“He scares me.” ― Carla Sanchez.\n\n“He does not.”― Oscar P. Quintero"
    assert [(q[0], q[1]) for q in _quotes(text)] == [("He scares me.", "Carla Sanchez"), ("He does not.", "Oscar P. Quintero")]


@pytest.mark.parametrize("when", ["Monday", "on Monday", "this week", "yesterday", "at a rally"])
def test_a_time_or_place_after_the_cue_leaves_the_quote_as_the_statement(when):
    text = f"Tax rules were debated.\n\n“The unfairness of the tax laws is unbelievable,” Trump said {when}."
    assert ("Trump", "said", "The unfairness of the tax laws is unbelievable,") in _claims(text)
    assert _quotes(text) == [("The unfairness of the tax laws is unbelievable,", "Trump", "said")]


def test_a_title_case_headline_is_not_a_source_of_names():
    text = "Railing Against Trump, Sanders Vows To Cut Breaks\n\nTrump spoke.\n\n“It is unfair,” Trump said."
    assert _quotes(text)[0][1] == "Trump"


@pytest.mark.parametrize(
    "text",
    [
        'She read "War and Peace" on the train.',
        'The so-called "peace dividend" never came.',
    ],
)
def test_titles_and_scare_quotes_without_speaker_are_not_quotes(text):
    assert _quotes(text) == []


def test_quote_ids_link_claims_to_their_quotes():
    quotes, claims = extract_article(AID, 'Naim Qassem said the group would stand "by Syria\'s side".')
    assert claims[0]["quote_ids"] == [quotes[0]["quote_id"]]
    assert quotes[0]["claim_id"] == claims[0]["claim_id"]
    assert quotes[0]["is_fragment"] is True


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab said told He It .,'\"“”\n")) , max_size=300))
def test_extraction_never_raises_and_spans_are_exact(text):
    quotes, claims = extract_article(AID, text)
    for row in quotes + claims:
        assert text[row["char_start"] : row["char_end"]] == row["text"]
        assert 0 <= row["char_start"] < row["char_end"] <= len(text)




@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,-—–\n.")), max_size=40))
def test_statement_before_an_inverted_cue_is_found_as_a_full_search_finds_it(text):
    """Trying the pattern from the third-last word only answers what a search from every position answers."""
    from flows.extract_attributions import _STATEMENT_THEN_COMMA, _statement_then_comma

    for lo in range(len(text) + 1):
        assert _statement_then_comma(text, lo, len(text)) == (_STATEMENT_THEN_COMMA.search(text, lo) is not None)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["and", "but", "also", "quickly", "x", "band", "_", " ", "  ", ", ", "\n", "."]), max_size=12).map("".join))
def test_coordinated_cue_is_found_as_a_full_search_finds_it(text):
    from flows.extract_attributions import _COORDINATED_CUE, _coordinated

    for lo in range(len(text) + 1):
        assert _coordinated(text, lo, len(text)) == (_COORDINATED_CUE.search(text, lo) is not None)


_CASE_ALPHABET = list("sSaAiIdDtToOlLwWnNrRcCgG ,.\"“”\nſıİKéÉ")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["said", "SAID", "Said", "ſaid", "told", "according to", "ACCORDING TO", "warned that", "insisted that", "İnsisted that", "\"", " ", ", "]) | st.text(alphabet=st.sampled_from(_CASE_ALPHABET), max_size=8), max_size=25).map("".join))
def test_cue_words_found_in_lowered_text_are_those_case_insensitive_matching_finds(text):
    """The cue scan lowers the article once and matches plainly; it must find the same words at the same
    offsets as matching the article case-insensitively (letters like "ſ" and "İ" included)."""
    from flows import extract_attributions
    from flows.text import mask_quotes, quote_spans

    quotes = quote_spans(text)
    masked = mask_quotes(text, quotes)
    fast = extract_attributions._cue_spans(masked, quotes)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract_attributions, "_lowered", lambda _text: None)
        assert extract_attributions._cue_spans(masked, quotes) == fast


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus.", ["G.K. Butterfield"]),
        ('Mr. Trump hardly clarified the matter, asserting, "Of course, I pay federal taxes."', ["Trump"]),
        ("Ms. Hester spoke.\n\nBut Megan Hester said parents want schools.\n\n“Nobody wants to bus their kids,” said Hester.", ["Megan Hester"]),
        ("“We can’t afford this,” Trump said, adding later, “NATO is costing us a fortune.”", ["Trump", "Trump"]),
        ("“This is a waste of time,” said Del. Stacey Plaskett of the Virgin Islands.", ["Stacey Plaskett"]),
        ("“The impact is small,” wrote Cameron Easley for Morning Consult.", ["Cameron Easley"]),
        ("“It is a plan,” said the Center for American Progress.", ["the Center for American Progress"]),
        ("Critics spoke.\n\nIn one tweet Friday, Trump said: “Did she help her?”", ["Trump"]),
    ],
)
def test_speaker_names_keep_initials_and_drop_openers(text, speakers):
    assert [q[1] for q in _quotes(text)] == speakers


def test_a_participle_after_a_quote_takes_the_speaker_and_its_own_statement():
    claims = _claims("“We can’t afford this,” Trump said, adding later, “NATO is costing us a fortune.”")
    assert claims == [("Trump", "said", "We can’t afford this,"), ("Trump", "adding", "NATO is costing us a fortune.")]


def test_an_adverb_between_subject_and_cue_stays_out_of_the_source():
    assert _claims("Gingrich cynically dismissed the idea that the alliance matters.") == [("Gingrich", "dismissed", "the idea that the alliance matters")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The debate went on.\n\nLimbaugh continued: “They are demanding this.”", [("They are demanding this.", "Limbaugh", "continued")]),
        ("Costs rose. Said Ellis: “I don’t get the sense she cares.”", [("I don’t get the sense she cares.", "Ellis", "said")]),
        ('Having people work for them helps, Michael McFaul said of RT. "It gives them credibility."', [("It gives them credibility.", "Michael McFaul", None)]),
    ],
)
def test_quotations_introduced_or_continued_by_a_speaker(text, expected):
    assert _quotes(text) == expected


@pytest.mark.parametrize("text", ["The war continued for years.", "The fighting went on into the night.", "She sang in the choir."])
def test_quote_introducing_verbs_need_a_quotation(text):
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Partial transcript as follows:\n\n"WALLACE: Let us start with the news.\n\n"PENCE: Well, look, it is an episode of Shark Tank."',
            [("WALLACE: Let us start with the news.", "Wallace"), ("PENCE: Well, look, it is an episode of Shark Tank.", "Pence")],
        ),
        (
            'The vote was close.\n\nThe New York Times reports:\n\n"Without this network, Mrs. Clinton is made to continue."',
            [("Without this network, Mrs. Clinton is made to continue.", "The New York Times")],
        ),
        ('The vote was close.\n\nHere is the list:\n\n"Alpha Beta Gamma."', []),
    ],
)
def test_transcripts_and_quotations_introduced_by_a_colon_paragraph(text, expected):
    assert [(q[0], q[1]) for q in _quotes(text)] == expected


def test_a_quotation_right_after_its_attribution_sentence_continues_the_statement():
    quotes, claims = extract_article(AID, "“A is true,” Trump said. “B is true too.”\n\n“C is another matter.”")
    assert [c["text"] for c in claims][0] == "A is true,” Trump said. “B is true too."
    assert quotes[0]["claim_id"] == quotes[1]["claim_id"] == claims[0]["claim_id"]
    assert quotes[2]["claim_id"] != claims[0]["claim_id"]  # a new paragraph is a new statement of the same speaker
    assert quotes[2]["speaker"] == "Trump"


def test_a_long_attribution_between_two_quotations_keeps_one_statement():
    text = '"There is a need for oversight," said Ronald R. Fieldstone, a Miami lawyer who represents investors in the program. "If there is no independence, it exposes the program."'
    claims = _claims(text)
    assert claims[0][0] == "Ronald R. Fieldstone" and claims[0][2].endswith("it exposes the program.")


def test_naming_verbs_are_cues_only_before_a_quotation():
    assert _quotes("Trump called the senator a “nasty guy” on Monday.") == [("nasty guy", "Trump", "called")]
    assert _claims("The council called a meeting for Friday.") == []
    assert _claims("Critics labeled the plan a failure.") == []


def test_a_question_quoted_before_its_attribution_sentence_gets_its_speaker():
    text = "Hillary Clinton spoke.\n\n“How many times do we have to see this?” Clinton said. “In Tulsa, an unarmed man died.”"
    assert [q[1] for q in _quotes(text)] == ["Hillary Clinton", "Hillary Clinton"]
    assert _claims(text)[0][:2] == ("Hillary Clinton", "said")


def test_a_name_right_before_a_participle_is_its_subject():
    text = "The spot concludes with footage of Trump saying during the debate, “That makes me smart,” to cheers."
    assert [(q, speaker) for q, speaker, _ in _quotes(text)] == [("That makes me smart,", "Trump")]


@pytest.mark.parametrize(
    "second",
    [
        "Mr. Trump said the plan fails.",  # the honorific says who "she" cannot be
        "Donald Trump said he disagreed.",  # so does the speaker's own "he"
    ],
)
def test_a_pronoun_skips_speakers_the_article_calls_by_the_other_one(second):
    text = f'Hillary Clinton said the plan works. {second} "It is a disaster," she said.'
    assert ("It is a disaster,", "Hillary Clinton", "said") in _quotes(text)
    assert ("It is a disaster,", "Hillary Clinton", "said") not in _quotes(f'Hillary Clinton said the plan works. Donald Trump said so. "It is a disaster," she said.')


def test_names_inside_quotations_are_not_full_names_of_speakers():
    text = 'Trump said, "It was harder than beating Crooked Hillary Clinton." Later Hillary Clinton spoke. Clinton said the debate went well.'
    assert ("Hillary Clinton", "said", "the debate went well") in _claims(text)


def test_a_quoted_answer_and_the_next_speaker_are_two_statements():
    assert _claims('Trump said "no." She said "yes."') == [("Trump", "said", "no."), ("Trump", "said", "yes.")] or [
        (source, content) for source, _, content in _claims('Trump said "no." She said "yes."')
    ] == [("Trump", "no."), ("Trump", "yes.")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“I thought your press conference was great,” Clinton gushed.", ("I thought your press conference was great,", "Clinton", "gushed")),
        ('"Because you\'d be in jail," Trump interjected.', ("Because you'd be in jail,", "Trump", "interjected")),
        ('"Talk to other people," advises psychologist Mary Alvord.', ("Talk to other people,", "Mary Alvord", "advises")),
        ('"I feel good about Pence," said another.', ("I feel good about Pence,", "another", "said")),
        ("“We stayed in to be understood.” the team wrote in a statement that was published later.", ("We stayed in to be understood.", "the team", "wrote")),
        ("“We have massive crowds.” Trump said to cheers.", ("We have massive crowds.", "Trump", "said")),
        ('Reactions poured in.\n\nMeghan McCain, Twitter: "Chris Wallace is the real winner."', ("Chris Wallace is the real winner.", "Meghan McCain", ":")),
        ('Reactions poured in.\n\nJeremy Lott, author: "I am sick of being told whom to vote for."', ("I am sick of being told whom to vote for.", "Jeremy Lott", ":")),
    ],
)
def test_quotations_attributed_after_the_closing_mark_or_by_a_credit_label(text, expected):
    assert expected in _quotes(text)


@pytest.mark.parametrize("text", ["The soup was hot. Everyone laughed.", 'Update: "We are fine."', "He laughed at the idea."])
def test_reply_verbs_and_credit_labels_need_a_quotation(text):
    assert _quotes(text) == [] and all(cue != "laughed" for _, cue, _ in _claims(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We remain interested," said a spokeswoman for Trump hotels, Jennifer Rodstrom.', ("We remain interested,", "Jennifer Rodstrom", "person")),
        ('"It works," said a spokesman for the ministry.', ("It works,", "a spokesman for the ministry", "person")),
        ("“She is a super-wonk,” said Clinton’s communications director, Jennifer Palmieri.", ("She is a super-wonk,", "Jennifer Palmieri", "person")),
        ("“We endorse her,” the influential US daily wrote.", ("We endorse her,", "the influential US daily", "organization")),
        ('"It works," said an industry lobbyist who spoke on the condition of anonymity.', ("It works,", "an industry lobbyist", "person")),
    ],
)
def test_inverted_attributions_to_a_role(text, expected):
    assert [(q["text"], q["speaker"], q["speaker_kind"]) for q in extract_article(AID, text)[0]] == [expected]


def test_a_sentence_end_inside_a_capitalized_run_splits_the_names():
    text = "He visited the compound in Benghazi, Libya. FBI notes said the email was reclassified. He said it was a mistake."
    assert all("Libya" not in (source or "") for source, _, _ in _claims(text))


@pytest.mark.parametrize(
    "text", ["Trump in recent days has suggested Clinton is on drugs.", "Trump this week also suggested Clinton is on drugs."]
)
def test_a_time_phrase_between_subject_and_cue_stays_out_of_the_source(text):
    assert ("Trump", "suggested", "Clinton is on drugs") in _claims(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Donald Trump spoke. At one point, he referred to her as "the Devil."', ("the Devil.", "Donald Trump", "referred to")),
        ('Trump moved on after dismissing the language in his video as "locker-room talk" and nothing more.', ("locker-room talk", "Trump", "dismissing")),
        ('Brian Fallon issued a statement Tuesday slamming the story as "faulty."', ("faulty.", "Brian Fallon", "slamming")),
        ("Norman Ornstein, a scholar who describes the campaign as “defining deviancy downward.”", ("defining deviancy downward.", "Norman Ornstein", "describes")),
    ],
)
def test_characterizing_verbs_before_a_quoted_label(text, expected):
    assert expected in _quotes(text)


@pytest.mark.parametrize("text", ["He hailed a cab.", "They mocked up a design.", "Two actors portrayed the leaders on stage."])
def test_characterizing_verbs_without_a_quotation_are_not_cues(text):
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('In a written statement, Rogers said, "The line has a record."', ("The line has a record.", "Rogers", "said")),
        ("The newspaper took note of her record, writing: “We recognize that many distrust her.”", ("We recognize that many distrust her.", "the newspaper", "writing")),
        ('His office released a statement saying he is "fully confident" in the count.', ("fully confident", "His office", "saying")),
        ('"Onward," Jennifer Palmieri wrote.\n\n"Thank YOU for making it possible!!" Mook responded.', ("Thank YOU for making it possible!!", "Mook", "responded")),
    ],
)
def test_cue_words_used_as_nouns_or_adjectives_are_not_cues(text, expected):
    assert expected in _quotes(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Long live freedom!” Margarita Simonyan, the editor of RT, wrote.", ("Long live freedom!", "Margarita Simonyan", "wrote")),
        ('"It reflects Russian efforts," the joint statement said. "We believe it."', ("We believe it.", "the joint statement", None)),
        ('"It is close," says Morrissey. "(Hillsborough) is really where the battleground is."', ("(Hillsborough) is really where the battleground is.", "Morrissey", None)),
    ],
)
def test_attribution_sentences_with_an_apposition_or_a_document_as_speaker(text, expected):
    assert expected in _quotes(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Trump swiped at Ryan in a series of tweets: "Paul Ryan, always fighting!"', ("Paul Ryan, always fighting!", "Trump", ":")),
        ('But Trump quickly deflected with a non sequitur: "It is locker-room talk."', ("It is locker-room talk.", "Trump", ":")),
        ('Asked whether it would hurt, Ms. Kovner sighed: "It is more pain."', ("It is more pain.", "Kovner", "sighed")),
        ("Moore said it. He went on to say, “Legally, you have a right to vote.”", ("Legally, you have a right to vote.", "Moore", "say")),
        ("Trump returned later to resume his remarks and declared, “We will never be stopped.”", ("We will never be stopped.", "Trump", "declared")),
        ("“Decades of lies have caught up,” said the narrator in the 30-second spot.", ("Decades of lies have caught up,", "the narrator", "said")),
    ],
)
def test_quotations_after_a_colon_sentence_or_a_coordinated_cue(text, expected):
    assert expected in _quotes(text)


def test_a_label_before_a_colon_is_no_speaker():
    assert _quotes('Update: "We are fine."') == []


def test_a_quotation_resumed_after_a_long_attribution_is_one_statement():
    text = '"It will be very fair," Trump said during a rally in Kenansville, N.C., "but many people are watching."'
    assert [(q, speaker) for q, speaker, _ in _quotes(text)] == [("It will be very fair,", "Trump"), ("but many people are watching.", "Trump")]
    assert [content for _, _, content in _claims(text)] == [text[1:]]


@pytest.mark.parametrize(
    ("text", "medium"),
    [
        ('The ministry said in a post on Telegram that "the strikes will continue".', "Telegram"),
        ('The minister said in a televised address that "the war is over".', "televised address"),
        ('The embassy, which issued a travel advisory, said "the border is closed".', "travel advisory"),
        ('The agency, in a report published by state television, said "talks failed".', "state television"),
        ('Trump wrote on his Twitter account that "the deal is dead".', "Twitter account"),
        ('Trump said at a rally that "the deal is dead".', None),
    ],
)
def test_the_medium_of_a_statement_is_kept_with_its_quotation(text, medium):
    quotes = extract_article(AID, text)[0]
    assert [q["medium"] for q in quotes] == [medium]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Several environmental groups granted the company a waiver, saying the project was safe.", "Several environmental groups"),
        ("Many residents fled the city, saying the army was coming.", "Many residents"),
        ("Two officials resigned on Monday, saying they had been misled.", "Two officials"),
        ("Several hundred marched downtown, saying the law was unfair.", "Several"),  # no plural noun: the quantifier alone
    ],
)
def test_a_quantified_plural_subject_is_taken_up_to_its_noun(text, source):
    assert [s for s, _, _ in _claims(text)] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Two months later, Clinton won cheers when she called in, telling them the raise was overdue.", "Clinton"),
        ("Days earlier, the ministry closed the border, saying the risk had grown.", "the ministry"),
    ],
)
def test_a_time_opening_the_sentence_is_not_the_subject(text, source):
    assert [s for s, _, _ in _claims(text)] == [source]


def test_a_quantified_time_opens_no_subject():
    assert _claims("Two months away from the vote, raising wages and telling workers the change was overdue.") == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.", "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999"),
        ("To understand the case, the judge said, one should visit this museum.", "To understand the case, the judge said, one should visit this museum"),
        ("The deal is dead, Smith said Friday, and talks will not resume.", "The deal is dead, Smith said Friday, and talks will not resume"),
        ("Hawaii, as one adviser pointed out, rarely gets two hurricanes.", "Hawaii, as one adviser pointed out, rarely gets two hurricanes"),
        # a subordinate clause with its own subject is part of the statement
        ("Though that transition was seamless, he said, replacing Clinton would be acrimonious.", "Though that transition was seamless, he said, replacing Clinton would be acrimonious"),
        ("If this argument fails, Mr. Castañeda argues, there are other tools.", "If this argument fails, Mr. Castañeda argues, there are other tools"),
        # a scene-setting opening stays outside the statement
        ("When asked about it, the minister said, the border stays closed.", "the border stays closed"),
        ("While in Aleppo, the minister said, the envoy met rebels.", "the envoy met rebels"),
        ("In Aleppo, the army said, fighting went on.", "fighting went on"),
        ("Meanwhile, the ministry said, the border stays closed.", "the border stays closed"),
        ("Indeed, the ministry said, the border stays closed.", "the border stays closed"),
        ("Officially, the ministry said, the border stays closed.", "the border stays closed"),
        ("Already, the ministry said, the border stays closed.", "the border stays closed"),
        # nothing resumes after the cue: the statement is the opening alone
        ("The deal is dead, Smith said.", "The deal is dead"),
    ],
)
def test_a_statement_interrupted_by_its_attribution_is_one_claim(text, content):
    assert [c for _, _, c in _claims(text)] == [content]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The report said the company had 987 subsidiaries.", ("the report", "said", "the company had 987 subsidiaries")),
        ("The agency’s report says the company had 987 subsidiaries.", ("the agency’s report", "says", "the company had 987 subsidiaries")),
        # a cue word without a determiner is the verb
        ("Officials report the company had 987 subsidiaries.", ("Officials", "report", "the company had 987 subsidiaries")),
    ],
)
def test_a_document_noun_that_is_also_a_cue_word_can_be_the_source(text, expected):
    assert _claims(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On the broadcast of “Fox News Sunday,” Gov. Mike Pence said his running mate was joking.", ("Mike Pence", "said", "his running mate was joking")),
        ("In an episode titled “Shark Tank,” the host said the show was over.", ("the host", "said", "the show was over")),
        # a channel's possessive before the title
        ("In an interview on CBS’s “Face the Nation,” Paul Ryan said the deal was dead.", ("Paul Ryan", "said", "the deal was dead")),
        # a quotation that opens the sentence is the statement
        ("“We won,” Trump said, adding that he was happy.", ("Trump", "said", "We won,")),
    ],
)
def test_a_quoted_title_before_the_subject_is_not_the_statement(text, expected):
    assert _claims(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Last year, several environmental groups granted a waiver, saying the project was safe.", "several environmental groups"),
        ("Last Monday, the ministry closed the border, saying the risk had grown.", "the ministry"),
        ("This week, many residents fled, saying the army was coming.", "many residents"),
    ],
)
def test_a_calendar_time_opening_the_sentence_is_not_the_subject(text, source):
    assert [s for s, _, _ in _claims(text)] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Kall -- co-editor of a book on the debates -- said the candidate made announcements.", "Kall"),
        ("The army — which lost the town in May — said the road was open.", "the army"),
        ('John Dickey, the chief executive of Ora Media -- the company that owns the show -- told me, "We are a content provider."', "John Dickey"),
        ("In Aleppo, the army -- backed by Russia -- said the road was open.", "the army"),
    ],
)
def test_an_apposition_between_dashes_before_the_cue_is_skipped(text, source):
    assert [s for s, _, _ in _claims(text)] == [source]


def test_a_statement_ending_in_a_dash_before_an_inverted_cue_is_the_content():
    assert _claims("The fighting was fierce — the worst in years — said Smith.") == [("Smith", "said", "The fighting was fierce — the worst in years")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "His aides say it is too early to discuss a Senate run but noted that Scott won competitive races.",
            [("His aides", "say", "it is too early to discuss a Senate run"), ("His aides", "noted", "Scott won competitive races")],
        ),
        (
            "Smith said the road was open, but later admitted it was closed.",
            [("Smith", "said", "the road was open"), ("Smith", "admitted", "it was closed")],
        ),
        # "but" before another subject starts that subject's claim
        ("Smith said the road was open, but officials denied it.", [("Smith", "said", "the road was open"), ("officials", "denied", "it")]),
    ],
)
def test_but_before_a_second_cue_shares_the_subject(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He didn't suggest retaliation.",
        "The ministry did not say whether troops fired.",
        "The ministry never said troops fired.",
        "The spokesman did not immediately respond to a request for comment.",
    ],
)
def test_a_negated_cue_reports_no_statement(text):
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clinton made a controversial comment that described young men as dangerous.", []),
        # a determiner and a noun before the cue word: its subject
        ("The officials comment that the road is open.", [("the officials", "comment", "the road is open")]),
        ("A reader would now ask: why?", [("A reader", "ask", "why?")]),
    ],
)
def test_an_article_and_an_adjective_make_a_cue_word_a_noun(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('With turnout lagging among black voters, President Obama is rolling out a new message: "It\'s about me."', "Obama"),
        ('Despite the rain, the mayor opened the fair with a promise: "We will be back."', "the mayor"),
    ],
)
def test_an_opening_clause_before_a_colon_quotation_is_not_the_speaker(text, speaker):
    assert [s for _, s, _ in _quotes(text)] == [speaker]


@pytest.mark.parametrize("verb", ["demanded", "boasted", "warned", "tweeted"])
def test_a_sentence_of_name_and_verb_after_a_question_attributes_it(verb):
    text = f"“Every time you say that,” Tester said. “Why is this not proof that the bank is too big?” Vitter {verb}."
    assert [(s, c) for _, s, c in _quotes(text)] == [("Tester", "said"), ("Vitter", verb)]


@pytest.mark.parametrize("between", [", ", " ― as was true for years ― ", " -- as was true for years -- "])
def test_a_statement_in_a_when_clause_ends_with_the_clause(between):
    text = f"When Clinton noted that Trump paid nothing{between}Trump boasted, “That makes me smart.”"
    assert _claims(text) == [("Clinton", "noted", "Trump paid nothing"), ("Trump", "boasted", "That makes me smart.")]
    assert [s for _, s, _ in _quotes(text)] == ["Trump"]


def test_when_asked_opens_no_subordinate_statement():
    assert _claims("When asked about the deal, Trump said it was dead.") == [("Trump", "said", "it was dead")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Surety companies that had insured the obligations agreed to release millions in cash.", "Surety companies"),
        ("The official who had resigned said the bank was fine.", "the official"),
        ("Last week Stumpf said the bank was fine.", "Stumpf"),
        # a name that only looks like a time stays whole
        ("Monday Properties said the bank was fine.", "Monday Properties"),
    ],
)
def test_a_relative_clause_or_a_time_before_the_cue_is_not_the_source(text, source):
    assert [s for s, _, _ in _claims(text)] == [source]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Donald Trump has vowed to bring back mining jobs, and Hillary Clinton is promising to help mining towns.",
            [("Donald Trump", "vowed", "to bring back mining jobs"), ("Hillary Clinton", "promising", "to help mining towns")],
        ),
        (
            "Patriot agreed to lend Mr. Clarke $5 million, and the miners' union also stepped in with money.",
            [("Patriot", "agreed", "to lend Mr. Clarke $5 million")],
        ),
        # a list is no second sentence
        ("The envoy said the talks included Russia, Iran, and Turkey.", [("the envoy", "said", "the talks included Russia, Iran, and Turkey")]),
    ],
)
def test_and_before_another_subject_and_its_verb_ends_the_statement(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We won,” said one Democratic source on the panel.", [("We won,", "one Democratic source", "said")]),
        ("“The rationales do not hold weight,” said 9/11 widow Terry Strada.", [("The rationales do not hold weight,", "Terry Strada", "said")]),
        ("“We see charter schools offering hope,” the letter reads.", [("We see charter schools offering hope,", "the letter", "reads")]),
        ('"A state cannot avoid the conclusion," said the ruling.', [("A state cannot avoid the conclusion,", "the ruling", "said")]),
        # no speaker after the cue
        ("“We won,” said on Tuesday.", []),
        ("He read the letter twice.", []),
    ],
)
def test_inverted_sources_with_modifiers_and_documents_that_read(text, expected):
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Goldman Sachs raised its forecast to $95 a barrel, the bank said in a note.",
            ("the bank", "said", "Goldman Sachs raised its forecast to $95 a barrel"),
        ),
        (
            "The company will cut 500 jobs, its chief executive said in a filing.",
            ("its chief executive", "said", "The company will cut 500 jobs"),
        ),
        (
            "The middle fifth paid 8.9 percent, the agency said in a June report, and the bottom fifth paid 0.8 percent.",
            ("the agency", "said", "The middle fifth paid 8.9 percent, the agency said in a June report, and the bottom fifth paid 0.8 percent"),
        ),
        (
            "At least four people were killed, Governor Paul Landry said at a news conference.",
            ("Paul Landry", "said", "At least four people were killed"),
        ),
        (
            "The plan will pass, the senator said at a rally in Phoenix on Tuesday.",
            ("the senator", "said", "The plan will pass"),
        ),
    ],
)
def test_a_channel_after_an_inverted_cue_is_not_the_statement(text, expected):
    assert _claims(text) == [expected]


def test_a_participle_cue_after_an_inverted_one_is_its_own_statement_by_the_same_source():
    text = "Saudi Arabia will cut output by 500,000 barrels, the ministry said in a statement, describing the move as a precaution."
    assert _claims(text) == [
        ("the ministry", "said", "Saudi Arabia will cut output by 500,000 barrels"),
        ("the ministry", "describing", "the move as a precaution"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Replacing her would be hard, Fowler said, replacing the chair would be harder.", "Fowler"),
        ("For all the doubts, analysts say, cleaning up the bank would be an uphill job.", "analysts"),
    ],
)
def test_a_gerund_after_an_interrupting_attribution_is_part_of_the_statement(text, expected):
    (source, cue, content), = _claims(text)
    assert source == expected and ("would be" in content)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister told the BBC: 'We are doing everything we can.'", ("the minister", "told", "We are doing everything we can.")),
        ("Leeds told the New York Times and CNN that Trump groped her.", ("Leeds", "told", "Trump groped her")),
        ("Duterte told the United States not to treat his country like a dog.", ("Duterte", "told", "the United States not to treat his country like a dog")),
    ],
)
def test_who_was_told_is_not_the_statement_unless_an_infinitive_follows(text, expected):
    assert _claims(text) == [expected]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("'This is a tragedy,' said Chief Constable Mark Robinson.", "Mark Robinson"),
        ("'We are safe,' said Detective Inspector Jane Doe.", "Jane Doe"),
        ("Local resident Peter Walsh, 67, said: \"It's heartbreaking.\"", "Peter Walsh"),
        ("\"It's heartbreaking,\" said local resident Peter Walsh.", "Peter Walsh"),
        ("\"Take it a day at a time,\" says psychotherapist Fran Sherman.", "Fran Sherman"),
        ("Arsenal boss Mikel Arteta said: \"We gave everything.\"", "Mikel Arteta"),
        ("My colleague Tom Brown said: \"The president was furious.\"", "Tom Brown"),
        ("\"We are ready,\" said the White House.", "the White House"),
        ("\"We are ready,\" said the Syrian army.", "the Syrian army"),
        ("\"We are ready,\" said Hezbollah chief Naim Qassem.", "Naim Qassem"),
    ],
)
def test_speakers_lose_ranks_and_role_descriptors_but_organizations_keep_their_words(text, speaker):
    assert [q[1] for q in _quotes(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "'This is a tragedy,' said Mark Robinson. 'Our thoughts are with his family.'",
            [("This is a tragedy,", "Mark Robinson", "said"), ("Our thoughts are with his family.", "Mark Robinson", None)],
        ),
        ('"We tried," said Jones. \'Scare\' words are common.', [("We tried,", "Jones", "said")]),
        ('"We tried," said Jones. \'It failed.\'', [("We tried,", "Jones", "said")]),
        ("The film 'Jaws' opened. 'It was huge.'", []),
    ],
)
def test_a_single_quoted_sentence_continues_the_speaker_where_the_article_quotes_with_single_marks(text, expected):
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Barclay said a 17% increase demanded by the union was not affordable.",
            [("Barclay", "said", "a 17% increase demanded by the union was not affordable")],
        ),
        (
            "ANKARA, Turkey (AP) — A powerful earthquake struck eastern Turkey on Friday, officials said.",
            [("officials", "said", "A powerful earthquake struck eastern Turkey on Friday")],
        ),
        (
            "LONDON, April 3 (Reuters) - Oil prices rose more than 4% on Monday, traders said.",
            [("traders", "said", "Oil prices rose more than 4% on Monday")],
        ),
    ],
)
def test_passive_cues_and_a_paragraphs_dateline_are_not_attribution_or_content(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The death toll has passed 30,000, the health ministry said on Thursday, as international pressure grew.",
            [("the health ministry", "said", "The death toll has passed 30,000")],
        ),
        (
            "BYD sold 300,114 vehicles in March, the company said in a filing to the Hong Kong stock exchange.",
            [("the company", "said", "BYD sold 300,114 vehicles in March")],
        ),
        ("The plant will close, the company said, because demand fell.", [("the company", "said", "The plant will close, the company said, because demand fell")]),
        ("Tesla said it remained \"confident\" and would continue to invest in new models.", [("Tesla", "said", "it remained \"confident\" and would continue to invest in new models")]),
    ],
)
def test_framing_after_an_inverted_attribution_is_not_its_statement(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('In her book, "Becoming," Obama writes about her childhood.', []),
        ('Her memoir, "Becoming," sold 10 million copies, the publisher said.', []),
        ('The film "Jaws" opened, and Spielberg said: "It was a risk."', [("It was a risk.", "Spielberg", "said")]),
        ('Smith, 45, a father of three, said: "I lost everything."', [("I lost everything.", "Smith", "said")]),
    ],
)
def test_titles_of_works_are_not_quotes_and_ages_are_appositions(text, expected):
    assert _quotes(text) == expected


def test_a_name_with_an_age_and_a_description_before_the_cue_is_the_source():
    assert _claims("John Smith, 45, a father of three, said he lost everything.") == [("John Smith", "said", "he lost everything")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The film opened, and Spielberg said: "It was a risk."', [("Spielberg", "said", "It was a risk.")]),
        (
            "Republicans said the department mishandled the case and Democrats accused the GOP of stoking the issue.",
            [("Republicans", "said", "the department mishandled the case"), ("Democrats", "accused", "the GOP of stoking the issue")],
        ),
        ('Obama and Clinton call them "lone wolves."', [("Obama and Clinton", "call", 'them "lone wolves."')]),
        ("Clinton said she was ready and then added that she would win.", [("Clinton", "said", "she was ready"), ("Clinton", "added", "she would win")]),
    ],
)
def test_a_name_after_and_is_the_next_cues_subject_not_an_adverb(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A source close to the talks told Reuters that a deal was near.", [("A source close to the talks", "told", "a deal was near")]),
        ("Officials briefed on the plan said it would be delayed.", [("Officials briefed on the plan", "said", "it would be delayed")]),
        ("Fans of the team said it would win.", [("Fans of the team", "said", "it would win")]),
        (
            'Peskov told reporters: "We have nothing to add." He later said talks would continue.',
            [("Peskov", "told", "We have nothing to add."), ("Peskov", "said", "talks would continue")],
        ),
    ],
)
def test_unnamed_sources_keep_their_phrase_and_a_later_sentence_is_no_reply(text, expected):
    assert _claims(text) == expected


def test_a_denial_in_apposition_denies_the_sentence_before_it():
    text = "Critics accused the government of failing to invest in flood defences, a charge ministers deny."
    assert _claims(text) == [
        ("ministers", "deny", "Critics accused the government of failing to invest in flood defences"),
        ("Critics", "accused", "the government of failing to invest in flood defences"),
    ]
    assert [c["stance"] for c in extract_article(AID, text)[1]] == ["denies", "asserts"]


def test_pronouns_follow_the_speaker_the_text_names_last_and_a_place_after_in_is_no_antecedent():
    text = (
        "Maria Gonzalez has run her bakery in east Los Angeles for 22 years. Business has never been this bad, she says.\n\n"
        '"People just don\'t have money," Gonzalez says.\n\n'
        'Mark Zandi, chief economist at Moody\'s Analytics, told CNBC that small businesses were "bearing the brunt" of higher rates.\n\n'
        'Gonzalez is less academic about it. "I just want my customers back," she says.'
    )
    quotes, claims = extract_article(AID, text)
    assert claims[0]["source"] == "Maria Gonzalez"
    assert [(q["text"], q["speaker"]) for q in quotes][-1] == ("I just want my customers back,", "Maria Gonzalez")


def test_an_apposition_before_the_subject_is_no_statement():
    assert _claims("Her neighbor, Tom Lee, agrees.") == []
    assert _claims("Prices will rise, Lee agrees.") == [("Lee", "agrees", "Prices will rise")]


@pytest.mark.parametrize(
    "text",
    [
        "The Bush Center in Dallas maintains a program for young leaders.",
        "The Guard and state troopers will remain in the city.",
        "Battleground state Florida is nearly 3% Polish American.",
        "It goes without saying that taxes will rise.",
        "It is worth noting that the bill failed.",
        "That he won says a lot about the voters.",
        "The client directed questions to a colleague.",
    ],
)
def test_verbs_that_report_speech_only_before_a_statement(text):
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry maintains that the strikes were legal.", [("the ministry", "maintains", "the strikes were legal")]),
        ("As Mr. Bown observed, the early days matter most.", [("Bown", "observed", "the early days matter most")]),
        ("The army claims that it hit only military targets.", [("the army", "claims", "it hit only military targets")]),
        ("The embassy advised its citizens to leave.", [("the embassy", "advised", "its citizens to leave")]),
    ],
)
def test_verbs_that_need_a_statement_report_it(text, expected):
    assert _claims(text) == expected


def test_a_day_after_an_inverted_cue_and_a_sentence_end_after_a_medium_are_no_content():
    assert _claims("The attack killed 100 people, the United Nations said Sunday.") == [("the United Nations", "said", "The attack killed 100 people")]
    quotes, _ = extract_article(AID, '"We need air defence," Zelenskyy said in a post on X.')
    assert [(q["speaker"], q["medium"]) for q in quotes] == [("Zelenskyy", "X")]


def test_a_quotation_left_open_at_a_paragraph_end_takes_the_speaker_of_its_continuation():
    text = '"This is the first paragraph of a long statement,\n\n"and this continues it," the minister said.'
    quotes, claims = extract_article(AID, text)
    assert [(q["text"], q["speaker"], q["cue"]) for q in quotes] == [
        ("This is the first paragraph of a long statement,", "the minister", "said"),
        ("and this continues it,", "the minister", "said"),
    ]
    assert len(claims) == 1 and claims[0]["text"].startswith("This is the first") and len(claims[0]["quote_ids"]) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«We will not give up», said Marine Le Pen.", [("We will not give up", "Marine Le Pen", "said")]),
        ("'We won't stop,' the protesters chanted.", [("We won't stop,", "the protesters", "chanted")]),
        ("The players' union gushed about the deal.", []),
    ],
)
def test_guillemets_and_single_marks_before_a_reply_verb(text, expected):
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Kremlin, which has denied any role, said the report was fabricated.",
            [("the Kremlin", "denied", "any role"), ("the Kremlin", "said", "the report was fabricated")],
        ),
        (
            "Rawlings, who watched the ceremony, said the event brought back memories of her father, a veteran.",
            [("Rawlings", "said", "the event brought back memories of her father, a veteran")],
        ),
        ("Nasrallah vowed revenge, saying Israel would pay.", [("Nasrallah", "vowed", "revenge"), ("Nasrallah", "saying", "Israel would pay")]),
    ],
)
def test_a_cue_inside_a_relative_clause_ends_its_statement_at_the_clause(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Musk wrote on X, formerly Twitter, that the company was doing fine.", [("Musk", "wrote", "the company was doing fine")]),
        ("Erdogan told a news conference in Ankara on Tuesday that Turkey would not stand by.", [("Erdogan", "told", "Turkey would not stand by")]),
        ("State news agency SANA reported that the army had retaken the town.", [("SANA", "reported", "the army had retaken the town")]),
        ("Judge Ellen Park told Raymond Kowalski, 61, that he had betrayed the town.", [("Ellen Park", "told", "he had betrayed the town")]),
    ],
)
def test_platforms_audiences_and_described_acronyms_stay_out_of_the_statement(text, expected):
    assert _claims(text) == expected


def test_an_acronym_that_spells_a_stop_word_is_a_name():
    assert _quotes('"The situation is dire," the WHO said in a statement.') == [("The situation is dire,", "the WHO", "said")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (  # a pronoun opening a sentence continues the last sentence's subject, not the last speaker
            'Judge Ellen Park said Raymond Kowalski had "betrayed" the town. Kowalski, who served as mayor, pleaded guilty in June. '
            'He apologized in court, saying, "I am ashamed."',
            "Raymond Kowalski",
        ),
        (  # "Mr." is no sentence end, and "Mr. Trump's" opens no sentence
            'Mr. Trump\'s campaign manager, Kellyanne Conway, acknowledged that he was trailing. She said the campaign had "work to do."',
            "Kellyanne Conway",
        ),
        (  # after a leading clause, and after a quotation ending the sentence before
            'Mohamed Salah scored twice. Liverpool manager Arne Slot said it was "massive." Salah, 32, has now scored 14 goals. '
            'Asked about his contract, he said: "I don\'t want to talk about that now."',
            "Mohamed Salah",
        ),
        (
            'A spokesman, Pat Ryder, said the department "reviews" its posture. Poland\'s defence minister, Wladyslaw '
            'Kosiniak-Kamysz, welcomed the news. "More soldiers means more security," he wrote on X.',
            "Wladyslaw Kosiniak-Kamysz",
        ),
        (  # an affiliation and a role before the name
            'Mary Lovely said it was "a tax." White House press secretary Karoline Leavitt defended the plan. '
            '"The president is doing what he promised," she said.',
            "Karoline Leavitt",
        ),
        (  # a quotation inside a sentence ends no sentence
            'Chris Christie, who backs Trump, blasted Clinton as a "liar" Wednesday on the radio. "She cannot win," he said.',
            "Chris Christie",
        ),
        (  # a time opening the sentence before is no subject
            'Chris Christie spoke first. On Wednesday New Jersey voters cheered. "We will win," he said.',
            "Chris Christie",
        ),
        (  # a kin word says the gender: "her son" is no "she"
            "Maria Lopez, a surgeon, died on Saturday. Her death was confirmed by her son, Javier Lopez, who said she had been ill. "
            'Dr. Lopez performed 4,000 operations. In a 2015 interview, she recalled being told that "surgery is no place for a woman."',
            "Maria Lopez",
        ),
        (  # "St. Louis" is a place in a sentence, not a subject
            'Ken Bone said the debate was "tense." Bone, who asked about energy during the debate in St. Louis, was calm. He said it was "fun."',
            "Ken Bone",
        ),
    ],
)
def test_a_pronoun_opening_a_sentence_is_the_last_sentences_subject(text, speaker):
    assert _quotes(text)[-1][1] == speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Revenue rose 27% to $3.4 billion, above the average estimate of $3.2 billion, according to LSEG data.",
            [("LSEG data", "according to", "Revenue rose 27% to $3.4 billion, above the average estimate of $3.2 billion")],
        ),
        # a document with no owner is the source where nobody else is: "according to exit polls"
        ("According to exit polls, Romney had a ten-point lead.", [("exit polls", "according to", "Romney had a ten-point lead")]),
        ("Revenue rose 27%, according to preliminary figures.", [("preliminary figures", "according to", "Revenue rose 27%")]),
        # and the channel of another cue's claim
        (
            "The army confirmed that rebels had entered the city, according to a statement published by state media.",
            [("the army", "confirmed", "rebels had entered the city")],
        ),
        (
            "According to a new report by Politico, party insiders are trying to mobilize voters.",
            [("a new report by Politico", "according to", "party insiders are trying to mobilize voters")],
        ),
        ("The ministry said revenue rose 27%, according to a report published on Monday.", [("the ministry", "said", "revenue rose 27%")]),
    ],
)
def test_according_to_a_document_names_it_unless_it_is_the_channel_of_another_claim(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Chelsea boss Enzo Maresca was left frustrated. "We deserved a point," the Italian told Sky Sports.', "Enzo Maresca"),
        ('Arsenal beat Lyon. Coach Marc Petit was pleased. "We were sharp," the Frenchman said.', "Marc Petit"),
        ('Jannik Sinner lost to Carlos Alcaraz. Sinner, the world No. 1, was gracious. "He deserved it," the Italian said.', "Jannik Sinner"),
    ],
)
def test_a_nationality_or_an_age_stands_for_the_person_named_before(text, speaker):
    assert _quotes(text)[0][1] == speaker


def test_a_name_with_particles_is_one_name():
    assert _quotes('"The findings are striking," said Dr. Borja del Pozo Cruz, the lead author.')[0][1] == "Borja del Pozo Cruz"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The officials told the newspaper that no decision had been made.",
            [("the officials", "told", "no decision had been made")],
        ),
        (
            "Zakharova said the move was dangerous and warned that Moscow would respond.",
            [("Zakharova", "said", "the move was dangerous"), ("Zakharova", "warned", "Moscow would respond")],
        ),
        (
            "Walkers are 25% less likely to develop dementia, according to a study of 78,000 adults.",
            [("a study of 78,000 adults", "according to", "Walkers are 25% less likely to develop dementia")],
        ),
    ],
)
def test_addressees_responses_to_come_and_numbers_in_sources(text, expected):
    assert _claims(text) == expected


def test_the_time_of_a_response_is_not_its_content():
    assert _claims('Sheinbaum responded hours later, saying her government would "not accept threats".') == [
        ("Sheinbaum", "saying", 'her government would "not accept threats"')
    ]



def test_a_capitalized_modifier_and_a_group_noun_are_one_subject():
    assert _claims("Business groups, led by the Chamber of Commerce, have filed suit, arguing that it violates the First Amendment.") == [
        ("Business groups", "arguing", "it violates the First Amendment")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a condition is no statement of its own
            'Araghchi said Tehran would "consider sending troops" if Damascus asked.',
            [("Araghchi", "said", 'Tehran would "consider sending troops" if Damascus asked')],
        ),
        (  # an organization opening a sentence is written "the", as inside one; a newspaper inside keeps its "The"
            "The UN's World Food Programme said 370,000 people had fled. Aid was cut, The Wall Street Journal reported.",
            [("the UN's World Food Programme", "said", "370,000 people had fled"), ("The Wall Street Journal", "reported", "Aid was cut")],
        ),
    ],
)
def test_conditions_and_the_article_of_organization_names(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme Robotics, Inc., a provider of warehouse robots, today announced it has raised $45 million.",
            [("Acme Robotics, Inc.", "announced", "it has raised $45 million")],
        ),
        ("Joseph R. Biden Jr. said he would run.", [("Joseph R. Biden Jr.", "said", "he would run")]),
        (  # an organization's name is not a person's title and name
            "The lake has shrunk by 90 percent, according to the UN Environment Programme.",
            [("the UN Environment Programme", "according to", "The lake has shrunk by 90 percent")],
        ),
    ],
)
def test_names_that_end_with_an_abbreviation_or_start_with_the(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the writer's sum after an inverted attribution is not the statement
            "At least 35 people were killed over the past day, the health ministry said, bringing the toll to 35,173.",
            [("the health ministry", "said", "At least 35 people were killed over the past day")],
        ),
        (  # the channel of a denial is not what was denied
            "A third developer, Leonard Hsu, denied any wrongdoing through his lawyer and is scheduled to go to trial.",
            [("Leonard Hsu", "denied", "any wrongdoing")],
        ),
        (  # a number's comma is no resumption of an interrupted statement
            "The U.N. agency for Palestinian refugees, UNRWA, said about 450,000 people had fled Rafah.",
            [("UNRWA", "said", "about 450,000 people had fled Rafah")],
        ),
    ],
)
def test_sums_and_numbers_after_a_cue(text, expected):
    assert _claims(text) == expected


def test_a_long_opening_clause_is_no_subject():
    text = (
        "With Democratic leaders increasingly worried about a lack of passion for the nominee among young black voters, "
        'President Barack Obama is rolling out a new and more personal campaign message: "It\'s about me."'
    )
    assert _quotes(text) == [("It's about me.", "Barack Obama", ":")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a role and a name in apposition, then a relative clause: the name speaks
            "The Kaduna State Police Command spokesperson, DSP Mansir Hassan, who confirmed the attack on Sunday, said the attackers came at 1am.",
            [("Mansir Hassan", "confirmed", "the attack on Sunday"), ("Mansir Hassan", "said", "the attackers came at 1am")],
        ),
        ('"We have deployed our teams," Hassan stated.', [("Hassan", "stated", "We have deployed our teams,")]),
        ("The Delhi Police informed that 23 people were detained.", [("the Delhi Police", "informed", "23 people were detained")]),
        ("Comey informed lawmakers that he was restarting the probe.", [("Comey", "informed", "he was restarting the probe")]),
        ("The family was informed of his death on Monday.", []),
    ],
)
def test_appositions_stated_after_a_quotation_and_informed_that(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A spokesman for the ministry said the report was ready.", [("A spokesman for the ministry", "said", "the report was ready")]),
        ("A spokeswoman for Trump said no decision was made.", [("A spokeswoman for Trump", "said", "no decision was made")]),
        ("An economist at Capital Economics said rates would fall.", [("An economist at Capital Economics", "said", "rates would fall")]),
        ("Cole had told officials the study was toxic.", [("Cole", "told", "the study was toxic")]),
        ("Officials in Damascus said the city was calm.", [("Officials in Damascus", "said", "the city was calm")]),
        ("Doctors at the hospital said 12 people died.", [("Doctors at the hospital", "said", "12 people died")]),
    ],
)
def test_unnamed_sources_keep_the_body_they_speak_for_and_addressees_stay_out(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("subject", "source"),
    [
        ("State television", "State television"),  # "state" is no verb before an outlet
        ("Two U.S. officials", "Two U.S. officials"),  # "U.S." is one word
        ("Sen. Elizabeth Warren, D-Mass.,", "Elizabeth Warren"),  # a party and state in apposition
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
        ("The company's chief executive, Satya Nadella,", "Satya Nadella"),
        ("Syria's state news agency SANA", "SANA"),
    ],
)
@pytest.mark.parametrize("cue", ["said on Monday that the talks had failed.", "told reporters the talks had failed.", "warned that the talks had failed."])
def test_subject_forms_give_their_source_with_every_cue(subject, source, cue):
    assert [c[0] for c in _claims(f"{subject} {cue}")] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ('"The talks have failed," said Jane Doe, a spokeswoman for the ministry.', "Jane Doe"),
        ('"The talks have failed," said a spokeswoman for the ministry.', "a spokeswoman for the ministry"),
        ('"The talks have failed," the ministry said in a statement.', "the ministry"),
        ('"The talks have failed," Doe told CNN on Sunday.', "Doe"),
        ("The talks have failed, said Jane Doe, an analyst at Eurasia Group.", "Jane Doe"),
        ("The talks have failed, according to three diplomats.", "three diplomats"),
        ("In a statement, the ministry said the talks had failed.", "the ministry"),
        ("Speaking to reporters on Monday, Doe said the talks had failed.", "Doe"),
        ("Jane Doe, 45, a nurse from Leeds, said the talks had failed.", "Jane Doe"),
        ("Ukraine's President Volodymyr Zelenskiy said the talks had failed.", "Volodymyr Zelenskiy"),
        ("Former U.S. Ambassador Michael McFaul said the talks had failed.", "Michael McFaul"),
        ("The talks have failed, the official told AFP on condition of anonymity.", "the official"),
        ("Both Jane Doe and John Roe said the talks had failed.", "Jane Doe and John Roe"),
    ],
)
def test_common_attribution_forms_name_their_source(text, source):
    assert _claims(text)[0][0] == source


def test_a_company_abbreviation_can_end_a_sentence():
    text = "More than 33,000 homes lost power, according to Hokuriku Electric Power Co. About 57,000 people fled, the prefecture said."
    assert _claims(text) == [
        ("Hokuriku Electric Power Co", "according to", "More than 33,000 homes lost power"),
        ("the prefecture", "said", "About 57,000 people fled"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Investment slowed. Theresa May said that the country would leave.", [("Theresa May", "said", "the country would leave")]),
        ("The storm hit in May, Smith said.", [("Smith", "said", "The storm hit in May")]),  # the month stays out
        ("The bill may pass, Smith said.", [("Smith", "said", "The bill may pass")]),  # the modal too
    ],
)
def test_may_after_a_capitalized_word_is_a_surname(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Scott joked that Trump ranks fourth in a two-way race.", [("Scott", "joked", "Trump ranks fourth in a two-way race")]),
        ("Ms. Lee quipped that the vote would be close.", [("Lee", "quipped", "the vote would be close")]),
        ("He joked about the weather before the debate.", []),
        ("She mused on the view from the stage.", []),
    ],
)
def test_joking_and_musing_are_speech_before_what_they_report(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smith said to reporters that the plan had failed.", [("Smith", "said", "the plan had failed")]),
        ("Smith said to Mr. Jones that the plan had failed.", [("Smith", "said", "the plan had failed")]),
        ("The mayor pledged to make sure that the city recovers.", [("the mayor", "pledged", "to make sure that the city recovers")]),
    ],
)
def test_the_addressee_after_to_is_not_the_statement(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plans will be public soon, a spokesman said Monday morning.", [("a spokesman", "said", "The plans will be public soon")]),
        ("The plans will be public soon, Smith told reporters on Tuesday afternoon.", [("Smith", "told", "The plans will be public soon")]),
        ("A spokesman said Friday night that the plans would be public.", [("A spokesman", "said", "the plans would be public")]),
        ("Smith said Monday that morning classes would resume.", [("Smith", "said", "morning classes would resume")]),
    ],
)
def test_the_part_of_the_day_after_a_cue_is_its_time_not_its_content(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States pledged that it would lift the restrictions.", [("the United States", "pledged", "it would lift the restrictions")]),
        ("The Kaduna State Police said two people died.", [("the Kaduna State Police", "said", "two people died")]),
        ("Trump has often said that veterans come first.", [("Trump", "said", "veterans come first")]),
        ("The family has long said that he was innocent.", [("the family", "said", "he was innocent")]),
        ("Fowler is calling for a process to identify a successor.", [("Fowler", "calling for", "a process to identify a successor")]),
        ("The police states that the road is closed.", [("the police", "states", "the road is closed")]),  # lowercase: the verb
    ],
)
def test_capitalized_cue_words_inside_names_and_adverbs_after_an_auxiliary(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A group of doctors said that he should go.", "A group of doctors"),
        ("Dozens of protesters said the police had fired first.", "Dozens of protesters"),
        ("A chorus of prominent Republicans has said the same thing.", "A chorus of prominent Republicans"),
        ("The price of oil said nothing new.", "oil"),  # no collective head: the phrase after "of" is the subject
    ],
)
def test_a_collective_subject_keeps_whom_it_counts(text, source):
    assert [claim[0] for claim in _claims(text)] == [source]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Obama has had a frosty relationship with McConnell, now the Senate majority leader, who in 2010 said the goal was to defeat him.",
            [("McConnell", "said", "the goal was to defeat him")],
        ),
        ("The law angered the senators, many of whom say the claims are unfounded.", [("the senators", "say", "the claims are unfounded")]),
        ("The Republican nominee continues to insist that he wants to release his taxes.", [("the Republican nominee", "insist", "he wants to release his taxes")]),
        ("The senators, some of whom were absent, said the vote was close.", [("the senators", "said", "the vote was close")]),
    ],
)
def test_relative_clauses_years_and_continuing_verbs_before_a_cue(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "These employees, Stumpf explained earlier in the committee hearing, were well paid.",
            [("Stumpf", "explained", "These employees, Stumpf explained earlier in the committee hearing, were well paid")],
        ),
        (  # the object of the cue is no attribution matter: the relative clause is not a statement interrupted
            "The police spokesperson, DSP Mansir Hassan, who confirmed the attack on Sunday, said the bandits came at 1am.",
            [("Mansir Hassan", "confirmed", "the attack on Sunday"), ("Mansir Hassan", "said", "the bandits came at 1am")],
        ),
    ],
)
def test_an_attribution_with_an_addressee_or_a_time_may_interrupt_a_statement(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Michelle Obama spoke in Ohio on Friday.\n\nPresident Obama said the economy was strong.", "Obama"),  # not Michelle
        ("President Barack Obama spoke in Ohio on Friday.\n\nPresident Obama said the economy was strong.", "Barack Obama"),
        ("Sen. Elizabeth Warren spoke in Ohio on Friday.\n\nSenator Warren said the economy was strong.", "Elizabeth Warren"),
        ("Rami Abdurrahman, the chief, spoke on Friday.\n\nMr Abdurrahman said the toll rose.", "Rami Abdurrahman"),
    ],
)
def test_an_office_before_a_surname_resolves_only_to_the_person_who_holds_it(text, source):
    assert [claim[0] for claim in _claims(text)] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("One Democratic source on the panel said Republicans were in a frenzy.", "One Democratic source on the panel"),
        ("An expert on tax law said the plan was flawed.", "An expert on tax law"),
        ("Former officials in both parties said the letter was a mistake.", "Former officials in both parties"),
        ("The 34-year-old mother of three replied that the plan would benefit everyone.", "the 34-year-old mother of three"),
        ("The talks on trade said nothing new.", "trade"),  # "talks" names no person: "on" ends the phrase
    ],
)
def test_a_phrase_after_a_person_noun_is_part_of_the_source(text, source):
    assert [claim[0] for claim in _claims(text)][-1:] == [source]


def test_a_reply_verb_in_the_next_paragraph_attributes_nothing():
    text = 'The club wrote in a statement: "We will support them."\n\nAdvertisement - story continues below.'
    assert [(source, cue) for source, cue, _ in _claims(text)] == [("the club", "wrote")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a pronoun is a whole subject: the words before it belong to the clause before
        ("Mr. Obama spoke. He said he is troubled by Republican lawmakers he says are echoing the nominee.", "Obama"),
    ],
)
def test_a_pronoun_right_before_its_cue_is_the_whole_source(text, source):
    assert source in [s for s, _, _ in _claims(text)][1:]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "who" after the last of a list of what the subject is: the subject
        ("Editor's note: Donald Trump is a serial liar, racist and birther who has repeatedly pledged to ban all Muslims.", "Donald Trump"),
        # after people, the people
        ("He met farmers and workers who said prices were rising.", "workers"),
        ("She met a farmer and a teacher who said prices were rising.", "a teacher"),
    ],
)
def test_who_after_a_list_of_predicate_nouns_refers_to_the_subject(text, source):
    assert [s for s, _, _ in _claims(text)] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Only 52 percent agreed, while 73 percent said the same of Trump.", "73 percent"),  # a share of respondents
        ("NBC News and ABC News both reported that the FBI had a warrant.", "NBC News and ABC News"),  # "both" floats after its subject
        ("Sens. Jeff Merkley (D-Ore.) and Robert Menendez (D-N.J.) all suggested that the claims were grounds for a case.", "Robert Menendez"),
        ("To varying degrees, all agreed that the plan would raise taxes.", "all"),  # "all" on its own is the subject
    ],
)
def test_a_share_or_a_floating_quantifier_in_the_source(text, source):
    assert [s for s, _, _ in _claims(text)] == [source]


def test_a_sentence_adverb_is_no_subject_of_a_coordinated_cue():
    text = 'Already, Donald J. Trump has denounced the acquisition and said, "We will look at breaking this deal up" if elected.'
    assert [s for s, _, _ in _claims(text)] == ["Donald J. Trump"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle's subject opens the first clause after an opening phrase
        ("Earlier in the interview, Ruhle pressed Flynn on Russia, citing reports that Manafort had been investigated.", ("Ruhle", "citing", "reports that Manafort had been investigated")),
        # "stated" reports speech before a clause with its own pronoun subject, as before "that"
        ("Other members of the community stated they were fine with it.", ("Other members of the community", "stated", "they were fine with it")),
        # "are quick to", "managed to" stand between a subject and its cue
        ("Democrats are quick to note that Republicans have spent more.", ("Democrats", "note", "Republicans have spent more")),
        ("After a tussle, Ruhle managed to ask whether the views are dangerous.", ("Ruhle", "ask", "whether the views are dangerous")),
        # after the cue's time, a place is the writer's framing: the statement came before the source
        ("The imagery shows activity at three tunnels, analyst Jack Liu wrote Thursday on 38 North, a website.", ("Jack Liu", "wrote", "The imagery shows activity at three tunnels")),
        # after "who", a cue word that is also a noun is the verb
        ("More typical are the cases brought by people who claim to not have been paid.", ("people", "claim", "to not have been paid")),
    ],
)
def test_more_subjects_and_statements(text, expected):
    assert expected in _claims(text)


def test_stated_before_a_noun_is_no_claim():
    assert _claims("Troopers stated the facts of the case in court.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun names the statement, its owner before it
        ("Politifact seized on Trump's claim that there have been thousands of shootings in Chicago.", [("Trump", "claim", "there have been thousands of shootings in Chicago")]),
        ("Tom Smith spoke. Critics doubt his assertion that taxes will fall.", [("Tom Smith", "assertion", "taxes will fall")]),
    ],
)
def test_a_claim_named_by_a_noun_with_its_owner(text, expected):
    assert _claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The claim that the vote was rigged spread online.",  # no owner
        "His promises to cut taxes notwithstanding, the deficit grew.",  # an infinitive, then the sentence's own verb
        "Its claims department opened on Monday.",
    ],
)
def test_a_claim_noun_without_an_owner_or_a_that_clause_is_no_claim(text):
    assert _claims(text) == []


def test_a_short_addressee_before_a_colon_stays_out_of_the_content():
    text = 'Senator Chuck Schumer expressed frustration, telling one aide: "It is all political ricochet."'
    assert _claims(text) == [("Chuck Schumer", "telling", "It is all political ricochet.")]
