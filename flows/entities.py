"""Resolve speaker mentions to the fullest name the article gives them.

"Mr Abdurrahman" -> "Rami Abdurrahman", "the army" -> "the Syrian army",
"he" / "It" -> the most recent speaker of the right kind.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from flows import lexicon
from flows.text import paragraph_spans

_TOKEN = r"(?:[A-Z][\w’'.-]*|al-[A-Z][\w’'-]*)"
_NAME_RUN = re.compile(rf"{_TOKEN}(?: (?:(?:of|for|the|{'|'.join(lexicon.NAME_PARTICLES)})(?: der| la)? )?{_TOKEN})*")
#: A word with a full stop that ends a sentence, not an abbreviation or initial: "Libya." in "Libya. FBI notes".
_SENTENCE_FINAL = re.compile(r"[\w’'-]{3,}\.")
_ABBREVIATIONS = frozenset(a + "." for a in lexicon.NAME_ABBREVIATIONS)


def _name_runs(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Runs of capitalized words, cut where a sentence ends inside one ("Election Day. His" is two)."""
    return [run for _, run in _name_run_spans(text, start, end)]


#: An honorific inside a run of capitalized words: the name starts there ("What Mr. Obama has seen", "One of Mr. Clarke's").
_HONORIFIC_INSIDE = re.compile(r" (?:(?:of|for|the) )?(?=(?:" + "|".join(sorted({h.rstrip(".").capitalize() for h in lexicon.HONORIFICS})) + r")\.? [A-Z])")


def _name_run_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """``_name_runs`` with where each run starts."""
    runs: list[tuple[int, str]] = []
    for match in _NAME_RUN.finditer(text, start, len(text) if end is None else end):
        if (inside := _HONORIFIC_INSIDE.search(match.group(0))) is not None:
            runs.append((match.start(), match.group(0)[: inside.start()]))
            runs.extend(_name_run_spans(text, match.start() + inside.end(), match.end()))
            continue
        if "." not in match.group(0):
            runs.append((match.start(), match.group(0)))  # the common case: no full stop to cut at
            continue
        words: list[str] = []
        at = match.start()
        for word in match.group(0).split(" "):
            words.append(word)
            if _SENTENCE_FINAL.fullmatch(word) and word not in _ABBREVIATIONS:
                words[-1] = word[:-1]
                runs.append((at, " ".join(words)))
                at += len(" ".join(words)) + 2
                words = []
        if words:
            runs.append((at, " ".join(words)))
    return runs


@functools.lru_cache(maxsize=1 << 16)  # pure, and asked again for every mention of a name
def _surname_key(token: str) -> str:
    token = token.lower().strip(".,’'")
    token = re.sub(r"^(?:al|el)[- ]", "", token)
    return re.sub(r"[’']s$", "", token)


_SURNAMES_THAT_ARE_ORG_WORDS = frozenset({"house", "white"})  # "Supreme Court", "Washington Post" name bodies


@functools.lru_cache(maxsize=1 << 16)  # pure, and asked again for every mention of a name
def speaker_kind(name: str | None) -> str:
    """person | organization | unknown, from the words of a resolved name."""
    if not name:
        return "unknown"
    words = [w.lower().strip(".,’'") for w in name.replace("’s", " ").replace("'s", " ").split()]
    head = re.split(r" (?:for|of|at|with) ", " ".join(words))[0].split()[-1]
    if words[0] in {"a", "an", "the", "one", "another"} and head.rstrip("s") in lexicon.PERSON_ROLES:
        return "person"  # "a spokesman for the ministry", "a senior official"
    org_words = [w for w in words if w in lexicon.ORG_WORDS]
    surname = (  # "Sarah House", "Emily Post": a first name and a surname that is also an organization noun
        len(words) in (2, 3) and org_words == [words[-1]] and words[-1] in _SURNAMES_THAT_ARE_ORG_WORDS
        and all(w[:1].isupper() for w in name.split()) and "white house" not in " ".join(words)
    )
    if (org_words and not surname) or words[0] in {"the", "a", "an"} or name.lower() in lexicon.PRONOUNS_GROUP:
        return "organization"
    if name.lower() in lexicon.PRONOUNS_PERSON:
        return "person"
    if name.lower() in country_names() or name.lower() in lexicon.CAPITALS_AS_STATES:
        return "organization"  # "Saudi Arabia said": a state speaks through its government
    if len(words) == 1 and len(name) >= 2 and name.isupper():
        return "organization"  # an acronym: "SANA", "NATO", "UNRWA"
    if len(words) >= 2 and words[-1] in lexicon.DOCUMENT_HEADS:
        return "organization"  # "LSEG data", "Pentagon documents": an organization's records
    if len(words) == 1 and words[0].endswith("s") and (words[0][:-1] in lexicon.PERSON_ROLES or words[0][:-1] in lexicon.ROLE_NOUNS):
        return "unknown"  # "Prosecutors said" opening a sentence is "prosecutors", no name
    caps = [w for w in name.split() if w[:1].isupper() or w.startswith("al-") or w in lexicon.NAME_PARTICLES]
    if caps and len(caps) == len(name.split()) or " and " in name:
        return "person"
    return "unknown"


@functools.cache
def country_names() -> frozenset[str]:
    """Lower-cased country names (capitals speaking for states are ``lexicon.CAPITALS_AS_STATES``): ISO 3166's (pycountry ships them) in their short forms ("Iran, Islamic
    Republic of" -> "iran"; common names such as "Syria"), plus the forms news uses that ISO does not."""
    import pycountry

    names = set(lexicon.COUNTRY_ALIASES)
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.update({value.lower(), value.split(",")[0].lower()})
    return frozenset(names)


_HONORIFICS = frozenset(h.rstrip(".") for h in lexicon.HONORIFICS)
_LEADING_TITLES = frozenset(lexicon.TITLES | {t.rstrip(".") for t in lexicon.HONORIFICS})


#: A description of an organization, then its acronym.
_DESCRIBED_ACRONYM = re.compile(
    r"(?:.*\s)?(?:agency|broadcaster|channel|network|outlet|daily|newspaper|group|militia|monitor|movement|party|coalition|"
    r"company|firm|operator|regulator|alliance|force|forces)\s+([A-Z][A-Z0-9&-]{1,9})"
)


#: A title's abbreviations as the role they stand for ("Sen." is "senator"), from ``lexicon.STANDALONE_ROLES``.
_ABBREVIATED_ROLES = {
    abbreviation.lower().rstrip("."): role
    for role, abbreviations in reversed(lexicon.STANDALONE_ROLES.items())  # the first role listed for an abbreviation wins
    for abbreviation in abbreviations
}


def _title_key(word: str) -> str:
    key = word.lower().rstrip(".")
    return _ABBREVIATED_ROLES.get(key, key)


@functools.lru_cache(maxsize=1 << 16)  # pure, and asked again for every mention of a name
def strip_titles(name: str) -> str:
    """Drop leading roles and titles: 'Hezbollah chief Naim Qassem' -> 'Naim Qassem'."""
    described = _DESCRIBED_ACRONYM.fullmatch(name)
    if described:
        return described.group(1)  # "State news agency SANA", "the rebel group HTS": the organization's own name
    words = name.split()
    # The last role or title word inside the phrase separates an affiliation from the name: "HTS leader Abu
    # Mohammed al-Jolani" and "Wells Fargo CEO John Stumpf" are people, though "HTS" and "Wells Fargo" name
    # organizations (a title that ends the phrase is a surname: "Prime Minister John Major").
    last_role = max(
        (
            i for i, w in enumerate(words)
            if w not in lexicon.NAME_PARTICLES
            and ((w[:1].islower() and (w in lexicon.TITLES or w in lexicon.ROLE_NOUNS)) or (0 < i < len(words) - 2 and w.lower().rstrip(".") in lexicon.TITLES))
        ),
        default=-1,
    )
    if last_role < 0 and len(words) >= 5 and words[0].lower().rstrip(".") in lexicon.TITLES and words[1] in {"of", "for"} and all(w[:1].isupper() for w in words[2:]):
        last_role = 0  # "Secretary of Homeland Security Jeh Johnson": the title's affiliation, then the name
    tail = words[last_role + 1 :]
    if last_role >= 0 and len(tail) >= 3 and tail[0] in {"for", "of", "to", "at"}:
        # "UN Special Envoy for Syria Geir Pedersen": the affiliation, then the name (two words, or three with an initial)
        keep = 3 if re.fullmatch(r"[A-Z]\.", tail[-2]) and len(tail) >= 4 else 2
        tail = tail[-keep:]
    if len(tail) >= 2:
        words = tail
    elif any(w.lower().strip(".,’'") in lexicon.ORG_WORDS for w in words):
        return name
    while len(words) > 1 and (words[1][:1].isupper() or words[1].startswith("al-")) and (  # not "State television"
        words[0].lower().rstrip(".") in _LEADING_TITLES or words[0].lower() in lexicon.SENTENCE_OPENERS or words[0].lower() in lexicon.SPEECH_VERBS
        or (len(words) > 2 and words[0][-1:] == "s" and words[0].lower()[:-1] in lexicon.TITLES)  # "Senators Charles E. Grassley and ..."
        or (len(words) > 2 and words[0].lower().endswith("s") and words[0].lower()[:-1] in lexicon.ROLE_NOUNS and words[1][:1].isupper())  # "Analysts Bonnie Glaser"
    ):  # "Said Ellis:" names Ellis; "UN Secretary-General Antonio Guterres" is Antonio Guterres
        words = words[1:]
    if any(w.lower().strip(".,’'") in lexicon.ORG_WORDS for w in words):
        return name  # "UN Security Council", "the Syrian army": an organization keeps every word
    if len(words) < len(name.split()) and "of" in words[2:]:
        words = words[: words.index("of", 2)]  # "Senator Maria Delgado of Arizona" is Maria Delgado
    return " ".join(words)


def _is_headline(paragraph: str) -> bool:
    """A Title Case line ('Railing Against Trump, Sanders Vows To ...'): its capitalized runs are not names."""
    if len(paragraph) > 250:
        return False  # a paragraph of body text, not a headline
    words = [w for w in paragraph.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


@dataclass
class MentionIndex:
    """Names and organization phrases found in one article, for resolving short forms.

    Lookups are answered from tables built once per article: resolution asks for
    the same surnames and heads many times.
    """

    text: str
    names: list[str] = field(default_factory=list)
    #: The text before its quotations were masked (same offsets), where it was masked.
    raw: str = ""
    _people: dict[str, str] | None = field(default=None, repr=False)
    _organizations: dict[str, str | None] = field(default_factory=dict, repr=False)
    _described: dict[str, list[tuple[int, str]]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, text: str, raw: str = "") -> MentionIndex:
        names = [
            name
            for start, end in paragraph_spans(text)
            if not _is_headline(text[start:end])
            for name in _name_runs(text, start, end)
        ]
        return cls(text=text, names=names, raw=raw or text)

    def _people_by_surname(self) -> dict[str, str]:
        people: dict[str, str] = {}
        for name in dict.fromkeys(self.names):  # an article repeats its names; the first longest still wins
            parts = strip_titles(name[:-2] if name.endswith(("’s", "'s")) else name).split()
            if len(parts) < 2 or parts[0].lower().rstrip(".") in lexicon.HONORIFICS or _opens_a_clause(parts[0]) or parts[0].lower() in lexicon.SENTENCE_OPENERS:
                continue  # "On RT, the West is ...", "When PolitiFact examined ...": no one's full name
            if parts[-1].endswith("s") and parts[-1][:-1].lower() in lexicon.TITLES:
                continue  # "Pennsylvania Republicans", "House Democrats": a group, so "Republicans" is nobody's surname
            key = _surname_key(parts[-1])
            if key not in people or len(parts) > len(people[key].split()):
                people[key] = " ".join(parts)
        return people

    def full_person(self, surname: str) -> str | None:
        """Longest name in the article ending with this surname, titles stripped."""
        if self._people is None:
            self._people = self._people_by_surname()
        return self._people.get(_surname_key(surname))

    def written_with_title(self, name: str, title: str) -> bool:
        """Whether the article writes ``name`` right after this title ("President Barack Obama" for "President";
        "Sen." and "Senator" are one title)."""
        wanted = _title_key(title)
        return any(_title_key(before) == wanted for before in re.findall(rf"([\w.]+)\s+{re.escape(name)}\b", self.text))

    def person_with_role(self, role: str, position: int) -> str | None:
        """The person named last before ``position`` with this role: "Senator Maria Delgado", "Sen. Maria Delgado",
        "U.S. District Judge Ellen Park" or "Maria Delgado, a senator from Arizona" for "the senator"."""
        found: tuple[int, str] | None = None
        for pattern in _role_patterns(role):
            for match in pattern.finditer(self.text, 0, position):
                if found is None or match.start() > found[0]:
                    found = (match.start(), match.group("name"))
        if found is None:
            return None
        name = strip_titles(found[1])
        if len(name.split()) == 1:  # "President Obama": the full name written before, if no one else has that surname
            full = {strip_titles(n) for n in self.names if n.split()[-1] == name and len(strip_titles(n).split()) >= 2}
            name = full.pop() if len(full) == 1 else ""
            name = name if name and 0 <= self.text.find(name) < found[0] else ""
        return name if len(name.split()) >= 2 and speaker_kind(name) == "person" else None

    def organization_described_as(self, head: str, position: int) -> str | None:
        """The organization named last before ``position`` with this noun in apposition: "The Syrian Observatory for
        Human Rights, a UK-based war monitor," for "the monitor"."""
        if head not in self._described:  # every apposition with this noun, found once per article
            found = []
            for description in _description_pattern(head).finditer(self.text):  # ", a UK-based war monitor,": then the name before it
                named = _NAME_BEFORE_COMMA.search(self.text, max(0, description.start() - 120), description.start())
                if named:
                    found.append((named.start(), named.group("name")))
            self._described[head] = found
        before = [name for start, name in self._described[head] if start < position]
        if not before:
            return None
        return "the " + before[-1][4:] if before[-1].startswith("The ") else before[-1]

    def full_organization(self, phrase: str) -> str | None:
        """Fullest 'the <Adj>* head (in|of|for <Name>)?' phrase sharing the mention's head noun."""
        head = re.sub(r"[’']s$", "", phrase.split()[-1])
        if not head.isalpha():
            return None
        if head not in self._organizations:
            self._organizations[head] = self._fullest_organization(head)
        return self._organizations[head]

    def _in_headline(self, position: int) -> bool:
        for start, end in paragraph_spans(self.text):
            if start <= position < end:
                return _is_headline(self.text[start:end])
        return False

    def _fullest_organization(self, head: str) -> str | None:
        """The longest name with the head as written ("the army": "the Syrian army", never "the Syrian National
        Army"); an organization noun with no such name takes its capitalized form ("the ministry": "Gaza's Health
        Ministry")."""
        found = self._longest_with_head(head)
        if found is None and head.islower() and head in lexicon.ORG_WORDS:
            found = self._longest_with_head(head.capitalize())
        return found

    def _longest_with_head(self, head: str) -> str | None:
        best: str | None = None
        for match in _lines_finditer(_organization_pattern(head), self.text, head):
            if self._in_headline(match.start()):
                continue  # a Title Case headline capitalizes every word
            candidate = match.group(0)
            tokens = candidate.split()
            # The words before the head must be capitalized modifiers, not a sentence start.
            pre = tokens[: tokens.index(head) if head in tokens else len(tokens) - 1]
            if pre and pre[0] in {"The", "the"}:
                pre = pre[1:]
            if not pre or not all(t[:1].isupper() for t in pre):
                continue
            if any(t.lower() in lexicon.CHUNK_STOPS for t in pre):
                continue
            if candidate.startswith("The "):
                candidate = "the " + candidate[4:]
            if best is None or len(candidate) > len(best):
                best = candidate
        return best


_PERSON_NAME = r"(?P<name>(?:[A-Z][\w’'-]*\.? ){0,3}[A-Z][\w’'-]+)"


@functools.lru_cache(maxsize=64)
def _role_patterns(role: str) -> tuple[re.Pattern, ...]:
    """A name right after the role (or its abbreviation), and a name with the role in apposition."""
    spelled = [rf"{re.escape(role[0].upper())}{re.escape(role[1:])}" if role.islower() else re.escape(role)]
    spelled += [re.escape(role.title())] if " " in role else []
    spelled += [re.escape(abbreviation) for abbreviation in lexicon.STANDALONE_ROLES.get(role, ())]
    role_word = rf"(?i:{re.escape(role)})"
    return (
        # not "Vice President Joe Biden" for "the president", nor "Prime Minister" for "the minister"
        re.compile(rf"(?<![\w.])(?<!Vice )(?<!vice )(?<!Vice-)(?<!Deputy )(?<!deputy )(?<!Assistant )(?<!Prime )(?<!Under )(?:{'|'.join(spelled)}|{role_word}) {_PERSON_NAME}\b"),
        re.compile(rf"{_PERSON_NAME}, (?:the|a|an|[A-Z][\w.-]*’s|[A-Z][\w.-]*'s) (?:[\w.-]+ ){{0,3}}?{role_word}\b"),
    )


@functools.lru_cache(maxsize=256)
def _description_pattern(head: str) -> re.Pattern:
    """', a <words> <head>' ending an apposition (the noun ends it: not "a campaign spokeswoman")."""
    return re.compile(rf", (?:a|an|the) (?:[\w-]+ ){{0,3}}?{re.escape(head)}(?=\s*[,.;)])")


#: An organization's name right before the comma of its apposition: "The Syrian Observatory for Human Rights".
_NAME_BEFORE_COMMA = re.compile(r"(?P<name>(?:[Tt]he )?[A-Z][\w’'-]*(?: (?:(?:for|of|on|and|the) )*[A-Z][\w’'-]*)*)$")


@functools.lru_cache(maxsize=4096)
def _organization_pattern(head: str) -> re.Pattern:
    """'the <Capitalized>{1,4} head (in|of|for <Name>)?': compiled once per head noun, not once per article."""
    return re.compile(
        rf"\b(?:(?:the|The) )?(?:[A-Z][\w’'-]* ){{1,4}}{re.escape(head)}\b"
        rf"(?: (?:in|of|for) {_TOKEN}(?: (?:(?:for|of) )?{_TOKEN})*)?"
    )


def _lines_finditer(pattern: re.Pattern, text: str, needle: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern that matches no newline and only where ``needle`` is: only
    the lines holding ``needle`` are scanned (a line's ends are word boundaries, as the newlines around it are).
    Scanning a whole article for every head noun was most of resolving organizations."""
    at = text.find(needle)
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        yield from pattern.finditer(text, start, end)
        at = text.find(needle, end)


@dataclass
class SpeakerHistory:
    """Speakers already resolved earlier in the article, most recent last."""

    entries: list[tuple[int, str, str]] = field(default_factory=list)
    #: What the article calls each person: "he" or "she" once resolved to them, or "Mrs."/"Mr." before their name.
    genders: dict[str, str] = field(default_factory=dict)

    def add(self, position: int, name: str, kind: str) -> None:
        self.entries.append((position, name, kind))

    def last(self, position: int, kinds: set[str], gender: str | None = None) -> str | None:
        """The latest speaker of these kinds; with a gender (asked for "he" or "she"), one person, not several."""
        for pos, name, kind in reversed(self.entries):
            if pos < position and kind in kinds and (gender is None or (self.genders.get(name, gender) == gender and not _several_people(name))):
                return name
        return None

    def note_gender(self, name: str | None, gender: str | None) -> None:
        if name and gender:
            self.genders.setdefault(name, gender)


def _several_people(name: str) -> bool:
    """'Republicans and Democrats', 'the senators', 'Leading Democratic strategists': nobody "he" or "she" stands for."""
    last = name.split()[-1]
    return " and " in name or (last.islower() and last.endswith("s") and not last.endswith(("ss", "us")))


#: An article and plain adjectives before a person's full name: "a defiant Donald Trump".
_DESCRIBED_NAME = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?:[a-z]+\s+){1,2}((?:[A-Z][\w’'.-]*\s+)+[A-Z][\w’'-]*)")


#: Last words of newspapers' names, whose "The" is part of the name.
_PUBLICATION_WORDS = frozenset({"times", "post", "journal", "guardian", "telegraph", "economist", "independent", "herald", "tribune", "observer", "news", "press", "daily", "gazette", "globe", "mail", "star", "sun", "atlantic", "hill", "intercept", "monitor"})
#: A nationality or an age standing for a person already named: "the Italian", "the Frenchman", "the 32-year-old".
_PERSON_DESCRIPTION = re.compile(r"[A-Z][a-z]+(?:ian|an|i|man|woman)|Democrat|\d{1,3}-year-old")  # "the Chinese" are a people
#: Names that look like nationalities.
_NOT_NATIONALITIES = frozenset({"guardian", "vatican", "taliban", "pentagon", "sudan", "japan", "iran", "oman", "yemen", "pakistan", "afghanistan", "kazakhstan", "bhutan", "taiwan"})


def _describes_a_person(word: str) -> bool:
    low = word.lower()
    return bool(_PERSON_DESCRIPTION.fullmatch(word)) and low not in _NOT_NATIONALITIES and low not in lexicon.ORG_WORDS and low not in country_names()


#: An unnamed person described by a role and the body they belong to.
_UNNAMED_SOURCE = re.compile(
    r"\w+\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(sorted(lexicon.PERSON_ROLES | lexicon.ROLE_NOUNS, key=len, reverse=True)) + r")s?\s+"
    r"(?:for|of|at|from|with|to|close\s+to|familiar\s+with)\b"
)


def resolve_mention(mention: str, position: int, index: MentionIndex, history: SpeakerHistory) -> str | None:
    """The fullest name for a mention; pronouns resolve to the latest fitting speaker."""
    mention = mention.strip(" ,;:")
    if not mention:
        return None
    lower = mention.lower()
    if lower in lexicon.PRONOUNS_PERSON:
        gender = lexicon.PRONOUN_GENDER[lower]
        resolved = history.last(position, {"person"}, gender)
        resolved = _named_since(index, history, resolved, position, gender) if resolved else _last_person_name(index, position)
        resolved = _previous_subject(index, history, resolved, position, gender) or resolved
        history.note_gender(resolved, gender)
        return resolved
    if lower in lexicon.PRONOUNS_GROUP:
        return history.last(position, {"organization", "unknown"}) or history.last(position, {"person"})
    if " and " in mention and mention[:1].isupper():
        parts = [resolve_mention(p, position, index, history) or p for p in mention.split(" and ")]
        return " and ".join(parts)
    words = mention.split()
    first = words[0].lower().rstrip(".")
    if first in {"a", "an", "one", "two", "three", "several", "some"} and _UNNAMED_SOURCE.match(mention):
        return mention  # "A spokeswoman for Trump", "an economist at Capital Economics": unnamed sources keep their phrase
    if first in _HONORIFICS and len(words) >= 2:
        resolved = index.full_person(words[-1]) or " ".join(words[1:])
        history.note_gender(resolved, lexicon.HONORIFIC_GENDER.get(first))
        return resolved
    if words[0] in {"the", "The"} and 3 <= len(words) <= 5 and words[-1] in lexicon.STANDALONE_ROLES and (named := index.person_with_role(" ".join(words[1:]), position)):
        return named  # "the Republican presidential nominee" -> "Donald Trump", named "Republican presidential nominee Donald Trump"
    if words[0] in {"the", "The"} and len(words) <= 3:
        role = " ".join(words[1:]).lower()
        if role in lexicon.STANDALONE_ROLES and (named := index.person_with_role(role, position)):
            return named  # "the senator" -> "Maria Delgado"
        if len(words) == 2 and _describes_a_person(words[1]) and (named := _last_person_name(index, position)):
            return named  # '"...," the Italian told Sky Sports' after "Chelsea boss Enzo Maresca"
        found = index.full_organization(mention)
        modifiers = {w.lower() for w in words[1:-1]}
        if found and len(found) > len(mention) and modifiers <= {w.lower() for w in found.split()}:
            return found  # "the army" -> "the Syrian army"; "the British bank" is no other bank
        if words[-1].lower() in lexicon.ORG_WORDS and (described := index.organization_described_as(words[-1].lower(), position)):
            return described  # "the Britain-based monitor" after "The Syrian Observatory for Human Rights, a UK-based war monitor,"
        return "the " + mention[4:] if mention.startswith("The ") else mention
    if all(w[:1].isupper() or w.startswith("al-") for w in words):
        stripped = strip_titles(mention)
        if len(stripped.split()) == 1:
            full = index.full_person(stripped)
            title = mention[: len(mention) - len(stripped)].split()
            if full and title and _title_key(title[-1]) in lexicon.OFFICES and not index.written_with_title(full, title[-1]):
                return stripped  # "President Obama" is not the "Michelle Obama" the article names
            return full or stripped
        opens_sentence = stripped.startswith("The ") and (position == 0 or index.text[max(0, position - 2) : position].strip() in {"", ".", "!", "?", '"', "”"})
        publication = stripped.split()[-1].lower() in _PUBLICATION_WORDS  # "The New York Times" is its name
        return "the " + stripped[4:] if opens_sentence and not publication else stripped  # "The UN's World Food Programme said"
    described = _DESCRIBED_NAME.fullmatch(mention)
    if described:  # "a defiant Donald Trump"
        return described.group(1)
    if words[0] in {"the", "The"} and all(w[:1].isupper() for w in words[1:]):
        return "the " + mention[4:]  # "the UN Environment Programme": an organization's name, no person's title
    if any(w[:1].isupper() for w in words) and (words[-1][:1].isupper() or words[-1].startswith("al-")):
        stripped = strip_titles(mention)
        if stripped != mention:
            return stripped
    return "the " + mention[4:] if mention.startswith("The ") else mention


#: Right before a name that is the object of a preposition ("a meeting with Vladimir Putin"), which a
#: pronoun starting a later sentence rarely means.
_OBJECT_BEFORE = re.compile(r"\b(?:with|about|of|to|for|against|from|by|on|at|in|near|toward|towards|into|than|between|among|like)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}$")
#: How far before the latest name a subject may be preferred to it.
_SUBJECT_REACH = 300


def _named_since(index: MentionIndex, history: SpeakerHistory, speaker: str, position: int, gender: str | None) -> str:
    """The earlier speaker whose name the text mentions last before ``position``, if it is not ``speaker``:
    '... Zandi told CNBC ... Gonzalez is less academic about it. "...," she says.' is Gonzalez."""
    before = index.text[:position]
    latest_at, latest = before.rfind(speaker.split()[-1]), speaker
    for _, name, kind in history.entries:
        if kind == "person" and name != latest and (gender is None or (history.genders.get(name, gender) == gender and not _several_people(name))):
            at = before.rfind(name.split()[-1])
            if at > latest_at:
                latest_at, latest = at, name
    return latest


#: The end of the sentence before a position.
_SENTENCE_BREAK = re.compile(r"(?:[.!?][”\"’']?|_[”\"])\s+(?=[A-Z“\"])")
#: A period that ends an abbreviation or an initial, not a sentence.
_ABBREVIATION_END = re.compile(r"(?:\b(?:" + "|".join(lexicon.NAME_ABBREVIATIONS) + r")|\b[A-Z]|\.[A-Z])\.$")
#: A short adverbial opening a sentence, before its subject: "For his part, ", "But ", "On Tuesday, ".
_LEADING_ADVERBIAL = re.compile(
    r"(?:(?:But|And|Yet|Then|Later|Still|So|Now),?\s+|(?:For|In|On|At|After|Before|During|Since|With|By|Under|Despite|Amid|"
    r"Earlier|Meanwhile|Last|This|However)\b[^,.!?“”\"]{0,40},\s+)"
)
_FUNCTION_WORDS = frozenset({"the", "a", "an", "it", "he", "she", "they", "we", "i", "this", "that", "these", "those", "there", "his", "her", "its", "their", "our", "my"})


def _opens_a_clause(word: str) -> bool:
    """A capitalized first word that is no part of the name after it ("On", "When", "The")."""
    return word.lower() in lexicon.LEADING_PREPOSITIONS or word.lower() in _FUNCTION_WORDS


#: Words that may stand before a subject's name: roles, titles, articles, possessives ("Poland's defence minister, ").
_DESCRIBING_WORDS = frozenset(lexicon.TITLES | lexicon.ROLE_NOUNS | lexicon.ORG_WORDS | {"the", "a", "an"})  # "White House press secretary"
#: Where a pronoun may stand in its sentence to continue the last one's subject: first, after a leading clause
#: ("Asked about his contract, he said"), or after a quotation that opens the sentence ('"...," he wrote').
_PRONOUN_LEAD = re.compile(r"\s*(?:[^.!?“”\"\n]*,\s*|[“\"][^“”\"]*[”\"]\s*)?")


def _sentence_subject(index: MentionIndex, start: int, end: int) -> tuple[int, str, str] | None:
    """(position, name, as written) of the person a sentence opens with, after an adverbial and describing words:
    "Kowalski, who served as mayor, pleaded guilty", "Chelsea boss Enzo Maresca was left frustrated"."""
    lead = _LEADING_ADVERBIAL.match(index.text, start, end)
    offset = lead.end() if lead else start
    for at, run in _name_run_spans(index.text, offset, end):
        if run.split()[0].lower() in _FUNCTION_WORDS:
            return None  # "The difference now, he told me, is ...": a capitalized function word opens no name
        if run.split()[0].lower() in lexicon.LEADING_PREPOSITIONS or run.split()[0] in lexicon.CALENDAR_WORDS:
            return None  # "On Wednesday New Jersey Gov. Chris Christie ...": a time, then perhaps a name
        before = re.findall(r"[\w’'.-]+", index.text[offset:at])
        if not all(w[:1].isupper() or w.lower() in _DESCRIBING_WORDS or w.endswith(("’s", "'s")) for w in before):
            return None  # the sentence's subject is no name: "The poll showed Clinton ..."
        name = strip_titles(run[:-2] if run.endswith(("’s", "'s")) else run)
        if len(name.split()) == 1:
            name = index.full_person(name) or name
        if speaker_kind(name) == "person" and not run.endswith(("’s", "'s")):
            return at, name, run
    return None


def _previous_subject(index: MentionIndex, history: SpeakerHistory, resolved: str | None, position: int, gender: str | None) -> str | None:
    """The person the sentence before the pronoun's opens with, when the text names them after ``resolved``: "Judge
    Park told Raymond Kowalski ... Kowalski pleaded guilty in June. He apologized, saying ..." is Kowalski (centering:
    a pronoun that is its sentence's subject continues the last sentence's subject)."""
    text = index.text
    breaks = [
        m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, position - 600), position + 1)
        if not _ABBREVIATION_END.search(text, max(0, m.start() - 6), m.start() + 1)  # "Mr. Trump", "St. Louis", "U.S. forces"
        # a masked quotation ends its sentence only with a full stop inside: '"... handball." Salah', not 'a "liar" Wednesday'
        and (text[m.start()] != "_" or index.raw[m.start() : m.start() + 1] in {".", "!", "?"})
    ]
    if len(breaks) < 2 or _PRONOUN_LEAD.fullmatch(text, breaks[-1], position) is None:
        return None
    if text[breaks[-2]] in "“\"":
        return None  # the sentence before is a quotation
    subject = _sentence_subject(index, breaks[-2], breaks[-1])
    if subject is None:
        return None
    at, name, written = subject
    honorific = lexicon.HONORIFIC_GENDER.get(written.split()[0].lower().rstrip("."))
    if gender and honorific and honorific != gender:
        return None  # "Mr. Sloan ... She said"
    if len(name.split()) < 2 or name == resolved or history.genders.get(name, gender) != gender:
        return None
    if resolved and text.rfind(resolved.split()[-1], 0, position) > at:
        return None  # the speaker was named again after that subject
    return name


def _last_person_name(index: MentionIndex, position: int) -> str | None:
    """The latest full person name before ``position``, preferring a nearby subject to an object:
    "Obama was asked about a meeting with Vladimir Putin. He ..." is Obama."""
    before = index.text[:position]
    latest: tuple[int, str] | None = None
    for at, run in reversed(_name_run_spans(before)):
        if _opens_a_clause(run.split()[0]):
            continue  # "On Wednesday New Jersey": a time and a place
        name = strip_titles(run)
        honorific = run.split()[0].lower().rstrip(".") in _HONORIFICS  # "Mr. Obama" is a person even with no full name written
        if len(name.split()) == 1 and (honorific or not _OBJECT_BEFORE.search(before, max(0, at - 60), at)):
            name = index.full_person(name) or re.sub(r"[’']s$", "", name)  # "Sinner, the world No. 1, was gracious": the full name written before
        if (len(name.split()) < 2 and not honorific) or speaker_kind(name) != "person":
            continue
        if latest is not None and at < latest[0] - _SUBJECT_REACH:
            break
        if not _OBJECT_BEFORE.search(before, max(0, at - 60), at):
            return name
        latest = latest or (at, name)
    return latest[1] if latest else None
