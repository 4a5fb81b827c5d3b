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
        ("Deliveries reached 4.3M units.", ("4.3M units", 4.3e6, None, "exact", "units", "count")),
        ("It raised $13.6M from investors.", ("$13.6M", 13.6e6, None, "exact", "USD", "money")),
        ("The deal is worth 2.8bn euros.", ("2.8bn euros", 2.8e9, None, "exact", "EUR", "money")),
        ("The yacht sold for USD10m last week.", ("USD10m", 10e6, None, "exact", "USD", "money")),
        ("Flights should have cost HK $5.4m in total.", ("HK $5.4m", 5.4e6, None, "exact", "HKD", "money")),
        ("The plan costs RM79 a month.", ("RM79", 79, None, "exact", "MYR", "money")),
        ("The house is worth $A82,615,680 now.", ("$A82,615,680", 82615680, None, "exact", "AUD", "money")),
        ("In Europe: Stoxx 50 -1.3% on the day.", ("-1.3%", -1.3, None, "exact", "percent", "count")),
        ("Offense was minus-5 yards after that.", ("minus-5 yards", -5, None, "exact", "yards", "distance")),
        ("There are twenty-eight thousand six hundred forty-two students.", ("twenty-eight thousand six hundred forty-two students", 28642, None, "exact", "students", "count")),
        ("There were 4 hundred million people.", ("4 hundred million people", 4e8, None, "exact", "people", "count")),
        ("One out of three Germans have housing problems.", ("One out of three", 1 / 3, None, "exact", "fraction", "count")),
        ("One fourth of the population is vaccinated.", ("One fourth of the population", 0.25, None, "exact", "fraction", "count")),
        ("An ounce is 1/16 of a pint.", ("1/16", 1 / 16, None, "exact", "fraction", "count")),
        ("Revenue grew sixfold last year.", ("sixfold", 6, None, "exact", "fold", "count")),
        ("It produces sub-7 nanometer chips.", ("7 nanometer", 7, None, "exact", "nanometer", "distance")),
        ("A CNN survey of seven European countries followed.", ("seven European countries", 7, None, "exact", "countries", "count")),
        ("The rate fell to .001 per cent.", (".001 per cent", 0.001, None, "exact", "percent", "count")),
        ("He won the 100m sprint.", ("100m", 100, None, "exact", "m", "distance")),
        ("Condos range from $800,000 to $1.3 million.", ("$800,000 to $1.3 million", 800000, 1.3e6, "range", "USD", "money")),
        ("Ethereum fell from $2,415 to $2,315 overnight.", ("$2,315", 2315, None, "exact", "USD", "money")),
        ("Ethereum fell from $2,415 to $2,315 overnight.", ("$2,415", 2415, None, "exact", "USD", "money")),
        ("Sales rose in 2018 to 3.9 million headsets.", ("3.9 million headsets", 3.9e6, None, "exact", "headsets", "count")),
        ("Between 5 and 10 people were hurt.", ("5 and 10 people", 5, 10, "range", "people", "wounded")),
        ("It costs between $5 million and $7 million.", ("$5 million and $7 million", 5e6, 7e6, "range", "USD", "money")),
        ("It fell from $3 billion to $2 billion.", ("$2 billion", 2e9, None, "exact", "USD", "money")),
        ("Dinner is about eight or nine euros.", ("eight or nine euros", 8, 9, "range", "EUR", "money")),
        ("There are four thousand to five thousand people.", ("four thousand to five thousand people", 4000, 5000, "range", "people", "count")),
        ("Police said four to five thousand people came.", ("four to five thousand people", 4000, 5000, "range", "people", "count")),
        ("Nine to ten thousand marched.", ("Nine to ten thousand", 9000, 10000, "range", None, "count")),
        ("The deficit increased by $43.6 billion to $419.2 billion.", ("$43.6 billion", 43.6e9, None, "exact", "USD", "money")),
        ("The deficit increased by $43.6 billion to $419.2 billion.", ("$419.2 billion", 419.2e9, None, "exact", "USD", "money")),
        ("It offers four-, five- and six-cylinder engines.", ("four", 4, None, "exact", "cylinder", "count")),
        ("It offers four-, five- and six-cylinder engines.", ("five", 5, None, "exact", "cylinder", "count")),
        ("Prices rose by 5 to 10 percent.", ("5 to 10 percent", 5, 10, "range", "percent", "percent_change")),
        ("Winds reached 155mph early Wednesday.", ("155mph", 155, None, "exact", "mph", "count")),
        ("Troops killed 40 Palestinians.", ("40 Palestinians", 40, None, "exact", "Palestinians", "killed")),
        ("The range grew from 252 miles to 287 miles- and more.", ("287 miles", 287, None, "exact", "miles", "distance")),
        ("With eight more picks the team went all over the map.", ("eight more picks", 8, None, "exact", "picks", "count")),
        ("Some 100 armed men came.", ("100 armed men", 100, None, "approximately", "men", "count")),
        ("Russia will extend its cut of 500,000 bpd until the end of 2026.", ("500,000 bpd", 500000, None, "exact", "bpd", "count")),
        ("They pumped 500 barrels until Monday.", ("500 barrels", 500, None, "exact", "barrels", "count")),
        ("Police confirmed that a 52-year-old man had died.", ("52-year-old", 52, None, "exact", "year-old", "count")),
        ("Brent was up $3.45, or 4.4%, at $83.34 a barrel.", ("4.4%", 4.4, None, "exact", "percent", "percent_change")),
        ("Shares fell 20 cents, or about 2%, on Monday.", ("2%", 2, None, "approximately", "percent", "percent_change")),
        ("Turnout was 45%, or 20 points higher.", ("45%", 45, None, "exact", "percent", "count")),
        ("He said 12 people died, 3 of them children.", ("12 people", 12, None, "exact", "people", "killed")),
        ("The quake killed 41 people, including six children, and injured 1,600 others.", ("six children", 6, None, "exact", "children", "killed")),
        ("The quake killed 41 people, including six children, and injured 1,600 others.", ("1,600 others", 1600, None, "exact", "others", "wounded")),
        ("It killed 41 people, injuring 1,600 others.", ("1,600 others", 1600, None, "exact", "others", "wounded")),
        ("Employment for women aged 25 to 54 grew by 2 per cent.", ("25 to 54", 25, 54, "range", None, "count")),
        ("Six people died in the Big Ten town.", ("Six people", 6, None, "exact", "people", "killed")),
        ("Hundreds were arrested during the protests.", ("Hundreds", 100, None, "vague", None, "detained")),
        ("Thousands marched in the capital.", ("Thousands", 1000, None, "vague", None, "count")),
        ("Tens of thousands have fled the city.", ("Tens of thousands", 10000, None, "vague", None, "displaced")),
        ("An earthquake struck, killing at least 41 people and injuring more than 1,600.", ("41 people", 41, None, "at_least", "people", "killed")),
        ("The death toll rose to 38 on Saturday, with 1,607 people injured.", ("38", 38, None, "exact", None, "killed")),
        ("The death toll rose to 38 on Saturday, with 1,607 people injured.", ("1,607 people", 1607, None, "exact", "people", "wounded")),
        ("41 people died when a magnitude 6.8 earthquake hit the province.", ("6.8", 6.8, None, "exact", "magnitude", "count")),
        ("The floods have caused 52 deaths.", ("52 deaths", 52, None, "exact", "deaths", "killed")),
        ("There were 17 fatalities.", ("17 fatalities", 17, None, "exact", "fatalities", "killed")),
        ("A dozen people and two dozen soldiers were hurt.", ("two dozen soldiers", 24, None, "exact", "soldiers", "wounded")),
        ("Half a dozen homes burned.", ("Half a dozen homes", 6, None, "exact", "homes", "count")),
        ("Several thousand troops were there.", ("Several thousand troops", 1000, None, "vague", "troops", "count")),
        ("Two strong earthquakes in 1999 killed around 18,000 people.", ("Two strong earthquakes", 2, None, "exact", "earthquakes", "count")),
        ("Two strong earthquakes in 1999 killed around 18,000 people.", ("18,000 people", 18000, None, "approximately", "people", "killed")),
        ("It raised 50K last week.", ("50K", 50000, None, "exact", None, "count")),
        ("The phone has 64GB of storage.", ("64GB", 64, None, "exact", "GB", "count")),
        ("It offers a 30Mbps plan.", ("30Mbps", 30, None, "exact", "Mbps", "count")),
        ("BYD sold 300,114 electric and hybrid vehicles.", ("300,114 electric and hybrid vehicles", 300114, None, "exact", "vehicles", "count")),
        ("The army lost 12 tanks and many more men.", ("12 tanks", 12, None, "exact", "tanks", "count")),
        ("Some 40 men and women were killed.", ("40 men", 40, None, "approximately", "men", "killed")),
        ("Sales fell by a third last year.", ("a third", 1 / 3, None, "exact", "fraction", "count")),
        ("Workers got a 10% pay rise.", ("10%", 10, None, "exact", "percent", "percent_change")),
        ("55% of firms planned to raise prices.", ("55%", 55, None, "exact", "percent", "count")),  # a share, not a change
        ("The floods killed 42 people across eight districts.", ("eight districts", 8, None, "exact", "districts", "count")),
        ("The attack killed 41 people and 12 children.", ("12 children", 12, None, "exact", "children", "killed")),
        ("They plan to call 10 witnesses.", ("10 witnesses", 10, None, "exact", "witnesses", "count")),
        ("Temperatures soared to 45.6C in Cordoba.", ("45.6C", 45.6, None, "exact", "°C", "count")),
        ("The lake has shrunk by about 90 percent.", ("90 percent", 90, None, "approximately", "percent", "percent_change")),
        ("Yields fell 15 basis points to 4.25%.", ("15 basis points", 15, None, "exact", "basis points", "count")),
        ("About 300,000 people were left without power.", ("300,000 people", 300000, None, "approximately", "people", "affected")),
        ("Nearly 3 million people need humanitarian aid.", ("3 million people", 3e6, None, "at_most", "people", "affected")),
        ("At least 20 people drowned.", ("20 people", 20, None, "at_least", "people", "killed")),
        ("Gunmen abducted 40 students.", ("40 students", 40, None, "exact", "students", "count")),  # no arrest
        ("Roughly 2,000 troops were deployed.", ("2,000 troops", 2000, None, "approximately", "troops", "count")),  # a sentence's first word
        ("Voters aged 18-24, 25-34 backed him.", ("18-24", 18, 24, "range", None, "count")),  # age brackets are no set scores
        ("Two of the hostages were freed.", ("Two of the hostages", 2, None, "exact", "hostages", "released")),  # a part of a group
        ("Unemployment rose 0.3 percentage points.", ("0.3 percentage points", 0.3, None, "exact", "percentage points", "percent_change")),
        ("Inflation eased to 2.1 pc in May.", ("2.1 pc", 2.1, None, "exact", "percent", "count")),
        ("Around a quarter of a million people marched.", ("a quarter of a million people", 250000, None, "approximately", "people", "count")),
        ("A 10,000-strong force crossed the border.", ("10,000", 10000, None, "exact", None, "count")),
        ("The Nasdaq added 2.3% to 17,210.88.", ("2.3%", 2.3, None, "exact", "percent", "percent_change")),
        ("It hit 104 °F.", ("104 °F", 104, None, "exact", "°F", "count")),
        ("They had 5 C students.", ("5 C students", 5, None, "exact", "students", "count")),
    ],
)
def test_figure_values_units_and_categories(text, expected):
    assert expected in _figures(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hama rebelled in 2011 against the government.",
        "He spent millions on ads.",
        "Saka pulled one back in the second half.",
        "Media contact: press@acme.com, +1 212 555 0100.",
        "Call (020) 555 1234 for details.",
        "Several people and a few others came.",
        "They must add users to make up for each one they lose.",
        "His call of the Kick Six win over Alabama was famous.",
        "The offensive began on November 27.",
        "On Dec. 4 he visited the citadel.",
        "The meeting starts at 15:00 today.",
        "It is the second largest city.",
        "China is one of the few countries.",
        "Many people and several towns were affected; a handful left.",
        "It came a week after the attack.",
        "Watch it on a 4K TV tonight.",
        "Prices rose from 1.05am to 7.05am.",
        "The game ended in a 2-2 tie.",
        "They remembered the 9/11 attacks.",
        "He bought 49 Zorro Ranch Road and 9 E 71st St last year.",
        "The category 4 hurricane made landfall.",
        "It starts at 0401 GMT on Friday.",
        "Prices in the 90049 ZIP Code climbed.",
        "Seas could rise sharply by 2120, scientists warn.",
        "He was on flight 370 that night.",
        "Bloomberg was seeking a third term.",
        "Alcaraz beat Sinner 4-6, 6-7 (4), 6-4, 7-6 (3), 7-6 (10-2).",
        "A third, Leonard Hsu, denied any wrongdoing.",
        "Anyone with information should contact police on 101.",
        "In an emergency, call 911.",
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
        ("The toll stood at 250 as of Friday.", date(2024, 12, 6), "2024-12-06"),
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


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _spell_below_thousand(n: int) -> str:
    words = []
    if n >= 100:
        words += [_ONES[n // 100], "hundred"]
        n %= 100
    if n >= 20:
        words.append(_TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
    elif n:
        words.append(_ONES[n])
    return " ".join(words)


def _spell(n: int) -> str:
    """An independent English spelling of 1..999,999,999 (the oracle for the parser)."""
    parts = []
    for scale, name in ((10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            parts.append(f"{_spell_below_thousand(n // scale)} {name}")
            n %= scale
    if n:
        parts.append(_spell_below_thousand(n))
    return " ".join(parts)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=2, max_value=999_999_999))
def test_spelled_out_numbers_read_back(number):
    text = f"There were {_spell(number)} people there."
    rows = extract_article(AID, text, None, [])
    assert [(r["text"], r["value"]) for r in rows] == [(f"{_spell(number)} people", number)]


_FIGURE_TOKENS = [
    "727", "1,200", "3.5", ".5", "$", "US$", "US $", "A$", "Rs.", "RM", "USD", "€", "£", "5", "million", "bn", "a", "A", "an",
    "half", "two", "thirds", "one", "third", "minus", "-", "−", "–", "sub-", "fold", "tens", "of", "thousands", "Hundreds",
    "per", "cent", "%", "percent", "to", "and", "people", "twenty", "-five", "between", "out", "in", "every", "1/4", "k", "m",
    "Section", "Dozens", "a quarter", "subzero", ",", ".", "'", "(", "sub", "Sub-", "x-", "b-", "5-", "\u00a0",
]


@given(st.lists(st.tuples(st.sampled_from(_FIGURE_TOKENS), st.sampled_from(["", " ", "  ", "\n"])), max_size=14))
@settings(max_examples=300, deadline=None)
def test_figures_are_searched_for_only_where_one_can_start(pieces):
    """Trying ``_FIGURE`` only at ``_FIGURE_START`` positions finds what a plain search finds, from every position."""
    from flows.extract_figures import _FIGURE, _FIGURE_START, figure_starts, next_figure

    text = "".join(token + gap for token, gap in pieces)
    starts = [m.start() for m in _FIGURE_START.finditer(text)]
    assert figure_starts(text) == starts
    for pos in range(len(text) + 1):
        plain, fast = _FIGURE.search(text, pos), next_figure(text, pos, len(text), starts)
        assert (plain and plain.span()) == (fast and fast.span())
