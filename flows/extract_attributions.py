"""Extract quotes and claims: who said what, with direct quotations tied to their speakers.

Rule-based, in the spirit of textacy's ``direct_quotations`` (Krestel et al. 2008):
cue verbs are found *outside* quotation content, their subject is the source,
the clause they govern (or the quotation before them) is the content. A
quotation becomes a ``quotes`` row only when a speaker is in reach: inside a
claim, a follow-on paragraph of the same speaker, or a dash-credited pull-quote.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

import polars as pl

from flows import lexicon
from flows.entities import MentionIndex, SpeakerHistory, resolve_mention, speaker_kind
from flows.ids import stable_id
from flows.text import QuoteSpan, article_sentences, literal_alternation, mask_quotes, paragraph_spans, quote_spans
from schemas import ArticleSchema, ClaimSchema, QuoteSchema, column_names

_CUE_RE = re.compile(r"\b(" + literal_alternation([*lexicon.SPEECH_VERBS, "according to"]) + r")\b", re.IGNORECASE)
#: ``_CUE_RE`` for lowercased text: case-insensitive matching costs about twice as much as
#: lowering the article once (``_lowered``) and matching it plainly.
_CUE_LOWER_RE = re.compile(_CUE_RE.pattern)
_NAMING_RE = re.compile(
    r"\b(" + literal_alternation(list(lexicon.NAMING_VERBS)) + r")\b(?=(?:\s+[\w’'-]+){0,8}?\s+[“\"])", re.IGNORECASE
)
_CLAUSE_CUE_RE = re.compile(
    r"\b(" + literal_alternation(list(lexicon.CLAUSE_CUE_VERBS)) + r")\b"
    r"(?=\s+(?:to\s+(?!(?:a|an|the|his|her|their|its|my|our|your|him|them|me|us)\b)[“\"_]*[a-z_]+|that|whether|what|why|how|if)\b)",
    re.IGNORECASE
)
_CLAUSE_CUE_LOWER_RE = re.compile(_CLAUSE_CUE_RE.pattern)
#: A reply verb after a closing mark (quotation interiors are masked) and its subject: '” Clinton gushed'.
_QUOTE_REPLY_RE = re.compile(
    r"[”\"»’']\s+(?:[\w.’'-]+\s+){1,5}?(" + literal_alternation(list(lexicon.QUOTE_REPLY_VERBS)) + r")\b", re.IGNORECASE
)
#: Between a closing mark and a reply verb: a verb of its own or a modal, so the verb is not the quotation's reply
#: ('"..." He later said talks would continue').
_NOT_A_REPLY_BETWEEN = re.compile(r"\b(?:would|will|could|should|can|may|might|must|to|" + literal_alternation(list(lexicon.SPEECH_VERBS)) + r")\b", re.IGNORECASE)
_QUOTE_INTRO_RE = re.compile(
    r"\b(" + literal_alternation([*lexicon.QUOTE_INTRO_VERBS, *lexicon.QUOTE_REPLY_VERBS]) + r")\b(?=\s*[,:]?\s*[“\"])", re.IGNORECASE
)
#: A word; abbreviations and initials keep their periods ("Mr.", "Rep.", "G.K.") so a name is not cut at them.
_WORD = re.compile(r"(?:" + "|".join(lexicon.NAME_ABBREVIATIONS) + r")\.|(?:[A-Z]\.){2,3}|[A-Z]\.(?=\s*[A-Z])|[\w’'.&-]*\w[’']?|[^\w\s]")  # "U.S.", "J."
#: Adverbs between a subject and its cue: "Gingrich cynically dismissed", "my father often said".
_SUBJECT_ADVERB = re.compile(r"(?!(?:" + "|".join(sorted(lexicon.LY_NOUNS)) + r")\b)[a-z]+ly|" + "|".join(sorted(lexicon.SUBJECT_ADVERBS)))
#: What before a cue word makes it a noun or an adjective: an article ("a written statement") or a light verb
#: ("took note of").
_NOT_A_VERB_BEFORE = re.compile(r"\b(?:" + literal_alternation(lexicon.NOUN_CUE_LEADS) + r")\s+$", re.IGNORECASE)
#: What after a cue word shows it is no speech act: "the spot concludes with footage of ...".
_NOT_SPEECH_AFTER = re.compile(
    r"\s+with\s+(?:a|an|the|footage|images|video|pictures)\b|(?<=reported)\s+from\s+[A-Z]|(?<=ed)\s+by\b"
    r"|(?<=report)\s+for\b|(?<=reports)\s+for\b|(?<=reported)\s+for\b"  # "Williams reports for The News-Press": a byline
    r"|(?<=continue)\s+to\b|(?<=continues)\s+to\b|(?<=continued)\s+to\b"  # "would continue to invest"
    r"|(?<=says)\s+(?:something|a\s+lot|much|little|nothing)\s+about\b|(?<=say)\s+(?:something|a\s+lot|much|little|nothing)\s+about\b"  # "says a lot about"
    r"|(?<=slammed)\s+(?:into|onto|through|against|shut)\b|(?<=slams)\s+(?:into|onto|through|against|shut)\b"  # "the storm slammed into the coast"
    r"|(?<=asked)\s+(?:not\s+to\s+be\s+(?:named|identified)|that\s+(?:his|her|their)\s+names?\s+not)\b"  # a source's condition, not a statement
    r"|(?<=accused)\s+of\b"  # "companies accused of helping Moscow": the accused, not the accuser
    r"|(?<=agreed)\s+(?:on|upon)\b"  # "governments agreed on a package": a decision
    r"|(?<=blamed)\s+on\b"  # "a loss blamed on drought": the passive
    # "the Nasdaq added 2.3%", "the economy added 150,000 jobs": a quantity added, not words
    r"|(?:(?<=added)|(?<=adding)|(?<=adds))\s+(?:about\s+|nearly\s+|some\s+|almost\s+|more\s+than\s+|a\s+net\s+|another\s+)?[\d$€£¥]"
    # "adding nearly 200 entities to its blacklist": something added, not said
    r"|(?<=adding)\s+(?!that\b)(?:(?!(?:was|is|were|are|would|will|had|has|could|should|must)\b)[\w,-]+\s+){1,6}?to\s+(?:its|the|their|his|her|a|an)\s"
)
#: Base forms that double as nouns ("a report", "the states"): a cue only right after a subject.
_NOUNISH = {"report", "state", "note", "claim", "tweet", "comment", "demand", "post", "call for", "call on", "cite", "estimate", "dispute", "vow", "promise", "reply", "respond", "concede", "recall", "maintain", "observe", "describe", "ask", "praise", "blame"}
_STRIP_END = " \t\n,;:.—–-"
#: After a cue word that is also a plural noun, what shows the noun: "his claims are", "Early estimates put", "beat
#: estimates and raised".
_PLURAL_NOUN_AFTER = re.compile(
    r"\s+(?:as|of|are|were|have|had|and|or|put|puts|show|showed|suggest|suggested|indicate|indicated|vary|varied|range|ranged|point|pointed)\b"
)
#: A preposition and a determiner, and at most two more words, before a word: that word ends a noun phrase.
_PHRASE_BEFORE_NOUN = re.compile(r"\b(?:in|on|via|during|from|of)\s+(?:a|an|its|his|her|their|the)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


@dataclass
class Cue:
    start: int
    end: int
    form: str
    base: str


@dataclass
class Claim:
    start: int
    end: int
    source: str | None
    cue: str | None
    base: str | None
    medium: str | None = None
    mention_at: int = 0
    stance: str = "asserts"
    quote_spans: list[QuoteSpan] = field(default_factory=list)


#: A sentence that is only the attribution of the quotation before it: '"Why?" Clinton said.'
_ATTRIBUTION_ONLY = re.compile(
    r"(?:(?:[A-Z][\w.’'-]*|of|the)\s+){0,5}?[A-Z][\w.’'-]*(?:,\s+[^,“\"”]{1,80},)?\s+(?:" + "|".join(lexicon.ATTRIBUTION_ONLY_VERBS) + r")\b"
    r"|(?:said|says|asked|asks|added|adds|told|wrote|replied)\s+[A-Z]"
)


_SELF_REFERENCE = re.compile(r"(he|she|He|She)\b(?!\s+(?:and|or)\b)")


def _attribution_only(text: str, start: int, end: int) -> bool:
    """'Clinton said.' or 'said Ellis, a consultant.', not 'Trump said "no."' nor 'Clinton said she was ready.'"""
    match = _ATTRIBUTION_ONLY.match(text, start, end)
    if match is None:
        return False
    rest = text[match.end() : end]
    return not any(mark in rest for mark in "\"“”„«»") and not re.match(r"\s+(?:that|he|she|it|they|we|I|there)\b", rest)


def _units(text: str, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Sentences, merged where a quotation runs across a sentence boundary or a quotation ending in ?, ! or .
    is followed by its attribution ('"Why?" Clinton said.')."""
    units: list[tuple[int, int]] = []
    for p_start, s_start, s_end in article_sentences(text):
        same_paragraph = units and units[-1][1] > p_start
        crosses = same_paragraph and any(q.open_at < s_start < q.close_at for q in quotes)
        attribution = same_paragraph and re.search(r"[?!.…][”\"»’']\s*$", text[units[-1][0] : units[-1][1]]) and _attribution_only(text, s_start, s_end)
        if crosses or attribution:
            units[-1] = (units[-1][0], s_end)
        else:
            units.append((s_start, s_end))
    return units


#: How far before an opening quotation mark a verb that needs a quotation may stand.
_QUOTE_CUE_REACH = 80


def _lowered(text: str) -> str | None:
    """``text.lower()`` where matching it plainly finds what case-insensitive matching finds in ``text``:
    same length (offsets carry over), and none of the letters that ``re.IGNORECASE`` also takes for
    ASCII ones ("ſ" for s, "ı" for i)."""
    lowered = text.lower()
    if len(lowered) != len(text) or "ſ" in text or "ı" in text:
        return None
    return lowered


def _cue_spans(masked: str, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """Where every cue word of the article starts and ends; units take their slice.

    Speech verbs are found in one pass over the article; verbs that count only before a
    quotation are looked for just before each opening mark (the mark ends the window, so
    their lookahead still sees it).
    """
    lowered = _lowered(masked)
    speech, clause = (_CUE_RE, _CLAUSE_CUE_RE) if lowered is None else (_CUE_LOWER_RE, _CLAUSE_CUE_LOWER_RE)
    haystack = masked if lowered is None else lowered
    found = {m.start(): m.end() for m in speech.finditer(haystack) if not _NOT_SPEECH_AFTER.match(masked, m.end())}
    for m in clause.finditer(haystack):
        found.setdefault(m.start(), m.end())
    for q in quotes:
        lo = max(0, q.open_at - _QUOTE_CUE_REACH)
        for regex in (_QUOTE_INTRO_RE, _NAMING_RE):
            for m in regex.finditer(masked, lo, q.open_at + 1):
                found.setdefault(m.start(), m.end())
        reply = _QUOTE_REPLY_RE.match(masked, q.close_at, q.close_at + _QUOTE_CUE_REACH)
        if (
            reply
            and not _NOT_SPEECH_AFTER.match(masked, reply.end(1))
            and not _NOT_A_REPLY_BETWEEN.search(masked, q.close_at, reply.start(1))
            and "\n\n" not in masked[q.close_at : reply.start(1)]  # '..."\n\nAdvertisement - story continues below': another paragraph
        ):
            found.setdefault(reply.start(1), reply.end(1))
    return sorted(found.items())


def _find_cues(masked: str, spans: list[tuple[int, int]], start: int, end: int) -> list[Cue]:
    cues = []
    first = bisect.bisect_left(spans, (start,))
    for cue_start, cue_end in itertools.takewhile(lambda span: span[1] <= end, spans[first:]):
        form = masked[cue_start:cue_end]
        lower = form.lower()
        if form[:1].isupper() and cue_start != start and lower != "according to":
            continue  # "the United States", "Says" inside a title
        base = (
            "according to" if lower == "according to"
            else lexicon.SPEECH_VERBS.get(lower) or lexicon.QUOTE_INTRO_VERBS.get(lower) or lexicon.QUOTE_REPLY_VERBS.get(lower) or lexicon.CLAUSE_CUE_VERBS.get(lower) or lexicon.NAMING_VERBS[lower]
        )
        cues.append(Cue(cue_start, cue_end, form, base))
    return cues


def _words_back(text: str, lo: int, hi: int) -> list[re.Match]:
    return list(_WORD.finditer(text, lo, hi))


def _collect_chunk(masked: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase ending at ``hi`` (names, 'the Syrian army', 'an activist group')."""
    tokens = _words_back(masked, lo, hi)
    abbreviation_end = None
    if len(tokens) > 1 and tokens[-1].group(0) == "." and tokens[-2].group(0) in _NAME_FINAL_ABBREVIATIONS:
        abbreviation_end = tokens.pop().end()  # "Acme Robotics, Inc." and "Joseph R. Biden Jr." end with their period
    while tokens and _SUBJECT_ADVERB.fullmatch(tokens[-1].group(0)) and len(tokens) > 1:
        tokens.pop()
    taken: list[re.Match] = []
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i].group(0)
        low = tok.lower()
        if not (tok[0].isalnum() or tok.startswith("al-")):
            break
        if len(taken) >= 9:
            break
        if len(taken) == 1 and taken[0].group(0).lower() in _SUBJECT_PRONOUNS:
            break  # "... would save $500 million he told shareholders": a pronoun is a whole subject
        nxt = taken[-1].group(0) if taken else ""
        if low in {"and", "&"}:
            prev = tokens[i - 1].group(0) if i > 0 else ""
            if not (prev[:1].isupper() and nxt[:1].isupper()):
                break
        elif low in {"in", "of", "for", "on"}:
            head = tokens[i - 1].group(0).lower() if i > 0 else ""
            collective = low == "of" and head in lexicon.COLLECTIVE_HEADS  # "a group of doctors"
            if low in {"on", "in"} and _is_person_noun(head) and nxt:
                pass  # "an expert on tax law", "one source on the panel": the phrase describes the person
            elif low == "on" or not (nxt[:1].isupper() or (low == "of" and nxt in {"the", "its"}) or collective):
                break
        elif low in lexicon.CHUNK_STOPS and not (tok.isupper() and len(tok) > 1) and not _surname_like_a_stop(tokens, i, taken):
            break  # "the WHO", "IS" and "Theresa May" are names
        elif (
            low in lexicon.SPEECH_VERBS
            and not (not taken and low in lexicon.DOCUMENT_HEADS and i > 0 and _NOUN_LEAD.fullmatch(tokens[i - 1].group(0)))
            and not (tok[:1].isupper() and i > 0 and (nxt[:1].isupper() or tokens[i - 1].group(0)[:1].isupper()))  # "Kaduna State Police", "the United States": a name's word
            and not (low == "state" and nxt.lower() in _STATE_OUTLETS)  # "state television", "State media"
        ):
            break  # a verb ends the phrase; "the report" or "the agency's report" is a noun
        elif tok[0].isdigit() and not _HYPHENATED_NUMBER.fullmatch(tok) and nxt.lower() not in {"percent", "per", "%"}:
            break  # "the 34-year-old mother" and "73 percent" are one phrase
        taken.append(tokens[i])
    while taken and taken[-1].group(0).lower() in {"of", "for", "and", "in", "&"}:
        taken.pop()
    if not taken:
        return None
    return taken[-1].start(), abbreviation_end if abbreviation_end is not None and taken[0] is tokens[-1] else taken[0].end()


_STATE_OUTLETS = frozenset({"media", "television", "tv", "radio", "news", "broadcaster", "agency", "newspaper", "outlets", "channel", "press"})
_NAME_FINAL_ABBREVIATIONS = frozenset({"Inc", "Co", "Corp", "Ltd", "Jr", "Sr", "Bros"})
_HYPHENATED_NUMBER = re.compile(r"\d+-[A-Za-z][\w-]*")


def _is_person_noun(word: str) -> bool:
    """A noun for a person or people: "expert", "officials", "source"."""
    return word in _SOURCE_NOUNS or word in lexicon.ROLE_NOUNS or (word.endswith("s") and word[:-1] in lexicon.ROLE_NOUNS)


_SOURCE_NOUNS = frozenset({"source", "sources", "insider", "insiders", "member", "members", "officials", "experts", "staffer", "staffers"})
#: Capitalized, these stop words are also surnames ("Theresa May", "George Will").
_STOP_WORD_SURNAMES = frozenset({"May", "Will"})


def _surname_like_a_stop(tokens: list[re.Match], i: int, taken: list[re.Match]) -> bool:
    """The phrase's last word is "May" or "Will" after a capitalized word: a surname, not a modal or the month ("in May")."""
    before = tokens[i - 1].group(0) if i > 0 else ""
    return not taken and tokens[i].group(0) in _STOP_WORD_SURNAMES and before[:1].isupper() and before.isalpha()


#: A word before a cue word that makes it a noun: "the report said", "the agency's report says".
_NOUN_LEAD = re.compile(r"(?i:the|a|an|this|that|its|his|her|their|new|latest|recent|annual|final|draft|official)|[\w.-]+['’]s")


#: A past-tense verb and the determiner of its object, inside a phrase ("angered the", not "the armed forces").
_VERB_BEFORE_OBJECT = re.compile(r"\b[a-z]+ed\s+(?=(?:the|a|an|his|her|its|their)\s)")
_RELATIVE_PRONOUN_END = re.compile(r"(?:,\s*)?\b(?:(?:many|some|most|all|several|few|both|none|one|two|three)\s+of\s+whom|who|which)\s*$")
_PARENTHESIS_END = re.compile(r"\s*\([^()]{1,40}\)$")


def _subject_before(masked: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """Subject of a cue: skip adverbials and an apposition, then take the noun phrase."""
    left = masked[lo:cue_start]
    tail = lexicon.SUBJECT_TAIL.search(left)
    hi = lo + (tail.start() if tail else len(left))
    relative = _RELATIVE_PRONOUN_END.search(masked, lo, hi) if masked[lo:hi].rstrip().endswith(("who", "whom", "which")) else None
    if relative:  # "Norman Ornstein, a scholar who describes ...", "victims' families, many of whom say": the antecedent
        antecedent = _collect_chunk(masked, lo, relative.start())
        if antecedent is None:
            return None
        verb = _VERB_BEFORE_OBJECT.search(masked, antecedent[0], antecedent[1])
        if verb:  # "The law angered the senators, many of whom say": the object is the antecedent
            antecedent = (verb.end(), antecedent[1])
        named = _NAME_BEFORE_APPOSITION.search(masked, lo, antecedent[0])
        if named and masked[antecedent[0] : antecedent[1]].split()[0].lower() in {"a", "an", "the"}:
            return named.start(1), named.end(1)
        word = masked[antecedent[0] : antecedent[1]]
        if word.isalpha() and word.islower() and not word.endswith("s") and not _is_person_noun(word) and re.search(r"(?:,|\band)\s+$", masked[lo : antecedent[0]]):
            # "Trump ... is a serial liar, racist and birther who has pledged ...": the last of a list of what the subject is
            colon = masked.rfind(": ", lo, antecedent[0])  # "Editor's note: Donald Trump ... is ...": the clause after the label
            return _clause_opening_subject(masked, colon + 2 if colon >= 0 else lo, antecedent[0])
        return antecedent
    stripped = masked[lo:hi].rstrip()
    if stripped.endswith(")"):
        stripped = _PARENTHESIS_END.sub("", stripped)  # "Rep. Gwen Moore (D-Wis.)"
    dashed = _DASHED_APPOSITION.search(stripped)
    if dashed:  # "Kall -- co-editor of a book on the debates -- said"
        stripped = stripped[: dashed.start()]
    hi = lo + len(stripped)
    if dashed and not stripped.endswith(","):
        chunk = _collect_chunk(masked, lo, hi)
        first = masked[chunk[0] : chunk[1]].split()[0] if chunk else ""
        if not (first[:1].isupper() or first.lower() in {"a", "an", "the"}):
            return None  # "The fighting was fierce -- the worst in years -- said Smith": no subject before the dashes
        named = _NAME_BEFORE_APPOSITION.search(masked, lo, chunk[0])
        if (
            named
            and first.lower() in {"a", "an", "the"}
            and not masked[lo : named.start(1)].strip(" _“”\"'’‘,")
            and named.group(1).split()[0].lower() not in lexicon.LEADING_PREPOSITIONS
        ):
            return named.start(1), named.end(1)  # "John Dickey, the chief executive of Ora Media -- the company that ... -- told"
        return chunk
    if stripped.endswith(","):
        comma = hi - 1
        prev_comma = masked.rfind(",", lo, comma)
        segment_start = prev_comma + 1 if prev_comma >= 0 else lo
        segment = masked[segment_start:comma].strip()
        if not segment or "_" in segment:
            return None
        first = segment.split()[0]
        place = re.fullmatch(r"[A-Z][a-z]{0,4}\.", segment) is not None  # "..., of Ashton, Md., said"
        party_state = _PARTY_STATE.fullmatch(segment) is not None  # "Sen. Elizabeth Warren, D-Mass., said"
        if party_state and prev_comma >= 0:
            return _collect_chunk(masked, lo, prev_comma)
        if all(w[:1].isupper() or w.startswith("al-") for w in segment.split()) and len(segment.split()) <= 5 and prev_comma >= 0 and not place:
            begin = masked.index(segment, segment_start)
            return begin, begin + len(segment)  # "the Observatory's chief, Rami Abdurrahman, told"
        if (first.lower() in lexicon.DETERMINERS or first[:1].islower()) and first.lower() not in {"who", "which"}:
            if prev_comma < 0:
                return None
            age = _AGE_SEGMENT.search(masked, lo, prev_comma)
            if age is not None:
                prev_comma = age.start()  # "John Smith, 45, a father of three, said": the age is an apposition too
            return _collect_chunk(masked, lo, _before_parenthesis(masked, lo, prev_comma))  # "Rep. Gregory W. Meeks (D-N.Y.), chairman of ..., said"
        # "Senator Dianne Feinstein, Democrat of California, said", "Mr. King, 82, told", "Donna Rawlings, 59, who
        # watched the ceremony, said": the sentence opens with the subject and an apposition follows it
        first_comma = masked.find(",", lo, comma)
        head = _collect_chunk(masked, lo, _before_parenthesis(masked, lo, first_comma)) if first_comma > lo else None
        if head is not None and not masked[lo : head[0]].strip(" _“”\"'’‘,"):  # or after the quotation: '"...," Mr. King, 82, told me'
            second_comma = masked.find(",", first_comma + 1, comma + 1)
            named = masked[first_comma + 1 : second_comma].strip() if second_comma > 0 else ""
            role_head = masked[head[0] : head[1]].split()[0].lower() in {"the", "a", "an"} or masked[head[0] : head[1]].split()[-1].lower() in lexicon.PERSON_ROLES
            if role_head and named and len(named.split()) <= 5 and all(w[:1].isupper() or w.startswith("al-") for w in named.split()):
                begin = masked.index(named, first_comma + 1)  # "The police spokesperson, Mansir Hassan, who confirmed it, said"
                return begin, begin + len(named)
            return head
        return None
    chunk = _collect_chunk(masked, lo, hi)
    if chunk is None:
        return None
    first = masked[chunk[0] : chunk[1]].split()[0]
    relative = _RELATIVE_BEFORE.search(masked, lo, chunk[0])
    if relative and first.islower() and first.endswith("ed"):
        # "Surety companies that had insured the obligations agreed": the verb phrase is no subject; its antecedent is
        return _collect_chunk(masked, lo, relative.start())
    time = _TIME_FIRST.match(masked, chunk[0], chunk[1])
    if time and time.end() < chunk[1]:
        return time.end(), chunk[1]  # "Last week Stumpf said ...": the time is no part of the name
    denied_noun = _CLAIM_NOUN_LEAD.match(masked, chunk[0], chunk[1])
    if denied_noun is not None and denied_noun.end() < chunk[1]:
        return denied_noun.end(), chunk[1]  # "..., a charge ministers deny": the subject follows the noun it refers to
    role = (
        _UNNAMED_ROLE_BEFORE.search(masked, max(lo, chunk[0] - 80), chunk[0])
        if masked[max(lo, chunk[0] - 22) : chunk[0]].rstrip().lower().endswith(_UNNAMED_LINKS)
        else None
    )
    if role is not None:
        return role.start(1), chunk[1]  # "A source close to the talks told": the source, not "the talks"
    leading_link = re.match(r"(?:for|of|at|from|with)\s+", masked[chunk[0] : chunk[1]], re.IGNORECASE)
    link_at = chunk[0] + (leading_link.end() if leading_link else 0)
    speaker_for = (  # the big pattern only where its last word stands: most subjects have no preposition before them
        _ROLE_FOR_BEFORE.search(masked, max(lo, link_at - 60), link_at) if _LINK_BEFORE.search(masked, max(lo, link_at - 6), link_at) else None
    )
    if speaker_for is not None:
        return speaker_for.start(1), chunk[1]  # "A spokesman for the ministry said": the spokesman, not the ministry
    return chunk


#: A noun for a statement opening a reduced relative clause: "a charge ministers deny", "claims the company rejects".
_CLAIM_NOUN_LEAD = re.compile(
    r"(?:(?:a|an|the|this|that|these|those)\s+)?(?:charge|charges|claim|claims|allegation|allegations|accusation|accusations|assertion|suggestion|"
    r"suggestions|characterization|account|version)\s+(?=[\w’'])",
    re.IGNORECASE,
)
_UNNAMED_LINKS = ("close to", "familiar with", "briefed on", "knowledge of", "involved in", "aware of", "knowledgeable about")
#: An unnamed source and its link to what it knows, right before the noun phrase that ends the subject:
#: "a source close to", "two people familiar with", "officials briefed on".
_UNNAMED_ROLE_BEFORE = re.compile(
    r"(?<![\w’'])((?:(?:a|an|the|one|two|three|four|several|some|many|other|senior|western|us|u\.s\.|european)\s+){0,3}"
    r"(?:source|sources|official|officials|person|people|diplomat|diplomats|aide|aides|insider|insiders|executive|executives)"
    r"\s+(?:close\s+to|familiar\s+with|briefed\s+on|with\s+knowledge\s+of|involved\s+in|aware\s+of|knowledgeable\s+about)\s+)$",
    re.IGNORECASE,
)
_LINK_BEFORE = re.compile(r"\b(?:for|of|at|from|with|to|in)\s+$", re.IGNORECASE)
#: An unnamed person and the body they speak for, right before that body's name: "a spokesman for", "a senior
#: official at", "two members of".
_ROLE_FOR_BEFORE = re.compile(
    r"(?<![\w’'])((?:(?:a|an|the|one|two|three|several|some)\s+(?:[\w-]+\s+){0,2}?)?(?:"
    + "|".join(sorted({f"{w}s?" for w in lexicon.PERSON_ROLES | lexicon.ROLE_NOUNS if w.isalpha() and w not in {"party", "campaign", "local", "former", "deputy", "senior", "acting", "regional", "retired", "opposition", "rebel"}}, key=len, reverse=True))
    + r"|head|chief|director)\s+(?:for|of|at|from|with|to|in)\s+)$",
    re.IGNORECASE,
)
#: An American politician's party and state in apposition: "D-Mass.", "R-Texas".
_PARTY_STATE = re.compile(r"(?:[DRI]|Dem|Rep|Ind)-[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?")
#: A relative pronoun (and auxiliary) right before a verb phrase.
_RELATIVE_BEFORE = re.compile(r"\s+(?:that|who|which)\s+(?:(?:had|has|have)\s+)?$")
#: A time opening a subject phrase: "Last week Stumpf ...".
#: A named time: "Last year", "This week", "Next Monday".
_CALENDAR_TIME = (
    r"(?:Last|This|Next|Earlier\s+this|Later\s+that)\s+(?:year|week|month|weekend|summer|spring|fall|autumn|winter|night|morning|afternoon|evening|"
    + "|".join(lexicon.CALENDAR_WORDS) + r")"
)
_TIME_FIRST = re.compile(_CALENDAR_TIME + r"\s+")


#: An apposition between dashes right before the cue.
_DASHED_APPOSITION = re.compile(r"\s+(?:--|—|–)\s[^—–\n]{1,200}?\s(?:--|—|–)$")


def _before_parenthesis(masked: str, lo: int, end: int) -> int:
    """Where a name ends when a short parenthesis follows it: "Rep. Gwen Moore (D-Wis.)"."""
    parenthesis = re.search(r"\s*\([^()]{1,40}\)\s*$", masked[lo:end])
    return lo + parenthesis.start() if parenthesis else end


#: "Norman Ornstein, " right before an apposition ("a scholar who ...").
_NAME_BEFORE_APPOSITION = re.compile(r"(?:^|(?<=\s))((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*),\s*(?:(?:now|then|currently|formerly|still)\s+)?$")


def _subject_of_clause(masked: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """For participles ("..., urging citizens to leave"): the subject the clause opened with."""
    left = masked[lo:cue_start]
    with_match = None
    for with_match in re.finditer(r"\bwith\s+", left):
        pass
    if with_match is not None:
        subject_end = lo + len(re.sub(r"\s+(?:now|also|still)$", "", left.rstrip()))
        chunk = _collect_chunk(masked, lo + with_match.end(), subject_end)
        if chunk:
            return chunk
    intro = _SENTENCE_INTRO.match(left)
    found = _clause_opening_subject(masked, lo + (intro.end() if intro else 0), cue_start)
    if found is None or masked[found[0] : found[1]].split()[0].lower() in lexicon.LEADING_PREPOSITIONS:
        # the first clause after a comma that opens with a subject: "Earlier in the interview, Ruhle pressed Flynn
        # ..., citing", "After the attack (...), Trump inflamed tensions by saying ..."
        for comma in re.finditer(r"\)?, ", left):
            clause = _clause_opening_subject(masked, lo + comma.end(), cue_start)
            if clause is not None and masked[clause[0] : clause[1]].split()[0].lower() not in lexicon.LEADING_PREPOSITIONS:
                return clause
    return found


_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our"}
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
#: Nouns that make a capitalized modifier a speaking group or body: "Business groups", "Republican lawmakers".
_GROUP_NOUN = re.compile(
    "|".join(sorted({w for w in lexicon.ORG_WORDS if w.isalpha() and w.islower() and len(w) > 3} | {f"{w}s" for w in lexicon.PERSON_ROLES | lexicon.ROLE_NOUNS if w.isalpha()}))
)
#: A time that opens a sentence: "Two months later, Clinton ...", "Days earlier, ...", "A year ago, ...".
_TIME_LATER = r"(?:(?:[A-Z]\w*\s+)?(?i:minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+(?:later|earlier|ago|after|before)|" + _CALENDAR_TIME + ")"
#: Words that open a plural subject: "Several environmental groups", "Many residents", "Two officials".
_QUANTIFIERS = {"several", "many", "some", "most", "both", "few", "numerous", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
#: What may open a sentence before its subject: a phrase or clause up to its comma, or a sentence adverb ("Meanwhile, it ...").
_SENTENCE_INTRO = re.compile(
    r"^(?:(?:In|On|At|After|Before|Despite|During|Since|With|Amid|As|For|From|Following|Even\s+as|Even\s+though|While|When|Although|Though|If|Because|Once|Until|Unlike|Like|Under|Over|By|Through|Throughout|"
    + _TIME_LATER + r")\b[^,]{0,160},\s*|(?:[A-Z][a-z]+ly|"
    + "|".join(sorted(w.capitalize() for w in lexicon.STATEMENT_OPENING_NOT - lexicon.LEADING_PREPOSITIONS)) + r"),\s*)?"
)


def _plural_noun_phrase(tokens: list[re.Match], first: int) -> list[re.Match] | None:
    """Lowercase words from ``first`` up to the first plural noun (at most three words); none when there is
    none; None when the noun is a unit ("two months", "five miles"), which says nobody spoke."""
    for k, tok in enumerate(tokens[first : first + 3]):
        word = tok.group(0)
        if not word.isalpha() or not word.islower() or word.endswith("ed") or word in lexicon.UNIT_STOPS:
            return []
        if word.endswith("s") and not word.endswith("ss"):
            return None if word in lexicon.MEASURE_UNITS else tokens[first : first + k + 1]
    return []


def _clause_opening_subject(masked: str, pos: int, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase a clause opens with, up to its first verb."""
    tokens = _words_back(masked, pos, cue_start)
    if len(tokens) > 1 and tokens[0].group(0).lower() in lexicon.SENTENCE_OPENERS:
        tokens = tokens[1:]  # "Later the Security Council issued ..."
    taken: list[re.Match] = []
    for j, tok in enumerate(tokens):
        word = tok.group(0)
        if j == 0 and word.lower() in _SUBJECT_PRONOUNS and len(tokens) > 1 and tokens[1].group(0).isalpha():
            taken.append(tok)  # "Meanwhile, it attacked Trump, saying ..."
            break
        if j == 0 and (word.lower() in _DETERMINERS or word.lower() in _QUANTIFIERS):
            taken.append(tok)  # "The army ...", "His office released a statement saying ...", "(Last year,) several groups ..."
            continue
        if word[:1].isupper() or word.startswith("al-"):
            taken.append(tok)
            continue
        if taken and (_role_run_to_name(tokens, j) or (len(taken) == 1 and taken[0].group(0).lower() in {"a", "an", "the"} and _adjectives_to_name(tokens, j))):
            taken.append(tok)  # "Democratic presidential nominee Hillary Clinton"
            continue
        if taken and all(t.group(0)[:1].isupper() for t in taken) and _GROUP_NOUN.fullmatch(word):
            taken.append(tok)  # "Business groups", "Republican lawmakers", "Opposition party leaders"
            continue
        head_noun = word.isalpha() and not word.endswith("ed") and word not in lexicon.UNIT_STOPS  # not "issued", not "on"
        if taken and (taken[-1].group(0).endswith(("'s", "’s")) or (taken[0].group(0).lower() in _DETERMINERS and all(t.group(0)[:1].isupper() for t in taken[1:]))) and head_noun:
            taken.append(tok)
        elif len(taken) == 1 and taken[0].group(0).lower() in _QUANTIFIERS:
            phrase = _plural_noun_phrase(tokens, j)  # "Several environmental groups granted ..."
            if phrase is None:
                return None  # "Two months later, ...": a time, not a speaker
            taken.extend(phrase)
        break
    if not taken or (len(taken) == 1 and taken[0].group(0).lower() in _DETERMINERS):
        return None
    return taken[0].start(), taken[-1].end()


def _named_right_before(masked: str, lo: int, cue_start: int) -> tuple[int, int] | None:
    """'footage of Trump saying ...': a name right before a participle, with no comma between, is its subject."""
    run = _NAME_RUN_END.search(masked, lo, cue_start)
    if run is None or run.start() == lo or masked[run.start() - 1] not in " \t":
        return None
    if run.group(0).split()[0].lower() in lexicon.SENTENCE_OPENERS or _CALENDAR_WORD.fullmatch(run.group(0).strip()):
        return None  # "issued a statement Tuesday slamming ...": a day is no speaker
    if re.search(r"\b(?:in|at|from|to|near|across|outside|inside|into|on|through|around)\s+$", masked[max(lo, run.start() - 12) : run.start()]):
        return None  # a place: "marched in Charlotte saying ..."
    return run.start(), run.start() + len(run.group(0).rstrip())


_CALENDAR_WORD = re.compile(r"(?:" + "|".join(lexicon.CALENDAR_WORDS) + r")(?:\s+\d+)?")
#: The capitalized words that end a stretch of text ("... footage of Donald Trump ").
_NAME_RUN_END = re.compile(r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*\s+){1,4}$")


def _adjectives_to_name(tokens: list[re.Match], j: int) -> bool:
    """Whether tokens[j:] are one or two plain adjectives before a capitalized name: 'a defiant Donald Trump'."""
    for k in range(j, min(j + 2, len(tokens) - 1)):
        word = tokens[k].group(0)
        if not word.isalpha() or not word.islower() or word in lexicon.CHUNK_STOPS or word in lexicon.SPEECH_VERBS or word.endswith(("ing", "ed")) or word in lexicon.UNIT_STOPS:
            return False
        if tokens[k + 1].group(0)[:1].isupper():
            return True
    return False


def _role_run_to_name(tokens: list[re.Match], j: int) -> bool:
    """Whether tokens[j:] run through role words ('presidential nominee') to a capitalized name."""
    for k in range(j, min(j + 3, len(tokens))):
        word = tokens[k].group(0)
        if word[:1].isupper():
            return k > j
        if word.lower() not in _ROLE_WORDS and not (k + 1 < len(tokens) and tokens[k + 1].group(0).lower() in _ROLE_WORDS):
            return False
    return False


_ROLE_WORDS = lexicon.TITLES | lexicon.ROLE_NOUNS | {"nominee", "presidential", "vice-presidential", "running", "mate"}
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_NAME_WORD = rf"(?:[{_UPPER}][\w’'.-]*|al-\w+)"
_ROLE = "|".join(sorted((t for t in lexicon.TITLES | lexicon.ROLE_NOUNS if t.isalpha() and len(t) > 3), key=len, reverse=True))
_PARTICLE = "|".join(lexicon.NAME_PARTICLES)
_INVERTED_SUBJECT = re.compile(
    rf"\s+((?:(?:the|a|an)\s+)?(?:(?:[a-z0-9][\w/-]*\s+){{1,2}}(?={_NAME_WORD}))?{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|for|(?:{_ROLE}|{_PARTICLE})(?=\s+{_NAME_WORD})))*)"
)
#: Lower-case words after a name that may end an organization's name: "the Syrian army", "the Russian foreign ministry".
_ORGANIZATION_HEAD = re.compile(r"\s+([a-z]+(?:\s+[a-z]+)?)(?=\s*(?:[.,;:]|$))")
#: "Cameron Easley for Morning Consult": a person writing for an outlet is the person.
_PERSON_FOR_OUTLET = re.compile(rf"({_NAME_WORD}\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?)\s+for\s+{_NAME_WORD}(?:\s+{_NAME_WORD})*")


_PERSON_ROLE = "|".join(sorted(lexicon.PERSON_ROLES))
#: Documents that speak after an inverted cue: '"...," said the ruling.'
_DOCUMENT = "ruling|report|statement|letter|memo|article|complaint|lawsuit|filing|indictment|decision|opinion|release|study"
#: An unnamed source after an inverted cue: "a spokesman for the ministry", "an aide", "the senior official".
_INVERTED_ROLE = re.compile(
    rf"\s+((?:a|an|the|one|another)\s+(?:[\w-]+\s+){{0,2}}?(?:{_ROLE}|{_PERSON_ROLE}|{_DOCUMENT})s?"
    rf"(?:\s+(?:for|of|at|with)\s+(?:the\s+)?[\w’'-]+(?:\s+(?!who\b|which\b)[\w’'-]+){{0,3}}?)?)\s*(?=[.,;]|\s+(?:who|in|on|during)\b|$)"
)
#: A person's name in apposition after a role: ", Jennifer Rodstrom." ends the sentence or clause.
_APPOSITION_NAME = re.compile(rf"[^,.]{{0,40}}?,\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\s*(?:[.,;]|$)")


def _subject_after(masked: str, cue_end: int, hi: int) -> tuple[int, int] | None:
    """Inverted attribution: '"...," said Jane Doe, a spokeswoman.' / 'said farmer Josip Novak'.

    Lower-case words before the name must be role words ("farmer", "spokesman"), so
    '"...," said on Tuesday' finds no subject; a sentence's closing full stop is not
    part of the name (an initial's is).
    """
    anonymous = re.match(r"\s+(another|one|others|a third)\s*[.,]", masked[cue_end:hi])
    if anonymous:  # '"...," said another.'
        return cue_end + anonymous.start(1), cue_end + anonymous.end(1)
    match = _INVERTED_SUBJECT.match(masked, cue_end, hi)
    unnamed = _INVERTED_ROLE.match(masked, cue_end, hi)  # '"...," said a spokesman for the ministry.'
    unnamed_span = (unnamed.start(1), unnamed.end(1)) if unnamed else None
    if not match or not match.group(1)[:1].isalnum():
        return unnamed_span
    start, end = match.start(1), match.end(1)
    dangling = re.search(r"\s+(?:of|for)$", masked[start:end])  # "Del. Stacey Plaskett of the Virgin Islands"
    if dangling:
        end = start + dangling.start()
    words = masked[start:end].split()
    lowercase_lead = [w for w in words if w[:1].islower() and w not in {"the", "a", "an", "of", "for", *lexicon.NAME_PARTICLES}]  # "9/11 widow": a date is a modifier
    if any(w.lower() not in lexicon.TITLES and w.lower() not in lexicon.ROLE_NOUNS for w in lowercase_lead):
        return unnamed_span  # "said one Democratic source on the panel"
    if masked[end - 1] == "." and len(words[-1]) > 2:
        end -= 1
    named = _APPOSITION_NAME.match(masked, end, hi)
    possessive = words[-1].endswith(("’s", "'s"))  # "said Clinton’s communications director, Jennifer Palmieri"
    if named and (possessive or any(w.lower() in lexicon.TITLES | lexicon.ROLE_NOUNS for w in words)):
        name_end = named.end(1) - (masked[named.end(1) - 1] == "." and len(named.group(1).split()[-1]) > 2)
        return named.start(1), name_end  # "said a spokeswoman for Trump hotels, Jennifer Rodstrom."
    person = _PERSON_FOR_OUTLET.fullmatch(masked, start, end)
    if person and not any(w.lower().strip(".,") in lexicon.ORG_WORDS for w in person.group(1).split()):
        end = person.end(1)
    head = _ORGANIZATION_HEAD.match(masked, end, hi)
    if head and head.group(1).split()[-1] in lexicon.ORG_WORDS:
        end = head.end(1)  # "said the Syrian army", "said the Russian foreign ministry"
    return start, end


_MEDIUM_WORD = re.compile(literal_alternation(lexicon.MEDIUM_WORDS))


def _medium(text: str, lo: int, hi: int) -> str | None:
    if not _MEDIUM_WORD.search(text, lo, hi):
        return None
    for pattern in lexicon.MEDIUM_PATTERNS:
        match = pattern.search(text, lo, hi)
        if match:
            medium = match.group("m")
            return medium[:-1] if medium.endswith(".") and medium.count(".") == 1 else medium  # "on X." ends a sentence
    return None


def _trim(text: str, start: int, end: int, quotes: list[QuoteSpan]) -> tuple[int, int]:
    """Strip spaces and trailing punctuation, and a dateline opening a paragraph ('ANKARA, Turkey (AP) — ');
    a content that is exactly one quotation loses its marks."""
    while start < end and text[start] in " \t\n,:;":
        start += 1
    if (start == 0 or text[start - 1] == "\n") and (dateline := lexicon.INLINE_DATELINE.match(text, start, end)):
        start = dateline.end()
    while end > start and text[end - 1] in _STRIP_END:
        end -= 1
    for q in quotes:
        close = q.close_at + 1 if q.closed else q.close_at
        if q.open_at == start and close in (end, end + 1):
            return q.start, q.end
    if start < end and text[start] in lexicon.ANY_QUOTE_MARK and not any(q.open_at == start for q in quotes):
        start += 1
    return start, end


_ADDRESSEE_NAME = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*"
#: Whom a statement was told: "told Reuters", "told The Associated Press and CNN"; "the BBC" only before
#: "that", a colon, a comma or a quotation ("told the United States not to ..." is the content).
_ADDRESSEE = re.compile(
    rf"\s+((?:The\s+)?{_ADDRESSEE_NAME}(?:\s+(?:and|or)\s+(?:the\s+)?{_ADDRESSEE_NAME})*"
    rf"|the\s+{_ADDRESSEE_NAME}(?:\s+(?:and|or)\s+(?:the\s+)?{_ADDRESSEE_NAME})*(?=\s*(?:that\b|[:,“\"]))"
    r"|reporters|journalists|him|her|them|us|me|officials|aides|lawmakers|legislators|parliament|colleagues|supporters|staff|"
    r"investigators|voters|donors|delegates|members|employees|workers|troops|residents|students|listeners|viewers|readers)"
)
#: A short addressee ending at a colon before the statement: "telling one aide: ...", "told a crowd in Ohio: ...".
_ADDRESSEE_COLON = re.compile(r"\s+((?:[\w’'.-]+\s+){0,4}?[\w’'.-]+):(?=\s)")
#: An audience told something, up to the "that" of what it was told: "told a news conference in Ankara on Tuesday that".
_AUDIENCE = re.compile(
    r"\s+((?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:conference|briefing|rally|meeting|crowd|summit|gathering|audience|session|hearing|forum|"
    r"committee|panel|parliament|assembly|congress|lawmakers|reporters|journalists|newspaper|paper|agency|broadcaster|network|"
    r"station|outlet|magazine|website|daily|radio|television|interviewer)\b[^,.;:“\"”]{0,60}?)(?=\s+that\b)"
)
#: "that" after a cue, perhaps after a short addressee with no comma: "informed that", "informed lawmakers that".
_SHORT_ADDRESSEE_THAT = re.compile(r"\s+(?:[\w’'.-]+\s+){0,4}?that\b")
_NOBODY = re.compile(r"(?:neither|nobody|no\s+one|none)\b", re.IGNORECASE)
#: Right before a subject whose cue is a condition of another statement.
_CONDITION_BEFORE = re.compile(r"\b(?:if|unless)\s+$", re.IGNORECASE)
#: A content that is only the time of its statement.
_ONLY_A_TIME = re.compile(
    r"(?:(?:\w+\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:later|earlier|ago)|later|earlier|"
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|"
    r"(?:last|this|next)\s+(?:week|month|year|night)|yesterday|today|tonight)[.,]?"
)
#: An age in apposition after an addressee, before the content: "told Raymond Kowalski, 61, that".
_ADDRESSEE_AGE = re.compile(r",\s*\d{1,3}(?=\s*,)")
#: An addressee that is a medium ("The Associated Press", "the BBC"), not a pronoun or "reporters".
_NAMED_ADDRESSEE = re.compile(r"(?:[Tt]he\s+)?[A-Z]")


#: After a cue, attribution matter (no quotation mark) up to a comma and a quotation that continues the statement.
_QUOTE_RESUMES = re.compile(r"[^“\"”\n]{0,100}?,\s*(?:but\s+|and\s+)?[“\"]")


def _clause_bound(masked: str, lo: int, subject_start: int, c_start: int, c_end: int) -> int | None:
    """Where a statement made inside a subordinate clause or a parenthesis ends: at the clause's comma or the
    closing parenthesis, since the sentence's main clause follows."""
    lead = masked[lo:subject_start]
    if lead.count("(") > lead.count(")"):
        close = masked.find(")", c_start, c_end)
        return close if close >= 0 else None
    if _SUBORDINATE_LEAD.match(lead):
        end = _CLAUSE_END.search(masked, c_start, c_end)
        return end.start() if end else None
    return None


_SUBORDINATE_LEAD = re.compile(r"\s*(?:While|Although|Though|Whereas|Even\s+as|Even\s+though|Because|If|Unless|When|Whenever)\b[^,]*$")
#: Where a subordinate clause ends: its comma, or a dash ("When Clinton noted that ... ― Trump boasted").
_CLAUSE_END = re.compile(r"\s*(?:,|[―—]|\s--\s)")


def _document_head(phrase: str) -> bool:
    words = [w.lower() for w in phrase.split()]
    return any(w in lexicon.DOCUMENT_HEADS for w in words[:3])


#: The source after "according to": up to punctuation, which a number's separators are not ("a study of 78,000 adults").
_ACCORDING_SOURCE = re.compile(r"\s*((?:[^,.;:()]|(?<=\d)[,.](?=\d))+)")
#: A document with its owner's name first: "LSEG data", "FactSet estimates", "Pentagon documents".
_NAMED_DOCUMENT = re.compile(r"(?!(?:The|A|An|Its|His|Her|Their|This|That|These|Those|One|New|Official|Preliminary|Early|Initial|Latest|Recent)\b)[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*\s+[a-z]+$")
#: A document with its owner named after it: "a new report by Politico", "data from the Census Bureau".
_DOCUMENT_BY_OWNER = re.compile(r"\b(?:by|from)\s+(?:the\s+)?[A-Z]")


#: Cues that may come before their source: 'said Ellis', 'added the ministry'.
_INVERTING_BASES = frozenset({"say", "tell", "add", "write", "ask", "explain"})
#: What may follow an inverted source: the sentence's end, or an apposition ("said Brian Baker, an adviser").
_SOURCE_ENDS_CLAUSE = re.compile(r"\s*(?:[,.;:!?()—–-]|$)")
#: Indirect speech before an inverted cue: three words or more, then a comma right before the cue.
_STATEMENT_THEN_COMMA = re.compile(r"\w+\W+\w+\W+\w+[^,]*(?:,|\s(?:--|—|–))\s*$")


def _last_words_start(text: str, lo: int, hi: int, count: int) -> int:
    """Where the last ``count`` runs of word characters (``\\w+``) in ``text[lo:hi]`` begin; ``lo`` if fewer."""
    at = hi
    for _ in range(count):
        while at > lo and not (text[at - 1].isalnum() or text[at - 1] == "_"):
            at -= 1
        while at > lo and (text[at - 1].isalnum() or text[at - 1] == "_"):
            at -= 1
    return at


def _coordinated(masked: str, lo: int, cue_start: int) -> bool:
    """``_COORDINATED_CUE`` ends at the cue: its "and" or "but" is one of the last two words, so it is
    searched for from there, not from the unit's start."""
    return _COORDINATED_CUE.search(masked, _last_words_start(masked, lo, cue_start, 2), cue_start) is not None


def _statement_then_comma(masked: str, lo: int, hi: int) -> bool:
    """``_STATEMENT_THEN_COMMA.search(masked, lo, hi)``, tried from the third-last word only.

    A search tries the pattern from every position, each try backtracking over the rest of the text; a match
    exists only if one starts at the third-last word (the last word must follow the last comma anyway).
    """
    return _STATEMENT_THEN_COMMA.match(masked, _last_words_start(masked, lo, hi, 3), hi) is not None


#: The opening of a statement that an attribution interrupts: no comma, no quotation mark ("Hawaii, as one
#: adviser pointed out, ...": the attribution may open with "as").
_STATEMENT_OPENING = re.compile(r"([\w’'-]+)(?:[^\S\n]+[^,;:“\"”\n]*?)?,\s*(?:as\s+)?")
#: After the cue of an interrupting attribution: a comma, perhaps after a time ("said Friday, ...").
_RESUMES_AFTER_CUE = re.compile(
    rf"(?:(?:\s+[\w.]+){{0,2}}?|\s+{lexicon.CHANNEL_PHRASE}"
    r"|\s+(?:me|him|her|them|us|reporters|journalists|earlier|later|on|in|at|during|last|this)(?:\s+[\w.]+){0,4}?)"  # "he told me on Friday,"
    r"\s*,(?!\d)\s*\S"  # not "said about 450,000"
)


#: Right before an opening mark: the quotation is the title of a work ('on this weekend's broadcast of "Fox News Sunday,"').
#: A work's name right before an opening mark: the quotation is its title ('her memoir, "Becoming,"').
_WORK_BEFORE_MARK = re.compile(
    r"\b(?:book|memoir|novel|biography|film|movie|documentary|song|album|single|play|musical|sitcom|series|episode|"
    r"podcast|poem|painting|exhibition)\s*,?\s*$",
    re.IGNORECASE,
)
_TITLE_BEFORE_MARK = re.compile(r"\b(?:of|on|in|at|from|titled|entitled|called|dubbed)(?:\s+[A-Z][\w.&-]*['’]s)?\s*$", re.IGNORECASE)


#: Right before a participle that is a progressive verb ("Clinton is promising"), not an adverbial one.
_PROGRESSIVE_BEFORE = re.compile(r"\s(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:also\s+|now\s+|still\s+)?$")
_COMMA_BEFORE = re.compile(r",\s*$")
#: Between a subject and its cue: the cue is a relative clause's verb ("The Kremlin, which has denied ..."), not
#: the main verb after the clause ("Rawlings, who watched the ceremony, said ...").
_RELATIVE_CLAUSE_CUE = re.compile(r",\s*(?:who|which)\b[^,]*$")
_AS_BEFORE = re.compile(r"\b[Aa]s\s+$")
#: What follows a cue of ``lexicon.NEEDS_A_STATEMENT_MARK`` when it reports speech (perhaps after a time or a channel).
_STATEMENT_MARK_AFTER = re.compile(
    r"(?:\s+(?:[A-Z]\w+day|on\s+\w+day|in\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?\w+))?\s*(?:that\b|:|,?\s*[“\"])"
    r"|\s+(?:he|she|they|we|it|I)\s+(?:was|were|is|are|had|has|have|would|will|could|did|does|do)\b"  # "stated they were fine with it"
)
#: An age in apposition, ending where a further apposition's comma is: "Smith, 45" (of "Smith, 45, a teacher,").
_AGE_SEGMENT = re.compile(r",\s*\d{1,3}\s*$")
#: After an inverted attribution's cue (and its time or channel): no statement but the writer's framing ("as
#: pressure grew", "amid protests"), the channel's complement ("to the Hong Kong stock exchange") or its place ("in Phoenix").
_FRAMING_AFTER_CUE = re.compile(
    r"\s*(?:as|amid|while|even\s+as|to|with|at|from|for|in|on|bringing|raising|taking|pushing|lifting|marking|making)\s", re.IGNORECASE
)  # "..., the ministry said, bringing the toll to 35,173": the writer's sum
#: A channel right before: "said in a filing".
_CHANNEL_BEFORE = re.compile(rf"{lexicon.CHANNEL_PHRASE}\s*$")
#: A relative pronoun right before a cue word, which makes it a verb ("people who claim to ...").
_RELATIVE_PRONOUN_BEFORE = re.compile(r"\b(?:who|which)\s+$")
#: Right before a negated cue.
_NEGATED = re.compile(r"(?:\bnot|n[’']t|\bnever)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
#: Right before a cue that shares the previous cue's subject: "... and told reporters", "..., but noted that ...".
_COORDINATED_CUE = re.compile(r"(?:,\s*)?\b(?:and\s+(?:[a-z]\w*\s+)?|but\s+(?:(?:\w+ly|also|later|then|again)\s+)?)$")


def _is_participle(cue: Cue) -> bool:
    """'saying', and 'calling for' or 'pointing out': the cue's verb is a participle."""
    return cue.form.split()[0].lower().endswith(lexicon.PARTICIPLE_SUFFIX)


#: A subordinate clause with its own subject ("Though that transition was seamless", "If Trump wins"): part of the
#: statement an attribution interrupts, unlike a phrase that sets the scene ("When asked", "While in Aleppo").
_CONDITION_CLAUSE = re.compile(
    r"(?i:though|although|even\s+though|if|unless|when|while|because|whereas|once)\s+"
    r"(?!(?:" + "|".join(sorted(lexicon.LEADING_PREPOSITIONS)) + r")\b)(?![a-z]+(?:ed|ing)\b)[\w’'-]+\s+[\w’'-]+"
)


def _interrupted_statement(masked: str, lo: int, subject_start: int, cue_end: int, hi: int) -> bool:
    """'A, X said, B': the attribution sits inside one unquoted statement, so the statement is A and B."""
    opening = _STATEMENT_OPENING.fullmatch(masked, lo, subject_start)
    if opening is None or opening.group(1).lower().endswith("ly"):
        return False
    if opening.group(1).lower() in lexicon.STATEMENT_OPENING_NOT and not _CONDITION_CLAUSE.match(masked, opening.start(1), subject_start):
        return False  # "In Aleppo, X said, ...", "Meanwhile, X said, ...", "When asked, X said, ...": a scene, not the statement
    return _RESUMES_AFTER_CUE.match(masked, cue_end, hi) is not None


#: A claim named by a noun, with its owner before it: "Trump's claim that there have been thousands of shootings".
#: A name must be possessive; "his", "her", "their" and "its" are. Only before "that": after "his promise to ...",
#: the sentence's own verb follows the infinitive ("... to be a champion of working men rings true").
_NOMINAL_CLAIM = re.compile(
    r"(?P<owner>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))\s+"
    r"(?:(?:earlier|repeated|latest|recent|own|new|false|unfounded|baseless|oft-repeated)\s+)?"
    r"(?P<cue>" + literal_alternation(list(lexicon.CLAIM_NOUNS)) + r")\s+that\s+"
)
_POSSESSIVE_PRONOUN_AS_SUBJECT = {"his": "he", "her": "she", "their": "they", "its": "it"}


def _with_nominal_claims(claims: list[Claim], text: str, masked: str, lo: int, hi: int, quotes: list[QuoteSpan]) -> list[Claim]:
    """The unit's claims, and those a noun names where no cue's claim covers them already."""
    for found in _NOMINAL_CLAIM.finditer(masked, lo, hi):
        tail = lexicon.CONTENT_TAIL.search(masked, found.end() + 3, hi)
        stop = tail.start() if tail else hi
        clause_end = _CLAUSE_END.search(masked, found.end(), stop)
        c_start, c_end = _trim(text, found.end(), clause_end.start() if clause_end else stop, quotes)
        if c_end - c_start < 2 or any(c.start < c_end and c_start < c.end for c in claims):
            continue
        owner = text[found.start("owner") : found.end("owner")]
        source = _POSSESSIVE_PRONOUN_AS_SUBJECT.get(owner.lower(), re.sub(r"['’]s$", "", owner))
        noun = found.group("cue").lower()
        claims.append(Claim(c_start, c_end, source=source, cue=noun, base=lexicon.CLAIM_NOUNS[noun], mention_at=found.start("owner")))
    return claims


def _claims_in_unit(text: str, masked: str, lo: int, hi: int, quotes: list[QuoteSpan], cue_spans: list[tuple[int, int]]) -> list[Claim]:
    cues = _find_cues(masked, cue_spans, lo, hi)
    if not cues:
        return []
    claims: list[Claim] = []
    unit_quotes = [q for q in quotes if lo <= q.open_at < hi]
    medium = _medium(masked, lo, hi)
    previous_source: tuple[int, int] | None = None
    for k, cue in enumerate(cues):
        next_cue = cues[k + 1] if k + 1 < len(cues) else None
        if cue.base == "according to":
            after = masked[cue.end : hi]
            src_match = _ACCORDING_SOURCE.match(after)
            if not src_match:
                continue
            s_start, s_end = cue.end + src_match.start(1), cue.end + src_match.end(1)
            source_text = text[s_start:s_end].strip()
            if len(cues) > 1 and _document_head(source_text) and not (_NAMED_DOCUMENT.match(source_text) or _DOCUMENT_BY_OWNER.search(source_text)):
                continue  # "X confirmed ..., according to a statement": the channel of X's claim; "according to LSEG data" names a source
            before = text[lo : cue.start].strip(" ,")
            if before and not re.fullmatch(r"(?:[A-Z]\w*\s*)?", before):
                c_start, c_end = lo, cue.start
            else:
                comma = masked.find(",", s_end, hi)
                if comma < 0:
                    continue
                c_start, c_end = comma + 1, hi
            # "Rami Abdurrahman, the chief of ..." keeps only the name
            claims.append(Claim(*_trim(text, c_start, c_end, quotes), source=source_text, cue=text[cue.start:cue.end].lower(), base=cue.base, medium=medium, mention_at=s_start))
            continue
        if _NOT_A_VERB_BEFORE.search(masked, max(lo, cue.start - 20), cue.start):
            continue  # "In a written statement", "took note of", "contributed reporting"
        if _NEGATED.search(masked[max(lo, cue.start - 30) : cue.start]):
            continue  # "did not respond to requests for comment", "He didn't suggest retaliation": no statement was made
        subject: tuple[int, int] | None
        participle = _is_participle(cue)
        and_before = _coordinated(masked, lo, cue.start)
        coordinated = and_before and previous_source is not None
        if coordinated:
            subject = previous_source
        elif and_before and (opening := _subject_of_clause(masked, lo, cue.start)) is not None:
            subject = opening  # "Trump returned to resume his remarks and declared, ..."
        elif participle and (progressive := _PROGRESSIVE_BEFORE.search(masked, lo, cue.start)) is not None:
            subject = _subject_before(masked, lo, progressive.start())  # "..., and Hillary Clinton is promising to ..."
        elif participle:
            # '"A," Trump said, adding "B"': the participle's subject is the speaker just named
            # '..., the ministry said in a statement, describing ...': after a comma, the previous cue's subject
            subject = _named_right_before(masked, lo, cue.start)
            if subject is None and _COMMA_BEFORE.search(masked, max(lo, cue.start - 4), cue.start):
                subject = previous_source
            if subject is None:
                subject = _subject_of_clause(masked, lo, cue.start) or previous_source
        else:
            subject = _subject_before(masked, lo, cue.start)
        inverted = False
        after_quotation = subject is None and re.search(r"[”\"’'»],?\s*$", masked[lo:cue.start]) is not None  # '"...," suggests Molitor.'
        if subject is None and (
            after_quotation
            or (cue.base in _INVERTING_BASES and not masked[lo:cue.start].strip())  # 'Said Ellis: "..."'
            or (cue.base in _INVERTING_BASES and _statement_then_comma(masked, lo, cue.start))  # 'The ad could start this week, said Brian Baker.'
        ):
            subject = _subject_after(masked, cue.end, hi)
            if subject is not None and not after_quotation and not _SOURCE_ENDS_CLAUSE.match(masked, subject[1], hi):
                subject = None  # 'Rep. Jim Jordan (R-Ohio), a member, said the FBI was wrong': "the FBI" is no inverted source
            inverted = subject is not None
        if subject is None:
            continue
        source_text = text[subject[0] : subject[1]]
        if (
            cue.base in lexicon.NEEDS_A_STATEMENT_MARK
            and not inverted
            and not _STATEMENT_MARK_AFTER.match(masked, cue.end, hi)
            and not _AS_BEFORE.search(masked, max(lo, subject[0] - 6), subject[0])  # "as Mr. Bown observed, ..."
            and not re.search(r"[_,?!]\s*[”\"’']\s*$", masked[lo : subject[0]])  # '"...," Hassan stated.' (the quotation is masked)

        ):
            continue  # "maintains a program", "state troopers": these verbs report speech only before "that", ":" or a quotation
        relative_before = _RELATIVE_PRONOUN_BEFORE.search(masked, max(lo, cue.start - 8), cue.start) is not None  # "people who claim": a verb
        if cue.base in _NOUNISH and cue.form.lower() in {cue.base, cue.base + "s"} and not inverted and not relative_before:
            if _PHRASE_BEFORE_NOUN.search(masked, max(lo, cue.start - 40), cue.start):
                continue  # "in a June report", "of its latest estimates": the noun of a phrase
            last_word = source_text.split()[-1].lower()
            if last_word in lexicon.DETERMINERS or last_word in {"every", "each", "any", "no", "another"} or last_word.endswith(("'s", "’s")) or len(source_text.split()) == 1 and last_word in {"a", "the", "one", "another", "every", "this", "that", "which"}:
                continue  # "In one tweet, Trump said": the noun "tweet" is no cue of "one"
            raw_last = source_text.split()[-1]
            plural = raw_last.endswith("s") and not raw_last.endswith(("ss", "ous"))
            right_before = not masked[subject[1] : cue.start].strip()
            speaker_noun = last_word in lexicon.ORG_WORDS or last_word in lexicon.PERSON_ROLES  # "the ministry maintains that"
            if right_before and len(source_text.split()) >= 2 and source_text.split()[-2].lower() in {"a", "an", "the"} and raw_last.islower() and not plural and not speaker_noun:
                continue  # "make a controversial comment that ...": an article, an adjective and a noun
            if raw_last.islower() and last_word not in lexicon.PRONOUNS_PERSON | lexicon.PRONOUNS_GROUP | {"they", "who"} and not last_word.endswith("s") and not re.match(r"\s*(?:that\b|[:“\"])", masked[cue.end : cue.end + 6]):
                continue  # "sends angry tweets.", "battleground states,": an adjective and a noun, not a subject and its verb
            if last_word in lexicon.NUMBER_WORDS or last_word.isdigit() or last_word in {"other", "such", "neighboring", "member"}:
                continue  # "five states", "Other states"
            if cue.form.lower().endswith("s") and _PLURAL_NOUN_AFTER.match(masked, cue.end, min(hi, cue.end + 14)):
                continue  # "Republican claims as 'false'", "his claims are", "Early estimates put losses at": a plural noun
        if source_text.split()[0].lower() in lexicon.LEADING_PREPOSITIONS:
            continue
        if _NOBODY.match(source_text):
            continue  # "Neither side said ...": nobody made the statement
        if not inverted and _CONDITION_BEFORE.search(masked, max(lo, subject[0] - 10), subject[0]):
            continue  # "... if Damascus asked", "unless the court says otherwise": a condition, not a statement
        if _document_head(source_text) and not source_text[:1].isupper() and cue.base not in lexicon.DOCUMENT_VERBS:
            continue  # "images showed ..." is no claim; "the joint statement said" is
        previous_source = subject
        if inverted and not re.match(r"[^“\"]{0,80}?[,:]\s*[“\"]", masked[subject[1] : hi]):
            # '"A," said Name, a spokeswoman.': the statement is the quotation before the cue
            c_start, c_end = _trim(text, lo, cue.start, quotes)
            if claims and claims[-1].end <= cue.start and claims[-1].start >= lo:
                c_start = max(c_start, claims[-1].end)
            if c_end - c_start >= 2:
                claims.append(Claim(c_start, c_end, source=source_text, cue=text[cue.start:cue.end].lower(), base=cue.base, medium=medium, mention_at=subject[0]))
            continue
        # content after the cue
        c_lo = subject[1] if inverted else cue.end
        if cue.base in lexicon.NEEDS_THAT:
            that = _SHORT_ADDRESSEE_THAT.match(masked, cue.end, hi)
            if that is None:
                continue  # "was informed of", "informed the former head of banking, this past summer, ..."
            c_lo = that.end()
        if cue.base in lexicon.ADDRESSEE_VERBS:
            addressee = _ADDRESSEE.match(masked, c_lo, hi) or _AUDIENCE.match(masked, c_lo, hi) or _ADDRESSEE_COLON.match(masked, c_lo, hi)
            if addressee:
                if _NAMED_ADDRESSEE.match(addressee.group(1)):
                    medium = text[addressee.start(1) : addressee.end(1)].rstrip(".,")
                c_lo = addressee.end()
                if (age := _ADDRESSEE_AGE.match(masked, c_lo, hi)) is not None:
                    c_lo = age.end()  # "told Raymond Kowalski, 61, that ..."
        lead = lexicon.CONTENT_LEAD.match(masked[c_lo:hi])
        c_start = c_lo + (lead.end() if lead else 0)
        c_end = hi
        if next_cue is not None:
            between = masked[c_start : next_cue.start]
            nxt = _COORDINATED_CUE.search(between) or re.search(r",?\s*\b(?:(?:while|but|whereas)\s+[^,]{1,80}|and\s+[A-Z][^,]{0,80})$", between)
            if nxt and (_subject_before(masked, lo, next_cue.start) is not None or nxt.re is _COORDINATED_CUE):
                c_end = c_start + nxt.start()
            elif next_cue.base == "according to":
                c_end = next_cue.start
        acc = lexicon.ACCORDING_TO.search(masked, c_start, c_end)
        if acc:
            c_end = acc.start()
        bound = _clause_bound(masked, lo, subject[0], c_start, c_end)
        if bound is not None:
            c_end = bound  # "While Clinton has vowed to honor the deal, Trump ...", "(Clinton called it "A"), Trump ..."
        if _RELATIVE_CLAUSE_CUE.search(masked, subject[1], cue.start) and (comma := masked.find(",", c_start, c_end)) > c_start:
            c_end = comma  # "The Kremlin, which has denied any role, said ...": the relative clause ends at its comma
        tail = lexicon.CONTENT_TAIL.search(masked, c_start + 3, c_end)
        if tail:
            c_end = tail.start()
        # the statement may be a quotation before the subject, never for a participle ('..., adding "B"')
        quote_before = not participle and any(lo <= q.open_at < subject[0] for q in quotes)
        # '"A," Trump said during a rally in Kenansville, N.C., "B"': the quotation resumes after the attribution
        resumed = _QUOTE_RESUMES.match(masked, cue.end, hi) if quote_before and not participle else None
        if resumed is not None and _CUE_RE.search(resumed.group(0)):
            resumed = None  # '"A," Trump said, adding later, "B"': "B" is the participle's own statement
        adverbial_only = quote_before and resumed is None and lexicon.TIME_OR_PLACE_LEAD.match(masked[c_start:c_end])
        # '"A," Trump said, adding ...': a quotation closed with a comma right before the subject is the statement,
        # unless the quotation goes on after the cue ('"A," he said, "B."', handled below)
        quote_first = (
            quote_before
            and re.search(r"[,?!.…—-]\s*[”\"’'»]\s*$", text[lo : subject[0]]) is not None
            and resumed is None
            and not _TITLE_BEFORE_MARK.search(masked, lo, max(q.open_at for q in quotes if lo <= q.open_at < subject[0]))
        )
        # 'Saudi Arabia will cut output, the ministry said in a statement, describing the move as ...': after the
        # comma comes another clause of the attribution, not its content
        # '..., the ministry said on Thursday, as pressure grew' and '..., the company said in a filing to the
        # exchange': the writer's framing or the channel's complement, the statement came before the subject
        participle_cue_after = (
            next_cue is not None
            and _is_participle(next_cue)
            and not masked[c_start : next_cue.start].strip()
            and "," in masked[cue.end : c_start]
        )
        framing_after = (
            _FRAMING_AFTER_CUE.match(masked, c_start, c_end) is not None
            and ("," in masked[cue.end : c_start] or masked[cue.end : c_start].strip() or _CHANNEL_BEFORE.search(masked, cue.end, c_start) is not None)
        )  # "..., analyst Jack Liu wrote Thursday on 38 North": after a comma, a channel or a time, the writer's framing
        clause_after = (participle_cue_after or framing_after) and _statement_then_comma(masked, lo, subject[0])
        content_before = adverbial_only or quote_first or clause_after or not text[c_start:c_end].strip(_STRIP_END + "_\"”“’‘'")
        if content_before:
            # nothing after the cue: the content is what came before the subject
            c_start, c_end = lo, subject[0]
            noun_lead = _CLAIM_NOUN_LEAD.match(masked, _last_words_start(masked, lo, subject[0], 2), subject[1])
            if noun_lead is not None and noun_lead.end() == subject[0] and masked[lo : noun_lead.start()].rstrip().endswith(","):
                c_end = noun_lead.start()  # "Critics accused X, a charge ministers deny": what is denied is the sentence before
            elif claims and claims[-1].end <= subject[0] and claims[-1].start >= lo:
                c_start = claims[-1].end
        if content_before and cue.base in lexicon.RESPONSE_VERBS and not quote_first:
            continue  # "warned that Moscow would respond.": a response to come, not a statement
        if k == 0 and not quote_before and not participle and not inverted and _interrupted_statement(masked, lo, subject[0], cue.end, hi):
            c_start = lo  # "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": one statement around its attribution
        c_start, c_end = _trim(text, c_start, c_end, quotes)
        split_before = next((q for q in unit_quotes if q.closed and lo <= q.open_at and re.fullmatch(r"[”\"’'»]?,?\s*", masked[q.close_at : subject[0]])), None)
        if split_before is not None and not participle and c_start > subject[1] and (resumed is not None or any(q.start == c_start for q in unit_quotes)):
            c_start = split_before.start  # '"A," he said, "B."' is one statement
        if c_end - c_start < 2 or _ONLY_A_TIME.fullmatch(masked, c_start, c_end):
            continue  # "Sheinbaum responded hours later, saying ...": the time of the statement, not its content
        if content_before and len(text[c_start:c_end].split()) < 3 and not any(c_start <= q.open_at + 1 and q.close_at <= c_end + 1 for q in unit_quotes):
            continue  # "Her neighbor, Tom Lee, agrees.": two words before the subject are its apposition, not a statement
        stance = "denies" if cue.base in lexicon.DENIAL_VERBS else "asserts"
        claims.append(Claim(c_start, c_end, source=source_text, cue=text[cue.start:cue.end].lower(), base=cue.base, medium=medium, mention_at=subject[0], stance=stance))
    return claims


def _pull_quote_speaker(text: str, quote: QuoteSpan, paragraphs: tuple[tuple[int, int], ...]) -> str | None:
    """'...' on its own paragraph followed by '- Name, affiliation'."""
    for k, (p_start, p_end) in enumerate(paragraphs):
        if p_start <= quote.open_at < p_end:
            if text[quote.close_at + 1 : p_end].strip(" .") == "" and k + 1 < len(paragraphs):
                nxt = paragraphs[k + 1]
                match = lexicon.PULL_QUOTE_CREDIT.match(text[nxt[0] : nxt[1]])
                if match:
                    return match.group("name").rstrip(".")
            credit = lexicon.PULL_QUOTE_CREDIT.match(text[quote.close_at + 1 : p_end])
            if credit:
                return credit.group("name").rstrip(".")
    return None


_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s")


#: A paragraph that opens with a credit and a colon: 'Meghan McCain, Twitter: "..."', 'Jeremy Lott, author: "..."'.
_CREDIT_LABEL = re.compile(r"([A-Z][\w’'.-]*(?:\s+(?:de\s+|van\s+|al-)?[A-Z][\w’'.-]*){1,3})(?:\s*,\s*[^:,“\"\n]{1,60})?:\s*$")


def _credit_label_speaker(text: str, quote: QuoteSpan, paragraphs: tuple[tuple[int, int], ...]) -> str | None:
    paragraph = next((p for p in paragraphs if p[0] <= quote.open_at < p[1]), None)
    if paragraph is None:
        return None
    label = _CREDIT_LABEL.fullmatch(text, paragraph[0], quote.open_at)
    return label.group(1) if label else None


#: What may open a sentence before its subject: "But", "Asked whether it would hurt, ", "In Ohio, ".
_CLAUSE_INTRO = re.compile(r"(?:(?:But|And|So|Yet|Still|Then)\s+|[A-Z][a-z]+(?:ed|ing)\b[^,]{0,80},\s*|(?:In|On|At|After|Before|During|Since|When|While|As|With|Amid|Despite|Following|Although|Though|Because|If|Once|Under|For)\b[^,]{0,160},\s*)+")


def _colon_in_sentence_speaker(text: str, masked: str, quote: QuoteSpan, units: list[tuple[int, int]]) -> str | None:
    """'Trump swiped at Ryan in a series of tweets: "..."': a sentence that runs into a colon and a quotation
    gives it to the subject the sentence opened with."""
    unit = next((u for u in units if u[0] <= quote.open_at < u[1]), None)
    if unit is None or not re.search(r":\s*$", masked[unit[0] : quote.open_at]):
        return None
    colon = masked.rindex(":", unit[0], quote.open_at)
    intro = _CLAUSE_INTRO.match(masked, unit[0], colon)
    subject = _clause_opening_subject(masked, intro.end() if intro else unit[0], colon)
    if subject is None or not re.search(r"\b[a-z]{3,}\b", masked[subject[1] : colon]):
        return None  # a label ("Update:") has no verb after its subject
    return text[subject[0] : subject[1]]


def _transcript_speaker(text: str, quote: QuoteSpan) -> str | None:
    """'"PENCE: Well, look, ..."' in a quoted transcript: the capitalized label names the speaker."""
    label = _TRANSCRIPT_LABEL.match(text, quote.start, quote.end)
    return label.group(1).title() if label and len(label.group(1)) > 2 else None


def _colon_intro_speaker(text: str, masked: str, quote: QuoteSpan, paragraphs: tuple[tuple[int, int], ...], claims: list[Claim]) -> str | None:
    """'Caddell continued:' or 'The New York Times reports:' ending a paragraph; the next one is the quotation."""
    for k, (p_start, _) in enumerate(paragraphs):
        if p_start == quote.open_at and k > 0:
            prev_start, prev_end = paragraphs[k - 1]
            if not text[prev_start:prev_end].rstrip().endswith(":"):
                return None
            cued = [c for c in claims if c.cue and c.source and prev_start <= c.mention_at < prev_end]
            if cued:
                return cued[-1].source
            # no claim there: the intro has no content of its own ("The New York Times reports:")
            cue = next(_CUE_RE.finditer(masked, prev_start, prev_end), None)
            subject = _subject_before(masked, prev_start, cue.start()) if cue else None
            return text[subject[0] : subject[1]] if subject else None
    return None


def _is_standalone(text: str, quote: QuoteSpan, units: list[tuple[int, int]]) -> bool:
    """The quotation is its whole sentence: a follow-on quote of the last speaker."""
    for u_start, u_end in units:
        if u_start <= quote.open_at < u_end:
            outside = text[u_start : quote.open_at] + text[min(quote.close_at + 1, u_end) : u_end]
            return len(outside.strip(" .,\"”“")) == 0
    return False


def _last_attribution(claims: list[Claim], last_quote: dict | None, before: int) -> tuple[int, str, str | None] | None:
    """(end, speaker, medium) of whatever attributed speech ends last before ``before``: a quotation or a cued claim."""
    found = [(c.end, c.source, c.medium) for c in claims if c.cue and c.source and c.end <= before]
    if last_quote is not None and last_quote[QuoteSchema.char_end] <= before:
        found.append((last_quote[QuoteSchema.char_end], last_quote["speaker"], last_quote["medium"]))
    return max(found, default=None, key=lambda item: item[0])


#: Most characters of attribution between a quotation and the quotation that continues it
#: ('"A," said Ronald R. Fieldstone, a Miami lawyer who ..., "B."').
_CONTINUATION_GAP = 200


def _continued_statement(text: str, claims: list[Claim], quote: QuoteSpan) -> Claim | None:
    """The cued claim whose quotation ends just before this one, with only its attribution between, in one paragraph."""
    for claim in claims:
        if claim.cue and claim.quote_spans and claim.end <= quote.open_at:
            between = text[claim.quote_spans[-1].close_at + 1 : quote.open_at]
            if claim.end >= claim.quote_spans[-1].end and len(between) <= _CONTINUATION_GAP and "\n" not in between and not any(m in between for m in "“\""):
                return claim
    return None


def _near(text: str, previous_end: int, start: int) -> bool:
    """At most one paragraph break lies between the previous quotation and this one."""
    return text.count("\n\n", previous_end, start) <= 1


#: Column names as plain attributes: rows are built by the million (``schemas.column_names``).
_QUOTE_COLUMN, _CLAIM_COLUMN = column_names(QuoteSchema), column_names(ClaimSchema)


#: A kin word right before a name, which says the person's gender: "her son, Javier Lopez".
_KIN_BEFORE = re.compile(r"\b(" + "|".join(lexicon.KIN_GENDER) + r")\s*,?\s*$", re.IGNORECASE)
#: The comma before a company's legal form: "Acme Robotics, Inc.", "Wells Fargo & Co." stay one name.
_COMPANY_COMMA = re.compile(r",(\s+(?:Inc|Ltd|LLC|Corp|Co|plc|PLC|AG|GmbH|S\.A|N\.V|L\.P|LLP)\b)")


def extract_article(article_id: str, text: str) -> tuple[list[dict], list[dict]]:
    """Quote rows and claim rows for one article."""
    quotes = quote_spans(text)
    masked = _COMPANY_COMMA.sub(r" \1", mask_quotes(text, quotes))  # "Acme Robotics, Inc." is one name (same offsets)
    paragraphs = paragraph_spans(text)
    index = MentionIndex.build(masked, raw=text)  # names said inside quotations ('working Crooked Hillary Clinton') are no one's full name
    history = SpeakerHistory()
    claims: list[Claim] = []
    units = _units(text, quotes)
    cue_spans = _cue_spans(masked, quotes)
    for lo, hi in units:
        for claim in _with_nominal_claims(_claims_in_unit(text, masked, lo, hi, quotes, cue_spans), text, masked, lo, hi, quotes):
            resolved = resolve_mention(claim.source or "", claim.mention_at, index, history)
            claim.source = resolved
            if resolved:
                history.add(claim.mention_at, resolved, speaker_kind(resolved))
                if (kin := _KIN_BEFORE.search(masked, max(0, claim.mention_at - 30), claim.mention_at)) is not None:
                    history.note_gender(resolved, lexicon.KIN_GENDER[kin.group(1).lower()])  # "her son, Javier Lopez": first, the surest
                self_reference = _SELF_REFERENCE.match(text, claim.start)  # "Clinton said she was ready"
                if self_reference and speaker_kind(resolved) == "person":
                    history.note_gender(resolved, lexicon.PRONOUN_GENDER[self_reference.group(1).lower()])
            claims.append(claim)
    # quotations: inside a claim, a follow-on paragraph, or a pull-quote
    quote_rows: list[dict] = []
    owners: list[Claim] = []
    last_quote: dict | None = None
    last_mark_double: bool | None = None  # the marks of the last attributed quotation: the article's style
    unclosed: QuoteSpan | None = None  # a quotation left open at its paragraph's end, with no speaker of its own yet

    def add_row(q: QuoteSpan, speaker: str, cue: str | None, medium: str | None, owner: Claim) -> None:
        nonlocal last_quote, last_mark_double
        owner.quote_spans.append(q)
        before = text[max(0, q.open_at - 40) : q.open_at].rstrip()
        sentence_start = before == "" or before.endswith((",", ":", ".", "\n")) or q.open_at == 0
        is_fragment = not (sentence_start and text[q.start : q.start + 1][:1].isupper() or text[q.start:q.start+1] == "(")
        row = {
            _QUOTE_COLUMN.quote_id: stable_id(article_id, "quote", q.start, q.end),
            _QUOTE_COLUMN.article_id: article_id,
            _QUOTE_COLUMN.char_start: q.start,
            _QUOTE_COLUMN.char_end: q.end,
            _QUOTE_COLUMN.text: text[q.start : q.end],
            _QUOTE_COLUMN.speaker: speaker,
            _QUOTE_COLUMN.speaker_kind: speaker_kind(speaker),
            _QUOTE_COLUMN.cue: cue,
            _QUOTE_COLUMN.medium: medium,
            _QUOTE_COLUMN.is_fragment: is_fragment,
        }
        quote_rows.append(row)
        owners.append(owner)
        last_quote, last_mark_double = row, q.double

    for q in quotes:
        left_open, unclosed = unclosed, None
        if _WORK_BEFORE_MARK.search(text, max(0, q.open_at - 30), q.open_at):
            continue  # the title of a work: 'In her book, "Becoming," Obama writes'
        owner = next((c for c in claims if c.start - 1 <= q.start and q.end <= c.end + 1), None)
        speaker, cue, medium = None, None, None
        if owner is not None:
            speaker, cue, medium = owner.source, owner.cue, owner.medium
        else:
            # the cue of these attributions is the punctuation that makes them, a label's colon; a pull-quote's dash
            # credit has none (the data contract: "'...' - Jihad Yazigi" is a quote with a null cue)
            finders = (
                (lambda: _pull_quote_speaker(text, q, paragraphs), None),
                (lambda: _transcript_speaker(text, q), ":"),
                (lambda: _credit_label_speaker(text, q, paragraphs), ":"),
                (lambda: _colon_in_sentence_speaker(text, masked, q, units), ":"),
                (lambda: _colon_intro_speaker(text, masked, q, paragraphs, claims), ":"),
            )
            pulled, cue = next(((found, mark) for find, mark in finders if (found := find())), (None, None))
            if pulled:
                speaker = resolve_mention(pulled, q.open_at, index, history) or pulled
            elif (
                _is_standalone(text, q, units)
                and (q.double or last_mark_double is False)  # single marks too where the last attributed quotation used them
                and (follow := _last_attribution(claims, last_quote, q.open_at))
                and _near(text, follow[0], q.open_at)
            ):
                # a quotation that is its own sentence continues the latest speaker: a quotation's, or a cue's
                # ('..., Mr. McFaul said of RT. "Having people like ..."')
                speaker, medium = follow[1], follow[2]
                continued = _continued_statement(text, claims, q)
                if continued is not None:
                    continued.end = q.end  # '"A," she said. "B."' is one statement, as '"A," she said, "B."' is
                    owner = continued
            else:
                if not q.closed:
                    unclosed = q  # its speaker may come with the paragraph that continues it
                continue  # a title, nickname or scare quote with no speaker in reach
            if owner is None:
                owner = Claim(q.start, q.end, source=speaker, cue=cue, base=None, medium=medium)
                claims.append(owner)
        if speaker is None or not text[q.start : q.end].strip():
            continue
        if medium is None and last_quote is not None and last_quote["speaker"] == speaker:
            medium = last_quote["medium"]
        if left_open is not None and not text[left_open.close_at : q.open_at].strip():
            # '"A ...\n\n"B," the minister said.': the paragraph B continues opens the statement
            owner.start = min(owner.start, left_open.start)
            add_row(left_open, speaker, cue, medium, owner)
        add_row(q, speaker, cue, medium, owner)
    for row, owner in zip(quote_rows, owners, strict=True):  # after the loop: a statement may have grown
        row[_QUOTE_COLUMN.claim_id] = stable_id(article_id, "claim", owner.start, owner.end)
    claim_rows = []
    seen: set[tuple[int, int]] = set()
    for c in sorted(claims, key=lambda c: (c.start, c.end)):
        if (c.start, c.end) in seen:
            continue
        seen.add((c.start, c.end))
        claim_rows.append(
            {
                _CLAIM_COLUMN.claim_id: stable_id(article_id, "claim", c.start, c.end),
                _CLAIM_COLUMN.article_id: article_id,
                _CLAIM_COLUMN.char_start: c.start,
                _CLAIM_COLUMN.char_end: c.end,
                _CLAIM_COLUMN.text: text[c.start : c.end],
                _CLAIM_COLUMN.source: c.source,
                _CLAIM_COLUMN.source_kind: speaker_kind(c.source),
                _CLAIM_COLUMN.cue: c.cue,
                _CLAIM_COLUMN.stance: c.stance,
                _CLAIM_COLUMN.quote_ids: [stable_id(article_id, "quote", q.start, q.end) for q in c.quote_spans],
            }
        )
    return quote_rows, claim_rows


def extract_quotes_and_claims(articles: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Quotes and claims tables for a batch of articles."""
    quote_rows: list[dict] = []
    claim_rows: list[dict] = []
    for article_id, text in articles.select(ArticleSchema.article_id, ArticleSchema.text).iter_rows():
        quotes, claims = extract_article(article_id, text)
        quote_rows.extend(quotes)
        claim_rows.extend(claims)
    quotes_df = pl.DataFrame(quote_rows, schema=QuoteSchema.empty().schema) if quote_rows else QuoteSchema.empty()
    claims_df = pl.DataFrame(claim_rows, schema=ClaimSchema.empty().schema) if claim_rows else ClaimSchema.empty()
    return quotes_df, claims_df
