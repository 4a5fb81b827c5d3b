"""Extract numeric figures: value, unit, qualifier, category, source and as-of date.

Candidates come from one compiled pattern (digits with separators, number
words, scales, vague magnitudes, fractions, percentages, currencies, ranges);
exclusions (dates, years, clock times, ordinals, "one of") are filtered on the
surrounding words; category comes from the words of the figure's sentence.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from datetime import date, timedelta

import polars as pl

from flows import lexicon
from flows.ids import stable_id
from flows.text import article_sentences, literal_alternation
from schemas import ArticleSchema, ClaimSchema, FigureSchema, column_names

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_UNIT_WORDS = [w for w, v in lexicon.NUMBER_WORDS.items() if v < 100 and w != "dozen"]
_SMALL_WORD_STEMS = "(?:" + literal_alternation(_UNIT_WORDS) + ")"
_SMALL_WORDS = _SMALL_WORD_STEMS + r"\b(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
#: Below a thousand: "eight", "forty-two", "six hundred forty-two"
_SMALL_HUNDREDS = rf"{_SMALL_WORDS}(?:\s+hundred(?:\s+(?:and\s+)?{_SMALL_WORDS})?)?"
#: "eight", "forty-two", "six hundred forty-two", "twenty-eight thousand six hundred forty-two", "eight million"
_WORDNUM = rf"{_SMALL_HUNDREDS}(?:\s+(?:thousand|million|billion|trillion)\b(?:\s+(?:and\s+)?{_SMALL_HUNDREDS})?)*"
_SCALE = r"(?:hundred|thousand|million|billion|trillion|lakh\s+crore|lakh|crore|bn|mn|tn)"
_FRACTION = r"(?:two[-\s]thirds|three[-\s]quarters|three[-\s]fourths|one[-\s]third|one[-\s]fifth|one[-\s]fourth|a\s+third|a\s+quarter|a\s+fourth|a\s+fifth|a\s+tenth|one\s+half|a\s+half|half)"
_CURRENCY_PREFIX = r"(?:(?:US|AU|A|CA|C|HK|NZ|S|R)\s?\$|\$\s?(?:US|A)(?=\d)|\$|€|£|¥|₹|Rs\.?\s?|(?:USD|EUR|GBP|AUD|CAD|INR|JPY|CNY|CHF|HKD|SGD|NZD)\s?(?=\d)|RM(?=\d))"
#: Where a written number can start; checked first, since most positions of a text cannot start one.
_NUMERIC_START = r"(?:[\d.$€£¥₹\-−]|minus|(?-i:(?:US|AU|A|CA|C|HK|NZ|S|R)\s?\$|USD|EUR|GBP|AUD|CAD|INR|JPY|CNY|CHF|HKD|SGD|NZD|RM|Rs))"
_SUFFIX = r"(?:bn|tn|mn|mil|[kKmMbB])(?![\w])"
_RANGE = rf"(?:(?P<conn>-|\s+-\s+|\s*–\s*|\s+to\s+|\s+and\s+)(?P<cur2>{_CURRENCY_PREFIX})?(?P<num2>{_NUM})(?P<sfx2>{_SUFFIX})?)?"
#: Where a figure may start: not inside a word or a number ("sub-" prefixes aside).
_FIGURE_BOUNDARY = r"(?:(?<![\w$€£¥₹.,-])|(?<=\bsub-))"
#: After a vague magnitude with no "of": the verb it is the subject of ("Hundreds were arrested", "Thousands marched").
_VAGUE_SUBJECT_VERB = (
    r"\s+(?:(?:more|others|also|have|had|were|are|was|more\s+were)\s+)?(?:were|are|have|had|died|fled|marched|gathered|protested|rallied|"
    r"joined|remain|remained|attended|lined|poured|streamed|took|turned|packed|queued|killed|injured|wounded|arrested|detained)\b"
)
_FIGURE_TEMPLATE = rf"""{_FIGURE_BOUNDARY}(?:
        (?P<vague>(?:tens|hundreds|thousands|dozens|scores|millions|billions)(?:\s+of\s+(?:thousands|millions|billions))?)(?=\s+of\b|{_VAGUE_SUBJECT_VERB})
      | (?P<halfscale>(?:half|a\s+quarter\s+of|three[\s-]quarters\s+of)\s+a\s+(?:million|billion))
      | (?P<dozen>(?:a|one|two|three|four|five|six|half\s+a)\s+dozen)\b
      | (?P<fewscale>(?:a\s+few|several)\s+(?:hundred|thousand|million|billion))\b
      | a\s+(?P<ascale>hundred|thousand|million|billion|trillion)\b
      | (?P<ratio>(?P<ra>\d+|{_SMALL_WORDS})\s+(?:out\s+of|in|of\s+every)\s+(?P<rb>\d+|{_SMALL_WORDS})\b)
      | (?P<fold>\d+|{_SMALL_WORD_STEMS})-?fold\b
      | (?P<dfrac>(?P<da>\d+)\s?[/⁄]\s?(?P<db>\d+))(?=\s+(?:of\s|[a-z]))
      | (?={_NUMERIC_START})(?P<neg>minus[\s-]?|[-−](?=[\d$]))?(?P<cur>{_CURRENCY_PREFIX})?(?P<neg2>-(?=\d))?(?P<num>{_NUM})(?P<sfx>{_SUFFIX})?(?:\s+(?P<scale1>{_SCALE})(?=(?:-|\s+-\s+|\s*–\s*|\s+to\s+|\s+and\s+)(?:{_CURRENCY_PREFIX})?\d))?__RANGE__(?:\s+(?P<scale>{_SCALE}(?:\s+{_SCALE})*)\b)?
        (?:\s*(?P<pct>%|-?\s?per\s?cent\b|-?percent\b|(?-i:pc)\b))?
      | (?P<frac>{_FRACTION})\b
      | (?P<word>{_WORDNUM})(?:\s+(?:or|to)\s+(?P<word2>{_WORDNUM}))?(?:\s+(?P<wscale>lakh\s+crore|lakh|crore|bn))?(?:\s*(?P<wpct>-?\s?per\s?cent\b|-?percent\b))?
    )"""
_FIGURE = re.compile(_FIGURE_TEMPLATE.replace("__RANGE__", _RANGE), re.IGNORECASE | re.VERBOSE)
#: The same without ranges: the first number of a failed range ("from $2,415 to $2,315") on its own.
_SINGLE_FIGURE = re.compile(_FIGURE_TEMPLATE.replace("__RANGE__", ""), re.IGNORECASE | re.VERBOSE)
#: Every position where ``_FIGURE`` can match, and more: a boundary, then what one of its branches starts
#: with (a digit, sign or currency, a number word, a magnitude, "half", "a "). Cheap to find; ``_FIGURE``
#: is tried only there, where a plain search would try all its branches at every word of the text.
_FIGURE_LEAD = (
    r"(?=[\d.$€£¥₹\-−]|"
    + literal_alternation([*_UNIT_WORDS, *lexicon.VAGUE, "minus", "half", "several"])
    + r"|a\s|(?-i:(?:US|AU|A|CA|C|HK|NZ|S|R)\s?\$|USD|EUR|GBP|AUD|CAD|INR|JPY|CNY|CHF|HKD|SGD|NZD|RM|Rs))"
)
_FIGURE_START = re.compile(_FIGURE_BOUNDARY + _FIGURE_LEAD, re.IGNORECASE)
#: ``_FIGURE_START`` one character on: the character before a start (anything but a word character, a
#: currency sign, ".", "," or a "-" not after "sub") is matched, not looked behind at, so the engine jumps
#: from one such character to the next instead of testing a lookbehind at every position.
_AFTER_FIGURE_BOUNDARY = re.compile(r"[^\w$€£¥₹.,](?:(?<!-)|(?<=\bsub-))" + _FIGURE_LEAD, re.IGNORECASE)


def figure_starts(text: str) -> list[int]:
    """Every ``_FIGURE_START`` position of ``text``, in order."""
    starts = [0] if _FIGURE_START.match(text) else []
    starts.extend(m.start() + 1 for m in _AFTER_FIGURE_BOUNDARY.finditer(text))
    return starts
_MONTH_BEFORE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$|\b(?:January|February|March|April|June|July|August|September|October|November|December)\s*$")
_MONTH_AFTER = re.compile(r"^\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DATE_EXPR = re.compile(
    r"\b(?:[Oo]n|[Ss]ince|[Bb]y|[Ff]rom|[Aa]s\s+of)\s+(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2})\b)"
    r"|\b[Ii]n\s+(?P<year>(?:19|20)\d{2})\b"
)
_RELATIVE = re.compile(r"\b(?:which|who|that|when|since|after|before)\b")
#: Compiled once: these run for every figure of every article.
#: A qualifier phrase right before the number; of two that end there ("nearly about", "about") the longer
#: starts first, so the leftmost match is the one meant.
_QUALIFIER_BEFORE = re.compile(r"\b(" + literal_alternation(list(lexicon.QUALIFIER_WORDS)) + r")\s+$")
#: A change word right after a percentage, perhaps after one more word: "a 50-percent raise", "a 10% pay rise".
_PERCENT_CHANGE_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?(?:" + literal_alternation(sorted(lexicon.PERCENT_CHANGE_WORDS)) + r")\b")
_ABOUT = r"(?:(?:about|around|nearly|almost|some|roughly|more than|less than)\s+)?"
#: "rose by about ", and "up $3.45, or ": the change given as an amount, then as a percentage.
_PERCENT_CHANGE_BEFORE = re.compile(
    r"\b(?:" + literal_alternation(sorted(lexicon.PERCENT_CHANGE_WORDS)) + rf")\s+(?:by\s+)?{_ABOUT}"
    + rf"(?:[$€£¥]?\d[\d.,]*(?:\s*[a-z]+)?,?\s+or\s+{_ABOUT})?$"
)
_CATEGORY_CUE_RE = re.compile(r"\b(?:" + literal_alternation(list(lexicon.CATEGORY_CUES)) + r")\b")


def _to_float(number: str) -> float:
    return float(number.replace(",", ""))


def _word_value(word: str) -> float:
    """'twenty-eight thousand six hundred forty-two' -> 28642."""
    total = current = 0.0
    for part in re.split(r"[-\s]+", word.lower()):
        if part == "and":
            continue
        if part == "hundred":
            current = (current or 1) * 100
        elif part in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * lexicon.NUMBER_WORDS[part]
            current = 0.0
        else:
            current += lexicon.NUMBER_WORDS[part]
    return total + current


def _small_value(token: str) -> float:
    return _to_float(token) if token[0].isdigit() else _word_value(token)


_ID_LABEL_BEFORE = re.compile(r"\b(?:" + literal_alternation(lexicon.ID_LABELS) + r")\s$", re.IGNORECASE)
_ID_SUFFIX_AFTER = re.compile(r"\s+(?:" + literal_alternation(lexicon.ID_SUFFIXES) + r")\b")
#: A list of game or set scores, tiebreaks in brackets: "4-6, 6-7 (4), 6-4, 7-6 (10-2)".
#: (Single digits: "aged 18-24, 25-34" are age brackets.)
_SCORE_LIST = re.compile(r"\b\d-\d(?:\s*\(\d{1,2}(?:-\d{1,2})?\))?(?:,\s*\d-\d(?:\s*\(\d{1,2}(?:-\d{1,2})?\))?)+")
#: Before a number to call: "call 911", "dial 999", "contact police on 101", "the hotline on 0800".
_DIAL_BEFORE = re.compile(r"\b(?:call|calling|dial|dialling|dialing)\s+(?:\w+\s+)?(?:on\s+)?$|\b(?:police|hotline|helpline|Crimestoppers|line)\s+on\s+$", re.IGNORECASE)
#: A year of the next century after a preposition: "by 2120", "until 2100".
_FUTURE_YEAR = re.compile(r"\b(?:by|in|until|till|before|after|since|from|through)\s$", re.IGNORECASE)
#: Capitalized plurals that are counted people: "Palestinians", "Israelis", "Chinese".
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ans|ese)|(?:" + "|".join(lexicon.DEMONYM_STEMS_IN_IS) + r")is")
#: Two modifiers joined before the counted noun: " electric and hybrid vehicles".
_PAIRED_MODIFIERS = re.compile(r"\s+([a-z]+)\s+(?:and|or)\s+([a-z]+)\s+(?P<noun>[a-z]+)\b")
_SUSPENDED_HYPHEN = re.compile(r"-,?(?:\s+[\w.]+-,?)*\s+(?:and|or|to)\s+[\w.]+-(?P<noun>[a-z]+)\b")
_MEASURE_AFTER = re.compile(r"\s*(?:" + "|".join(sorted(map(re.escape, lexicon.MEASURE_UNITS), key=len, reverse=True)) + r")\b", re.IGNORECASE)
_STREET_AFTER = re.compile(
    r"(?:\s+(?:[A-Z][\w.]*|\d+(?:st|nd|rd|th))){1,3}\s+(?:St|Street|Rd|Road|Way|Ave|Avenue|Blvd|Boulevard|Lane|Ln|Drive|Dr|Place|Pl|Court|Ct|Terrace)\b\.?"
)
#: Denominators that make "1/16" a fraction rather than a date or a score.
_FRACTION_DENOMINATORS = {2, 3, 4, 5, 8, 10, 16, 32, 64, 100, 128}


def _group(match: re.Match, name: str) -> str | None:
    """A group's text; None also where the pattern has no such group (``_SINGLE_FIGURE`` has no range)."""
    return match.group(name) if name in match.re.groupindex else None


def _suffix_scale(match: re.Match, group: str, text: str) -> float | None:
    """The multiplier a glued suffix stands for; None where the suffix says it is not a figure ('4K TV', '3M Co')."""
    suffix = _group(match, group)
    if not suffix:
        return 1.0
    if match.group("cur") or suffix.lower() in ("bn", "tn", "mn", "mil", "b"):
        return lexicon.SUFFIX_SCALES[suffix.lower()]
    after = text[match.end(group) : match.end(group) + 20]
    if suffix in "kKM" and re.match(r"\s+(?:[A-Z]|(?:resolution|video|display|screen|monitor|streaming)\b)", after):
        return None  # a name or a display resolution
    if suffix == "m" and "." not in match.group("num") and not re.match(r"\s+of\b", after):
        return 1.0  # metres: "100m sprint", "37m (121ft)"
    return lexicon.SUFFIX_SCALES[suffix.lower()]


def _trailing_scale(words: str) -> float:
    """The scale a written number ends in: 1000 for 'five thousand', 1 for 'forty-two'."""
    last = words.lower().split()[-1]
    return lexicon.NUMBER_WORDS[last] if last in ("thousand", "million", "billion", "trillion") else 1.0


def _scale(scale: str | None) -> float:
    if not scale:
        return 1.0
    value = 1.0
    for part in scale.lower().split():
        value *= lexicon.SCALES[part]
    return value


#: A capitalized word before a number that opens a sentence or a phrase, not a name the number belongs to ("Roughly
#: 2,000 troops", unlike "Section 427").
_SENTENCE_WORD_BEFORE = re.compile(
    r"\b(?:The|A|About|Some|Over|Nearly|Around|Almost|Only|At|In|By|Up|Of|Between|Roughly|Approximately|Just|Under|Another|"
    r"Exactly|Perhaps|Barely|Fully|Since|From|To|With|For|On|And|But|More|Fewer|Less|Least|Most|All|Estimated|Some)\s$"
)


def _is_excluded(text: str, start: int, end: int, match: re.Match) -> bool:
    before = text[max(0, start - 12) : start]
    after = text[end : end + 12]
    num = match.group("num")
    if num is not None:
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _ORDINAL_AFTER.match(after):
            return True  # dates and ordinals
        if re.match(r"^[:/]\d", after) or re.search(r"\d[:/]$", before) or re.match(r"^\s?[ap]\.?m\b", after, re.IGNORECASE):
            return True  # clock times, dates like 12/05
        if _STREET_AFTER.match(text, end):
            return True  # a street address: "9 E 71st St", "49 Zorro Ranch Road"
        if any(m.start() <= start < m.end() for m in _PHONE.finditer(text, max(0, start - 24), min(len(text), end + 24))):
            return True  # a telephone number: "+1 212 555 0100"
        plain = num.replace(",", "")
        unmarked = not (match.group("pct") or match.group("cur") or match.group("scale"))
        if unmarked and (re.fullmatch(r"0\d+", plain) or _ID_LABEL_BEFORE.search(before) or _ID_SUFFIX_AFTER.match(text, end)):
            return True  # a code, a label or a clock time: "0401 GMT", "category 4", "the 90049 ZIP Code"
        if unmarked and ("-" in text[max(0, start - 8) : end + 8]) and any(
            m.start() <= start < m.end() for m in _SCORE_LIST.finditer(text, max(0, start - 60), min(len(text), end + 60))
        ):
            return True  # set scores: "4-6, 6-7 (4), 6-4"
        if unmarked and _DIAL_BEFORE.search(text, max(0, start - 30), start) and not re.match(r"\s+[a-z]", after):
            return True  # a number to call: "contact police on 101", "call 911" (not "call 10 witnesses")
        if unmarked and re.fullmatch(r"21\d{2}", num) and _FUTURE_YEAR.search(before):
            return True  # "by 2120"
        if re.fullmatch(r"(?:1[89]|20)\d{2}", num) and not match.group("pct") and not match.group("cur") and (not match.group("scale") or _group(match, "num2")):
            return True  # a year ("in 2018 to 3.9 million" is a year, then a figure)
        if re.search(r"[A-Z][A-Za-z]*\s$", before) and not match.group("cur") and not match.group("scale") and not _MEASURE_AFTER.match(after) and not match.group("pct") and plain.isdigit() and not _SENTENCE_WORD_BEFORE.search(before):
            return True  # inside a name or id: "Section 427", "Route 66"
    word = match.group("word")
    if word is not None:
        low = word.lower()
        if low == "one" and re.match(r"^\s+(?:of|another|day|way|by|and|thing|more|another|side|back|up|out|off)\b", after):
            return True  # "one of the few", pronoun uses
        if low == "one" and not re.match(r"^\s+[a-z]", after):
            return True
        if low == "one" and re.search(r"\b(?:each|every|no|any|the|this|that|which)\s$", before, re.IGNORECASE):
            return True  # "each one they lose", "the one that got away"
        if word[:1].isupper() and re.search(r"[a-z,;]\s+[A-Z][\w-]*\s$", before) and not _SENTENCE_WORD_BEFORE.search(before):
            return True  # a name: "the Kick Six win", "the Big Ten"
    if match.group("frac") and match.group("frac").lower() == "half" and (
        re.match(r"^\s*(?:of\s+(?:the\s+)?(?:year|century|decade|time)|-)", after) or re.search(r"\b(?:first|second|other)\s+$", before, re.IGNORECASE)
    ):
        return True  # "half of the year", "in the second half": a period, not a share
    if match.group("frac") and _ORDINAL_FRACTION.fullmatch(match.group("frac")) and _ORDINAL_USE_AFTER.match(text, end):
        return True  # "seeking a third term", "A third, Leonard Hsu, denied": the ordinal, not a share
    return False


#: Fractions spelled as ordinals ("a third"), and what makes them the ordinal: a noun it counts in order, or a name
#: in apposition. "fell by a third" and "a third of voters" stay fractions.
_ORDINAL_FRACTION = re.compile(r"(?i:a|one)\s+(?i:third|fourth|fifth|tenth)")
_ORDINAL_USE_AFTER = re.compile(
    r",\s+[A-Z]|\s+(?:time|term|round|day|year|week|month|night|season|party|person|man|woman|child|suspect|victim|option|"
    r"straight|consecutive|place|wave|attempt|game|match|set|stage|phase|country|member|candidate|generation|world|way|"
    r"vote|ballot|case|death|bid|shot|goal|try|leg|film|book|album|edition|quarter|suspects|defendant|company|[A-Z])\b"
)


#: A part of a group: "of the hostages", "of its 40 members" is not (another number counts there).
_PARTITIVE_AFTER = re.compile(r"\s+of\s+(?:the|its|their|his|her|these|those)\s+(?:[a-z]+\s+(?=[a-z]+\s+(?:were|are|was|is|had|have|has|died|remain)\b))?(?P<noun>[a-z]+)\b")
_BASIS_POINTS_AFTER = re.compile(r"\s+(?:basis|percentage)\s+points?\b", re.IGNORECASE)
#: A temperature's scale right after its number: "45.6C" (glued), "30°C", "104 °F".
_DEGREES_AFTER = re.compile(r"(?:\s?[°º]\s?|(?<=\d))([CF])\b(?![’'.-]\w)")


def _is_counted_noun(word: str) -> bool:
    low = word.lower()
    return word.islower() and (low.endswith("s") or low in lexicon.IRREGULAR_PLURALS) and low not in lexicon.UNIT_STOPS and low not in lexicon.CATEGORY_CUES


def _unit_after(text: str, end: int, limit: int) -> tuple[str | None, int]:
    """The counted noun after a number ('727 people', 'two major towns', 'hundreds of prisoners')."""
    degrees = _DEGREES_AFTER.match(text, end, limit)
    if degrees:  # "45.6C", "30°C", "104 °F": a temperature
        return f"°{degrees.group(1)}", degrees.end()
    partitive = _PARTITIVE_AFTER.match(text, end, limit)
    if partitive and _is_counted_noun(partitive.group("noun")):  # "Two of the hostages were freed"
        return partitive.group("noun"), partitive.end("noun")
    basis_points = _BASIS_POINTS_AFTER.match(text, end, limit)
    if basis_points:  # "15 basis points", "0.3 percentage points": one unit of two words
        return f"{basis_points.group(0).split()[0].lower()} points", basis_points.end()
    suspended = _SUSPENDED_HYPHEN.match(text, end, limit)
    if suspended:  # "four-, five- and six-cylinder engines": each number takes the last compound's noun
        return suspended.group("noun"), end
    paired = _PAIRED_MODIFIERS.match(text, end, limit)
    if paired and not {paired.group(1), paired.group(2)} & (lexicon.UNIT_STOPS | lexicon.CATEGORY_CUES.keys()) and _is_counted_noun(paired.group("noun")):
        return paired.group("noun"), paired.end("noun")  # "300,114 electric and hybrid vehicles"
    unit, unit_end = None, end
    words = list(re.finditer(r"[A-Za-z][\w’'-]*", text[end : min(limit, end + 60)]))
    window = words[:3]
    for k, w in enumerate(window):
        gap = text[end + (words[k - 1].end() if k else 0) : end + w.start()]
        word = w.group(0)
        low = word.lower()
        glued_unit = k == 0 and gap == "" and low in lexicon.MEASURE_UNITS  # "155mph", "70kg"
        if not re.fullmatch(r"\s+", gap) and not (k == 0 and gap == "-") and not glued_unit:  # "five-year", "18 month-old"
            break
        if k == 0 and gap == "-" and low == "strong":
            break  # "a 10,000-strong force": a size, no counted noun
        if k == 0 and _DEMONYM.fullmatch(word):
            return word, end + w.end()  # "40 Palestinians"
        if k == 0 and low in ("of", "more", "fewer", "additional", "extra") and len(window) > 1:
            continue  # "hundreds of prisoners", "eight more picks"
        if word[:1].isupper() and low not in lexicon.MEASURE_UNITS:
            if any(_is_counted_noun(later.group(0)) for later in window[k + 1 :]):
                continue  # a proper-noun modifier: "seven European countries", "five NBA teams"
            break
        if k == 0 and gap != "-" and low in lexicon.CATEGORY_CUES and low.endswith("s") and low not in lexicon.UNIT_STOPS:
            return word, end + w.end()  # "52 deaths", "17 fatalities": a counted noun that is also the category's cue
        if low in lexicon.UNIT_STOPS or low in lexicon.CATEGORY_CUES:
            break
        if low.endswith("ed") and gap != "-" and low not in lexicon.MEASURE_UNITS:
            if any(_is_counted_noun(later.group(0)) for later in window[k + 1 :]):
                continue  # a participle modifier: "100 armed men"
            break  # a verb: "ten thousand marched"
        unit, unit_end = word.rstrip("-"), end + w.start() + len(word.rstrip("-"))
        if gap == "-" or low.endswith("s") or low in lexicon.IRREGULAR_PLURALS or low in lexicon.MEASURE_UNITS or k == 2:
            break
    return unit, unit_end


def _qualifier_before(text: str, start: int) -> str | None:
    match = _QUALIFIER_BEFORE.search(text[max(0, start - 25) : start].lower())
    return lexicon.QUALIFIER_WORDS[match.group(1)] if match else None


def _resolve_as_of(sentence: str, rel_pos: int, published: date | None) -> str | None:
    for match in _DATE_EXPR.finditer(sentence):
        if match.start() > rel_pos and _RELATIVE.search(sentence[rel_pos : match.start()]):
            continue
        if match.start() < rel_pos and re.search(r",\s*(?:while|but|whereas|and)\b|;", sentence[match.end() : rel_pos]):
            continue
        if match.group("year"):
            return match.group("year")
        if published is None:
            continue
        if match.group("wd"):
            target = _WEEKDAYS.index(match.group("wd").lower())
            delta = (published.weekday() - target) % 7
            return (published - timedelta(days=delta)).isoformat()
        month = _MONTHS[match.group("mon")[:3].lower()]
        year = published.year - (1 if month > published.month + 1 else 0)
        try:
            return date(year, month, int(match.group("day"))).isoformat()
        except ValueError:
            continue
    return None


@functools.lru_cache(maxsize=256)
def _category_cues(sentence: str) -> list[tuple[int, str]]:
    """(position, category) of every cue word in a lowercased sentence; a sentence often holds several figures."""
    return [(m.start(), lexicon.CATEGORY_CUES[m.group(0)]) for m in _CATEGORY_CUE_RE.finditer(sentence)]


#: Right before a figure that is part of the one before it: it counts what that one counts.
_PART_OF_BEFORE = re.compile(r"\b(?:including|among them|of whom|of them)\s+(?:[a-z]+\s+){0,2}$")
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)|\b\d{2,4})[\s.-]\d{3}[\s.-]\d{3,4}\b")
_MAGNITUDE_BEFORE = re.compile(r"\b[Mm]agnitude[\s-]+$")
#: Between a cue and the figure it governs: nothing, or qualifiers ("killing at least 41", "freed some 200").
_ONLY_QUALIFIERS = re.compile(r"\s*(?:(?:at\s+least|at\s+most|more\s+than|less\s+than|fewer\s+than|up\s+to|over|about|around|some|nearly|almost|roughly|an\s+estimated|another|a\s+further)\s+)?")
_CUE_END = re.compile(r"[a-z]+(?:\s+toll)?")
_NUMBER = re.compile(r"\d")
#: A number right after a cue word (perhaps after a qualifier): the cue's object ("killed around 18,000").
_OBJECT_NUMBER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?\d")


def _category(sentence: str, rel_start: int, rel_end: int, unit: str | None, is_money: bool, is_percent: bool, is_fraction: bool) -> str:
    if is_money:
        return "money"
    low = sentence.lower()
    if is_percent or unit == "percentage points":
        if _PERCENT_CHANGE_AFTER.match(low, rel_end) or _PERCENT_CHANGE_BEFORE.search(low, 0, rel_start):
            return "percent_change"  # "a 50-percent raise", "rose by 5 percent"; "55% of firms plan to raise prices" is a share
    if unit and unit.lower() in lexicon.MEASURE_UNITS:
        return lexicon.MEASURE_UNITS[unit.lower()]
    if unit and unit.lower() in lexicon.AGE_UNITS:
        return "count"  # "a 52-year-old man had died": an age, not a toll
    if is_fraction and re.match(r"[\w\s-]*?\bof the way\b", low[rel_start:]):
        return "distance"
    cues = _category_cues(low)
    if cues and _PART_OF_BEFORE.search(low, max(0, rel_start - 40), rel_start):
        cues = [cue for cue in cues if cue[0] < rel_start] or cues  # "killing 41 people, including six children, and injuring"
    if cues:
        return _governing_cue(low, rel_start, rel_end, cues, people=unit is None or unit.lower() in lexicon.PEOPLE_NOUNS)
    return "count"


def _governing_cue(low: str, rel_start: int, rel_end: int, cues: list[tuple[int, str]], *, people: bool = True) -> str:
    """The category of the cue word that speaks of this figure: one right before it ("killing at least 41"), else the
    nearest one with no other number between them ("the death toll rose to 38, with 1,607 people injured": 38 is the
    toll, 1,607 the injured), else the nearest, if the figure counts ``people`` ("killed 42 people across eight
    districts": the districts are no toll)."""
    for at, category in reversed(cues):
        if at < rel_start:
            if _ONLY_QUALIFIERS.fullmatch(low, _CUE_END.match(low, at).end(), rel_start):
                return category
            break
    # a cue after the figure with a number of its own right after it speaks of that number: "Two earthquakes killed 18,000 people"
    cues = [(at, category) for at, category in cues if at < rel_start or not _OBJECT_NUMBER.match(low, _CUE_END.match(low, at).end())]
    if not cues:
        return "count"
    reachable = [
        (at, category) for at, category in cues
        if not _NUMBER.search(low, at, rel_start) and (at < rel_start or not _NUMBER.search(low, rel_end, at))
    ]
    if not reachable and not people:
        return "count"
    return min(reachable or cues, key=lambda cue: abs(cue[0] - rel_start))[1]


#: Column names as plain attributes: rows are built by the million (``schemas.column_names``).
_FIGURE_COLUMN, _CLAIM_COLUMN = column_names(FigureSchema), column_names(ClaimSchema)


def _figure_row(match: re.Match, text: str, s_start: int, s_end: int, article_id: str, published: date | None, claims: list[dict]) -> dict | None:
    """The figure a candidate match stands for, or None where it is not one."""
    sentence = text[s_start:s_end]
    start, end = match.start(), match.end()
    if start == end or _is_excluded(text, start, end, match):
        return None
    qualifier = _qualifier_before(text, start) or "exact"
    value_high = None
    is_money = bool(match.group("cur"))
    is_percent = bool(match.group("pct") or match.group("wpct"))
    is_fraction = bool(match.group("frac"))
    unit: str | None = None
    unit_end = end
    if match.group("vague"):
        words = match.group("vague").lower().split()
        value = lexicon.VAGUE[words[0]] * (lexicon.VAGUE[words[-1]] if len(words) > 1 else 1)
        qualifier = "vague"
        unit, unit_end = _unit_after(text, end, s_end)
    elif match.group("fewscale"):  # "a few hundred", "several thousand": vague, the scale is the lower bound
        value, qualifier = _scale(match.group("fewscale").split()[-1]), "vague"
    elif match.group("dozen"):
        count = match.group("dozen").lower().split()[:-1]
        value = 12 * (0.5 if count[0] == "half" else 1 if count[0] in ("a", "one") else lexicon.NUMBER_WORDS[count[0]])
    elif match.group("halfscale"):
        part = match.group("halfscale").lower()
        value = (0.25 if "quarter of" in part and not part.startswith("three") else 0.75 if part.startswith("three") else 0.5) * _scale(part.split()[-1])
    elif match.group("ascale"):
        value = _scale(match.group("ascale"))
    elif match.group("ratio"):
        denominator = _small_value(match.group("rb"))
        value = _small_value(match.group("ra")) / denominator if denominator else 0.0
        if not 0 < value < 1 or denominator > 1000:
            return None
        unit, is_fraction = "fraction", True
    elif match.group("fold"):
        value, unit = _small_value(match.group("fold")), "fold"
    elif match.group("dfrac"):
        numerator, denominator = int(match.group("da")), int(match.group("db"))
        if denominator not in _FRACTION_DENOMINATORS or not 0 < numerator < denominator:
            return None
        value, unit, is_fraction = numerator / denominator, "fraction", True
    elif match.group("num") is not None:
        sign = -1.0 if (match.group("neg") or match.group("neg2")) else 1.0
        low_scale, high_scale = _suffix_scale(match, "sfx", text), _suffix_scale(match, "sfx2", text)
        if low_scale is None or high_scale is None:
            return None
        if match.group("sfx") and low_scale == 1.0:
            unit = "m"
        scale = _scale(match.group("scale"))
        own_scale = _scale(match.group("scale1"))  # "$5 million to $7 million": each number has its own
        value = sign * _to_float(match.group("num")) * low_scale * (own_scale if match.group("scale1") else scale)
        if _group(match, "num2") and match.group("conn").strip() == "and" and not re.search(r"\bbetween\s+$", text[max(0, start - 9) : start], re.IGNORECASE):
            return None  # "5 and 10" is a range only after "between"; the caller reads each number alone
        if _group(match, "num2") and match.group("conn").strip() == "to" and (match.group("cur2") or match.group("scale1")) and re.search(r"\bby\s+(?:(?:about|around|nearly|almost|some|roughly)\s+)?$", text[max(0, start - 20) : start], re.IGNORECASE):
            return None  # "rose by $43.6 billion to $419.2 billion": a change, then a level
        if _group(match, "num2"):
            value_high = _to_float(match.group("num2")) * (high_scale if match.group("sfx2") else low_scale) * scale
            if not match.group("sfx") and match.group("sfx2"):
                value *= high_scale  # "$5-10bn"
            elif value >= value_high and value / scale < value_high and "," in match.group("num") and not match.group("scale1"):
                value /= scale  # "$800,000 to $1.3 million": the scale belongs to the second number only
            if value >= value_high:
                return None  # not a range; the caller tries each number alone
            qualifier = "range"
    elif match.group("word") is not None:
        value = _word_value(match.group("word")) * _scale(match.group("wscale"))
        if match.group("word2"):  # "eight or nine euros", "four thousand to five thousand people"
            high = _word_value(match.group("word2")) * _scale(match.group("wscale"))
            shared_scale = _trailing_scale(match.group("word2"))
            if shared_scale > 1 and _trailing_scale(match.group("word")) == 1 and value * shared_scale < high:
                value *= shared_scale  # "four to five thousand": the scale belongs to both
            if high <= value:
                return None
            value_high, qualifier = high, "range"
    else:
        value = lexicon.FRACTIONS[re.sub(r"\s+", " ", match.group("frac").lower())]
        unit = "fraction"
        unit_end = end
        tail = re.match(r"\s+(?:of|outside|inside|in|across|within)\s+(?:the\s+|its\s+|their\s+)?[a-z]+", text[end:s_end])
        if tail:
            unit_end = end + tail.end()
    if match.group("cur"):
        unit = lexicon.CURRENCY_SYMBOLS.get(re.sub(r"\s+", "", match.group("cur")), "USD")
    elif is_percent:
        unit = "percent"
    elif unit is None and not is_fraction and _MAGNITUDE_BEFORE.search(text, max(s_start, start - 12), start):
        unit = "magnitude"  # "a magnitude 6.8 earthquake": the scale named before the number
    elif unit is None and not is_fraction:
        unit, unit_end = _unit_after(text, end, s_end)
    if not is_money and unit and unit.lower() in lexicon.CURRENCY_WORDS:  # "5 euros", "thousands of dollars"
        unit, is_money = lexicon.CURRENCY_WORDS[unit.lower()], True
    if unit is None and not (is_percent or is_money or is_fraction or match.group("vague")):
        if match.group("word") and not re.search(r"hundred|thousand|illion", match.group(0), re.IGNORECASE):
            return None  # a bare small number word is rarely a figure ("two" as in "the two")
    span_end = unit_end
    while span_end > start and text[span_end - 1] in " .,;:":
        span_end -= 1
    category = _category(sentence, start - s_start, span_end - s_start, unit, is_money, is_percent, is_fraction)
    owner = next((c for c in claims if c[_CLAIM_COLUMN.char_start] <= start and span_end <= c[_CLAIM_COLUMN.char_end]), None)
    return {
        _FIGURE_COLUMN.figure_id: stable_id(article_id, "figure", start, span_end),
        _FIGURE_COLUMN.article_id: article_id,
        _FIGURE_COLUMN.char_start: start,
        _FIGURE_COLUMN.char_end: span_end,
        _FIGURE_COLUMN.text: text[start:span_end],
        _FIGURE_COLUMN.value: float(value),
        _FIGURE_COLUMN.value_high: value_high,
        _FIGURE_COLUMN.qualifier: qualifier,
        _FIGURE_COLUMN.unit: unit,
        _FIGURE_COLUMN.category: category,
        _FIGURE_COLUMN.source: owner[_CLAIM_COLUMN.source] if owner else None,
        _FIGURE_COLUMN.claim_id: owner[_CLAIM_COLUMN.claim_id] if owner else None,
        _FIGURE_COLUMN.as_of: _resolve_as_of(sentence, start - s_start, published),
    }


def next_figure(text: str, pos: int, end: int, starts: list[int]) -> re.Match | None:
    """``_FIGURE.search(text, pos, end)``, trying only the ``starts`` (``_FIGURE_START`` positions) from ``pos`` on."""
    for start in itertools.islice(starts, bisect.bisect_left(starts, pos), None):
        match = _FIGURE.match(text, start, end)
        if match:
            return match
    return None


def extract_article(article_id: str, text: str, published: date | None, claims: list[dict]) -> list[dict]:
    """Figure rows for one article; ``claims`` are that article's claim rows (for source and claim_id)."""
    rows: list[dict] = []
    article_starts = figure_starts(text)
    for _, s_start, s_end in article_sentences(text):
        starts = article_starts[bisect.bisect_left(article_starts, s_start) : bisect.bisect_left(article_starts, s_end)]
        pos = s_start
        while match := next_figure(text, pos, s_end, starts):
            pos = max(match.end(), match.start() + 1)
            row = _figure_row(match, text, s_start, s_end, article_id, published, claims)
            if row is not None:
                rows.append(row)
            elif match.group("num2") and " " in text[match.end("num") : match.start("num2")]:
                # not a range ("from $2,415 to $2,315", "in 2018 to 3.9 million"): each number alone; "2-2" is a score
                single = _SINGLE_FIGURE.match(text, match.start(), s_end)
                row = single and _figure_row(single, text, s_start, s_end, article_id, published, claims)
                if row is not None:
                    rows.append(row)
                pos = match.start("cur2") if match.group("cur2") else match.start("num2")
    return rows


def extract_figures(articles: pl.DataFrame, claims: pl.DataFrame) -> pl.DataFrame:
    """Figures table for a batch of articles, attributed through that batch's claims."""
    by_article: dict[str, list[dict]] = {}
    for row in claims.iter_rows(named=True):
        by_article.setdefault(row[ClaimSchema.article_id], []).append(row)
    rows: list[dict] = []
    for article_id, text, published in articles.select(
        ArticleSchema.article_id, ArticleSchema.text, ArticleSchema.published_at
    ).iter_rows():
        rows.extend(extract_article(article_id, text, published.date() if published else None, by_article.get(article_id, [])))
    return pl.DataFrame(rows, schema=FigureSchema.empty().schema) if rows else FigureSchema.empty()
