"""Word lists and compiled patterns, kept as data in one place.

Every extractor reads its vocabulary from here, so a rule change is a one-line
diff with a test next to it (``tests/test_lexicon.py``).
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- normalize

#: Whole lines that are not the article: adverts, cross-links, disclaimers, editorial notes.
BOILERPLATE_LINE = re.compile(
    r"""^\s*(?:
        advertis(?:e)?ments?
      | (?:also\s+(?:read|watch|see)|read\s+more|related|watch)\s*[|:].*
      | disclaimer\s*:.*
      | \(?\s*with\s+inputs\s+from\s+[\w\s,]+\)?
      | this\s+is\s+a\s+(?:developing|breaking)\s+story\b.*
      | in\s+short\s*:
      | (?:click|tap)\s+here\b.*
      | (?:subscribe|sign\s+up)\s+(?:to|for)\s+our\b.*
      | share\s+(?:this|on)\b.*
      | share | tweet | whatsapp | facebook | twitter | e-?mail | print | copy\s+link | linkedin | reddit | pinterest
      | comments? | save | listen\s+to\s+(?:this\s+)?article | \d+\s+min(?:ute)?s?\s+read
      | (?:photo|image|picture|file\s+photo|video)\s*[:|].*
      | .*\b(?:getty\s+images|via\s+getty|AP\s+photo/[\w .]+|reuters/[\w .]+)\)?
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

#: A wire story's closing credit: "(Reporting by Nidal al-Mughrabi in Cairo; Editing by Andrew Heavens)".
REPORTING_CREDIT_LINE = re.compile(r"^\s*\(?\s*(?:additional\s+)?(?:reporting|writing|editing)\s+by\s+(?P<names>[^;)]*)(?:;[^)]*)?\)?\s*$", re.IGNORECASE)
#: A heading of links to other stories; the list items after it go with it.
RELATED_HEADING = re.compile(r"^\s*(?:related(?:\s+(?:articles?|stories|coverage|news|content|topics))?|more\s+on\s+this\s+(?:story|topic)|recommended|most\s+(?:read|popular)|you\s+may\s+also\s+like|read\s+next)\s*:?\s*$", re.IGNORECASE)
LIST_ITEM = re.compile(r"^\s*[-•*–]\s+\S")

#: News agencies recognised in credit lines such as "Reuters/AP/AFP".
WIRE_AGENCIES = {
    "reuters": "Reuters", "ap": "AP", "afp": "AFP", "dpa": "dpa", "ani": "ANI", "pti": "PTI",
    "ians": "IANS", "xinhua": "Xinhua", "anadolu": "Anadolu", "efe": "EFE", "bloomberg": "Bloomberg",
    "associated press": "AP", "agence france-presse": "AFP", "upi": "UPI", "ansa": "ANSA",
}
WIRE_CREDIT_LINE = re.compile(
    r"^\s*\(?(?:(?:with\s+)?(?:inputs\s+from\s+)?)?"
    r"((?:reuters|ap|afp|dpa|ani|pti|ians|xinhua|anadolu|efe|bloomberg|upi|ansa|associated press|agence france-presse)"
    r"(?:\s*(?:/|,|and|&)\s*(?:reuters|ap|afp|dpa|ani|pti|ians|xinhua|anadolu|efe|bloomberg|upi|ansa|associated press|agence france-presse))*)"
    r"\s*\)?\s*$",
    re.IGNORECASE,
)

#: ` date 2024-12-05 Damascus` — a date header followed by whatever the feed put after it.
DATE_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)$", re.IGNORECASE)
#: `2024-12-06 15:00:03 - From: Middle East Eye`
FEED_HEADER = re.compile(
    r"^\s*(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2})?)\s*(?:[-–|]\s*)?(?:From:\s*(.+?))?\s*$"
)
#: `Alex MacDonald Thu, 12/05/2024` or `By Jane Doe | Dec 5, 2024`
BYLINE_WITH_DATE = re.compile(
    r"^\s*(?:By\s+)?(?P<names>[A-Z][\w.'’-]+(?:\s+(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)[A-Z][\w.'’-]+){1,3}(?:\s*(?:,|and)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})*)"
    r"\s*[,|]?\s+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?P<date>\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})\s*$"
)
BYLINE = re.compile(r"^\s*By\s+(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*)\s*$")
#: `Title: ...`, `Date: 2026-02-14`, `Source: BBC News`, `Author: Jane Doe`, `URL: https://...`: labelled header
#: fields as exports and scrapers write them; the label names the column (``HEADER_FIELDS``).
FIELD_HEADER = re.compile(
    r"^\s*(title|headline|date|published|published at|publication date|source|outlet|publisher|publication|"
    r"authors?|byline|url|link)\s*:\s*(\S.*?)\s*$",
    re.IGNORECASE,
)
HEADER_FIELDS = {
    "title": "title", "headline": "title", "date": "published_at", "published": "published_at", "published at": "published_at",
    "publication date": "published_at", "source": "outlet", "outlet": "outlet", "publisher": "outlet", "publication": "outlet",
    "author": "authors", "authors": "authors", "byline": "authors", "url": "url", "link": "url",
}
#: A line that is only a date (and perhaps a time): `March 12, 2026`, `12 March 2026 09:30 GMT`, `Thu, Mar 12, 2026`.
DATE_ONLY_LINE = re.compile(
    r"^\s*(?:(?:Published|Updated|Last\s+updated|Posted|First\s+published)(?:\s+[Oo]n)?:?\s+)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*$"
)
#: A dateline opening the first paragraph: `LONDON, April 3 (Reuters) - Oil prices ...`, `ANKARA, Turkey (AP) — ...`,
#: `WASHINGTON — ...` (``match`` it at the paragraph's start).
INLINE_DATELINE = re.compile(
    r"(?:(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})(?=[,\s])"
    r"(?:(?:,\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?)?(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\((?P<agency>[A-Za-z .-]{2,30})\)\s*(?:[-—–:]|(?<=\(PTI\))|(?<=\(IANS\))|(?<=\(ANI\)))"
    r"|,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*[-—–]|\s*[—–]|(?<=[A-Z]{4})\s+-)"
    # a place written in title case needs a wire agency after it: "Khartoum (AFP) –"
    r"|(?P<place2>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?:,\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?)?\s*"
    r"\((?P<agency2>AFP|AP|Reuters|dpa|Xinhua|Anadolu|EFE|ANI|PTI|IANS|UPI|ANSA)\)\s*[-—–]"
    # a press release: "SAN JOSE, Calif., March 12, 2026 /PRNewswire/ --"
    r"|(?P<place3>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}),(?:\s+[A-Z][a-z]+\.?(?: [A-Z][a-z]+)?,)?\s+"
    r"(?P<released>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})\s+/(?P<newswire>[A-Za-z -]{2,30})/\s*(?:--|[-—–]))"
    r"\s+(?=[A-Z\"“‘'])"
)
#: A place line in capitals that opens a story: `HAMA`, `NEW YORK`, `GAZA CITY (Reuters) -`.
DATELINE_LINE = re.compile(r"^\s*([A-Z][A-Z .'-]{1,40}?)\s*(?:\((?:[A-Za-z ]+)\))?\s*[-—–:]?\s*$")

# --------------------------------------------------------------------------- sentences

#: Abbreviations whose period does not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "sen", "rep", "rev",
    "st", "jr", "sr", "vs", "etc", "no", "inc", "corp", "co", "ltd", "dept", "univ", "est", "approx", "del", "atty", "supt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "mt", "ft", "pres", "atty", "supt", "cmdr", "adm",
}

# --------------------------------------------------------------------------- quotes

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_ANY = '"“”„«»'
ANY_QUOTE_MARK = '"“”„«»‘’\''

# --------------------------------------------------------------------------- attribution

def _forms(*groups: str) -> dict[str, str]:
    """'say said says saying' -> {form: base} for every inflection listed."""
    table: dict[str, str] = {}
    for group in groups:
        words = group.split("|")
        for word in words:
            table[word] = words[0]
    return table


#: Speech-act verbs that introduce a claim, every inflection listed explicitly.
SPEECH_VERBS = _forms(
    "say|said|says|saying", "tell|told|tells|telling", "add|added|adds|adding",
    "announce|announced|announces|announcing", "confirm|confirmed|confirms|confirming",
    "report|reported|reports|reporting", "warn|warned|warns|warning", "urge|urged|urges|urging",
    "accuse|accused|accuses|accusing", "deny|denied|denies|denying", "reject|rejected|rejects|rejecting",
    "explain|explained|explains|explaining", "argue|argued|argues|arguing", "stress|stressed|stresses|stressing",
    "note|noted|notes|noting", "claim|claimed|claims|claiming", "insist|insisted|insists|insisting",
    "write|wrote|writes|writing|written", "state|stated|states|stating", "declare|declared|declares|declaring",
    "advise|advised|advises|advising", "cite|cited|cites|citing", "praise|praised|praises|praising",
    "suggest|suggested|suggests|suggesting", "acknowledge|acknowledged|acknowledges|acknowledging",
    "admit|admitted|admits|admitting", "estimate|estimated|estimates|estimating",
    "predict|predicted|predicts|predicting", "promise|promised|promises|promising", "vow|vowed|vows|vowing",
    "reveal|revealed|reveals|revealing", "recall|recalled|recalls|recalling", "tweet|tweeted|tweets|tweeting",
    "testify|testified|testifies|testifying", "complain|complained|complains|complaining",
    "concede|conceded|concedes|conceding", "contend|contended|contends|contending",
    "allege|alleged|alleges|alleging", "assert|asserted|asserts|asserting",
    "emphasize|emphasized|emphasizes|emphasizing|emphasise|emphasised|emphasises",
    "criticize|criticized|criticizes|criticizing|criticise|criticised", "blame|blamed|blames|blaming",
    "respond|responded|responds|responding", "reply|replied|replies|replying", "comment|commented|comments",
    "disclose|disclosed|discloses|disclosing", "conclude|concluded|concludes|concluding",
    "agree|agreed|agrees|agreeing", "observe|observed|observes|observing", "dismiss|dismissed|dismisses",
    "dispute|disputed|disputes|disputing", "refute|refuted|refutes", "point out|pointed out|points out|pointing out",
    "ask|asked|asks|asking", "describe|described|describes|describing", "announce|announced",
    "tout|touted|touts|touting", "boast|boasted|boasts|boasting", "demand|demanded|demands|demanding",
    "call for|called for|calls for|calling for", "call on|called on|calls on|calling on",
    "maintain|maintained|maintains|maintaining", "indicate|indicated|indicates|indicating",
    "acknowledge|acknowledged", "explain|explained",
    # verbs with other senses keep only their speech forms: "a blast", "questioned the suspect", "shots echoed"
    "mentioned|mentions|mentioning", "condemn|condemned|condemns|condemning", "blasted", "propose|proposed|proposes|proposing",
    "liken|likened|likens|likening", "decry|decried|decries|decrying", "slammed|slams", "assail|assailed|assails|assailing",
    "reiterate|reiterated|reiterates|reiterating", "speculate|speculated|speculates|speculating", "assure|assured|assures|assuring",
    "cautioned|cautions", "proclaim|proclaimed|proclaims|proclaiming", "lament|lamented|laments|lamenting",
    "retort|retorted|retorts|retorting", "recommend|recommended|recommends|recommending", "brag|bragged|brags|bragging",
    "hinted|hints", "inform|informed|informs|informing", "opine|opined|opines|opining",
)
#: Abbreviations that stand before a name and keep their period in it ("Rep. G.K. Butterfield").
NAME_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Del", "Gen", "Lt", "Col", "Sgt", "Capt", "Prof", "St", "Jr", "Sr")
#: Initials that often end a sentence ("... in the U.S. The president ...").
PLACE_INITIALS = {"us", "uk", "un", "eu", "dc", "la", "nyc", "usa", "uae"}
#: Adverbs that may stand between a subject and its cue: "Gingrich cynically dismissed", "my father often said"
#: (any "-ly" word counts too).
SUBJECT_ADVERBS = {"often", "also", "still", "later", "then", "now", "once", "again", "repeatedly", "previously", "reportedly", "recently", "never", "always"}
#: Capitalized only because they open a sentence: "But Megan Hester said" names Megan Hester.
SENTENCE_OPENERS = {"both", "but", "and", "when", "as", "while", "if", "although", "though", "so", "yet", "then", "now", "meanwhile", "still", "because", "after", "before", "since", "or", "later", "earlier", "instead", "also", "even", "rival", "opponent", "challenger"}
#: Verbs of a sentence that only attributes the quotation before it: '"Why?" Clinton said.'
ATTRIBUTION_ONLY_VERBS = (
    "said", "says", "asked", "asks", "added", "adds", "told", "tells", "wrote", "writes", "replied", "continued", "explained",
    "insisted", "declared", "exclaimed", "shouted", "yelled", "responded", "responds", "answered", "countered", "noted",
    "recalled", "argued", "agreed", "warned", "conceded", "acknowledged", "admitted", "observed", "gushed", "fumed",
    "interjected", "sighed", "scoffed", "snapped", "retorted", "mused", "quipped", "joked", "laughed",
    "demanded", "boasted", "bragged", "wondered", "cautioned", "stressed", "emphasized", "claimed",
    "tweeted", "announced", "complained", "predicted", "vowed", "promised", "urged", "suggested",
)
#: Verbs that name something in the speaker's words; a cue only when a quotation follows within a few words
#: ('Trump called the senator a "nasty guy"'), never in "called a meeting".
NAMING_VERBS = _forms(
    "call|called|calls|calling", "dub|dubbed|dubs|dubbing", "label|labeled|labelled|labels|labeling|labelling",
    "brand|branded|brands|branding", "term|termed|terms|terming", "nickname|nicknamed|nicknames",
    "refer to|referred to|refers to|referring to", "slam|slammed|slams|slamming", "hammer|hammered|hammers|hammering",
    "deride|derided|derides|deriding", "mock|mocked|mocks|mocking", "tout|touted|touts|touting",
    "hail|hailed|hails|hailing", "portray|portrayed|portrays|portraying", "dismissing",
    "characterize|characterized|characterizes|characterizing", "characterise|characterised|characterises",
)
#: Verbs that report speech only when a quotation follows at once ('She continued, "..."',
#: 'Limbaugh continued: "..."'); elsewhere they mean something else ("the war continued").
QUOTE_INTRO_VERBS = _forms(
    "continue|continued|continues", "go on|went on|goes on", "put it", "shout|shouted|shouts|shouting",
    "yell|yelled|yells|yelling", "joke|joked|jokes|joking", "quip|quipped|quips", "chant|chanted|chants|chanting",
    "exclaim|exclaimed|exclaims", "scold|scolded|scolds", "wonder|wondered|wonders", "sing|sang|sings|singing",
)
#: Verbs that are speech acts only before what they report: "pledged to cancel the accord", "questioned whether
#: ...", "charged that ...", never "pledged their loyalty", "questioned the suspect", "charged with murder".
CLAUSE_CUE_VERBS = _forms(
    "pledge|pledged|pledges|pledging", "question|questioned|questions|questioning", "charge|charged|charges|charging",
    "wonder|wondered|wonders|wondering", "predict|predicted|predicts|predicting", "hint|hinted|hints|hinting",
    "joke|joked|jokes|joking", "quip|quipped|quips|quipping", "muse|mused|muses|musing",
)
#: Nouns ending in -ly, which are not adverbs between a subject and its cue ("the influential US daily wrote").
LY_NOUNS = {"daily", "weekly", "monthly", "quarterly", "family", "ally", "rally", "assembly", "supply"}
#: Words before a cue word that make it a noun or an adjective: an article ("a written statement") or a
#: light verb ("took note of", "contributed reporting").
NOUN_CUE_LEADS = ["a", "an", "the", "took", "take", "takes", "taking", "made", "make", "makes", "gave", "give", "gives", "contributed", "additional", "without", "worth"]
#: Verbs that report speech only before "that", a colon or a quotation ("the ministry maintains that ...");
#: elsewhere they mean something else ("maintains a program", "state troopers", "observed the vote").
NEEDS_A_STATEMENT_MARK = {"maintain", "state", "observe"}
#: Days and months: "issued a statement Tuesday slamming ..." has no speaker "Tuesday".
CALENDAR_WORDS = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
]
#: What a document can do as a speaker: "the joint statement said", "the letter reads".
DOCUMENT_VERBS = {"say", "state", "read", "add", "write", "continue"}
#: Cues that report no statement when negated: "did not respond to requests for comment".
RESPONSE_VERBS = {"respond", "reply", "comment", "return"}
#: Verbs that attribute the quotation right before them, and nothing else: '"...," Clinton gushed.'
QUOTE_REPLY_VERBS = _forms(
    "gush|gushed|gushes", "fume|fumed|fumes", "interject|interjected|interjects", "sigh|sighed|sighs",
    "scoff|scoffed|scoffs", "snap|snapped|snaps", "retort|retorted|retorts", "muse|mused|muses",
    "deadpan|deadpanned|deadpans", "laugh|laughed|laughs", "quip|quipped|quips", "joke|joked|jokes",
    "exclaim|exclaimed|exclaims", "continue|continued|continues", "shout|shouted|shouts", "yell|yelled|yells",
    "email|emailed|emails", "text|texted|texts", "cry|cried|cries", "read|reads", "chant|chanted|chants", "sing|sang|sings",
)
#: Nouns that name a statement and its owner's speech act: "Trump's claim that ...", "his promise that ...".
CLAIM_NOUNS = {
    "claim": "claim", "claims": "claim", "assertion": "assert", "assertions": "assert", "contention": "contend",
    "insistence": "insist", "allegation": "allege", "allegations": "allege", "promise": "promise", "promises": "promise",
    "pledge": "pledge", "pledges": "pledge", "warning": "warn", "warnings": "warn", "vow": "vow", "vows": "vow",
}
#: Cues whose claim is a denial.
DENIAL_VERBS = {"deny", "reject", "dismiss", "dispute", "refute"}
#: Cues that take the addressee as their object ("told The Associated Press that ...").
ADDRESSEE_VERBS = {"tell"}
#: Cues that report speech only before "that", perhaps after a short addressee: "informed that", "informed lawmakers that".
NEEDS_THAT = {"inform"}
#: Participles that report speech of the clause's subject ("..., urging its citizens to leave").
PARTICIPLE_SUFFIX = "ing"
ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)

#: Words that end a subject chunk when walking back from a cue.
CHUNK_STOPS = {
    "that", "which", "who", "whom", "whose", "while", "but", "as", "when", "after", "before", "because", "if",
    "is", "was", "were", "are", "be", "been", "being", "to", "than", "where", "since", "though", "although",
    "so", "yet", "or", "nor", "not", "also", "what", "how", "why", "by", "with", "from", "at", "into", "about",
    "there", "here", "this", "had", "has", "have", "did", "do", "does", "can", "could", "would", "will",
    "should", "may", "might", "must", "shall", "then", "now", "once", "said", "says", "told", "added",
    "over", "under", "between", "against", "during", "until", "without", "within", "per",
}
#: Heads of a subject whose "of" phrase names who they are: "a group of doctors", "dozens of protesters".
COLLECTIVE_HEADS = {
    "group", "groups", "number", "coalition", "chorus", "team", "panel", "handful", "majority", "minority", "lot", "lots",
    "dozens", "hundreds", "thousands", "scores", "many", "most", "some", "few", "several", "one", "two", "three", "all",
    "both", "each", "none", "members", "member", "bunch", "crowd", "delegation", "association", "alliance", "caucus",
}
PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_GROUP = {"it", "they", "we", "i"}
#: A pronoun resolves to the latest speaker the article has not called by the other one.
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
#: Kin words before a name: "her son, Javier Lopez", "his widow Ana".
KIN_GENDER = {
    "son": "m", "husband": "m", "father": "m", "brother": "m", "nephew": "m", "grandson": "m", "uncle": "m", "widower": "m",
    "daughter": "f", "wife": "f", "mother": "f", "sister": "f", "niece": "f", "granddaughter": "f", "aunt": "f", "widow": "f",
}
DETERMINERS = {"both", "these", "those", "all", "each", "the", "a", "an", "its", "his", "her", "their", "our", "some", "several", "many", "two", "three", "members"}
#: Titles and roles stripped from a person's name ("Lieutenant Colonel Hassan Abdul Ghani" -> "Hassan Abdul Ghani").
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "president", "vice", "prime", "minister", "del", "delegate",
    "secretary", "secretary-general", "general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj",
    "captain", "capt", "sergeant", "sgt", "commander", "chief", "leader", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "senator", "sen", "representative", "rep", "governor", "gov", "mayor", "judge", "justice",
    "king", "queen", "prince", "princess", "sheikh", "imam", "pope", "rev", "father", "ambassador", "chairman",
    "chairwoman", "director", "editor", "editor-in-chief", "ceo", "foreign", "defence", "defense", "interior",
    "finance", "un", "us", "eu", "uk", "former", "deputy", "acting", "senior", "head", "officer", "official",
    "chinese", "russian", "syrian", "iranian", "american", "british", "french", "israeli", "turkish", "state",
    "attorney", "speaker", "congressman", "congresswoman", "candidate", "nominee", "democratic", "republican",
    "gop", "democrat", "sens", "reps", "presidential", "coach", "dsp", "asp", "acp", "dcp", "dig", "igp", "mrs.", "mr.", "dr.", "ms.", "gen.", "sen.", "rep.", "gov.",
    "constable", "inspector", "detective", "superintendent", "commissioner", "sheriff", "corporal", "admiral", "brigadier",
    "marshal", "lord", "lady", "dame", "baroness", "baron", "councillor", "councilman", "councilwoman", "alderman",
    "chancellor", "premier", "mp", "mep", "supt", "insp", "det", "chair", "chairperson", "cfo", "coo", "cto", "founder", "executive",
}
#: Lower-case role words that may stand before a name after an inverted cue: '"...," said farmer Josip Novak'.
ROLE_NOUNS = {
    "host", "anchor", "correspondent", "columnist", "commentator", "pollster", "strategist",
    "widow", "widower", "farmer", "resident", "residents", "witness", "analyst", "activist", "lawyer", "attorney", "doctor", "nurse",
    "teacher", "student", "official", "worker", "engineer", "economist", "researcher", "historian", "shopkeeper",
    "owner", "driver", "soldier", "fighter", "volunteer", "survivor", "pastor", "priest", "coach", "manager", "chef",
    "trader", "fisherman", "expert", "author", "writer", "journalist", "reporter", "photographer", "candidate",
    "voter", "protester", "lawmaker", "legislator", "strategist", "pollster", "adviser", "advisor", "aide",
    "former", "deputy", "senior", "acting", "local", "regional", "retired", "rebel", "opposition", "party",
    "coordinator", "rapporteur", "administrator", "boss", "skipper", "striker", "midfielder", "goalkeeper", "defender",
    "winger", "colleague", "friend", "cousin", "brother", "sister", "son", "daughter", "wife", "husband", "campaign", "psychologist", "professor", "scientist", "spokesman", "spokeswoman", "chairman", "manager",
    "psychotherapist", "therapist", "physician", "surgeon", "epidemiologist", "lecturer", "consultant", "entrepreneur",
    "investor", "banker", "executive", "founder", "co-founder", "cofounder", "blogger", "comedian", "actor", "actress",
    "singer", "musician", "artist", "athlete", "player", "filmmaker", "producer", "novelist", "poet", "diplomat",
    "negotiator", "prosecutor", "defendant", "plaintiff", "neighbour", "neighbor", "shopper", "customer", "patient",
    "parent", "citizen", "mechanic", "miner", "pilot", "paramedic", "firefighter", "medic", "guard", "mother",
}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "mr.", "mrs.", "ms.", "dr.", "prof."}
#: Lower-case particles inside a person's name: "Borja del Pozo Cruz", "Ursula von der Leyen", "Rami bin Ali".
NAME_PARTICLES = ("de", "del", "della", "da", "di", "dos", "das", "du", "van", "von", "der", "den", "ter", "bin", "ibn", "al")
#: Roles that stand for the person the article named with them: "the senator" is "Senator Maria Delgado" or "Maria
#: Delgado, a senator from Arizona". Each with the abbreviations written before a name.
STANDALONE_ROLES = {
    "senator": ("Sen.",), "governor": ("Gov.",), "representative": ("Rep.",), "congressman": ("Rep.",), "congresswoman": ("Rep.",),
    "mayor": (), "judge": (), "president": (), "prime minister": (), "chancellor": (), "premier": (), "minister": (),
    "foreign minister": (), "ambassador": (), "sheriff": (), "prosecutor": (), "commissioner": (), "general": ("Gen.",),
    "chief executive": ("CEO",), "ceo": ("Chief Executive", "Chief Executive Officer"), "chairman": (), "chairwoman": (), "coach": (),
    "manager": (), "king": (), "queen": (), "pope": (), "archbishop": (), "bishop": (), "candidate": (), "nominee": (),
    "lawmaker": (), "spokesman": (), "spokeswoman": (), "spokesperson": (), "director": (), "chief": (), "secretary": (),
}
#: Offices that tell apart two people of one surname ("President Obama" is not "Michelle Obama"), unlike a role ("adviser").
OFFICES = frozenset({
    "president", "senator", "governor", "representative", "congressman", "congresswoman", "secretary", "mayor", "judge",
    "speaker", "chancellor", "premier", "minister", "king", "queen", "prince", "princess", "pope",
})
#: Head nouns that make an unnamed source one person: "a spokesman for the ministry", "a senior official".
PERSON_ROLES = {
    "spokesman", "spokeswoman", "spokesperson", "official", "aide", "adviser", "advisor", "lobbyist", "diplomat",
    "officer", "lawmaker", "senator", "resident", "witness", "analyst", "activist", "lawyer", "doctor", "source",
    "commander", "minister", "man", "woman", "voter", "supporter", "protester", "farmer", "worker", "student",
    "narrator", "announcer", "moderator", "host", "anchor", "caller", "speaker",
}
#: Words that make a speaker an organization.
#: Capitals that stand for their governments in news ("Moscow denies ...", "Washington said").
CAPITALS_AS_STATES = {
    "moscow", "washington", "beijing", "kyiv", "kiev", "tehran", "ankara", "damascus", "jerusalem", "london", "paris", "berlin",
    "tokyo", "seoul", "pyongyang", "brussels", "cairo", "riyadh", "baghdad", "kabul", "islamabad", "new delhi", "caracas", "havana",
    "minsk", "warsaw", "rome", "madrid", "ottawa", "canberra", "taipei", "doha", "abu dhabi", "beirut", "amman", "khartoum", "tripoli",
}
#: Country names as news writes them that ISO 3166 (``pycountry``) names otherwise: "Russian Federation", "Türkiye".
COUNTRY_ALIASES = {
    "russia", "turkey", "britain", "great britain", "uk", "u.k.", "us", "u.s.", "usa", "u.s.a.", "america", "palestine",
    "holland", "ivory coast", "czech republic", "the netherlands", "the united states", "the uk", "the us", "the u.s.",
}
ORG_WORDS = {
    "army", "military", "forces", "force", "embassy", "ministry", "government", "observatory", "group", "groups",
    "agency", "council", "nations", "committee", "party", "office", "department", "police", "campaign",
    "company", "corporation", "university", "institute", "association", "union", "administration", "court",
    "commission", "organization", "organisation", "network", "media", "press", "reuters", "ap", "afp",
    "factions", "rebels", "insurgents", "fighters", "militants", "opposition", "regime", "coalition",
    "monitor", "board", "bank", "fund", "service", "services", "authority", "authorities", "officials",
    "post", "times", "news", "journal", "report", "foundation", "center", "centre", "hts", "un", "nato",
    "congress", "senate", "house", "white", "pentagon", "politifact", "poll", "survey", "study", "team",
    "inc", "corp", "co", "ltd", "plc", "llc", "economics", "securities", "capital", "partners", "holdings", "airlines", "motors",
    "technologies", "programme", "program", "initiative", "alliance", "federation",
}
#: Heads that name a document, not a speaker ("according to a statement" sets the medium instead).
DOCUMENT_HEADS = {"statement", "report", "post", "message", "notice", "video", "documents", "document", "data", "figures", "estimates", "reports", "images", "footage", "records", "polls", "poll"}

#: Channel or addressee of a statement ("in a post on WeChat", "in an official Telegram channel").
MEDIUM_PATTERNS = [
    re.compile(r"\b[Ii]n an? (?:[a-z]+ )?(?:post|message|statement|tweet|interview|update) on (?:its |his |her |their )?(?P<m>[A-Z][\w.-]*(?: [A-Z][\w.-]*)*)"),
    re.compile(r"\b[Ii]n (?:an?|its|his|her|their) (?:official )?(?P<m>(?:[A-Z][\w-]* )?(?:channel|video address|televised address|address|speech|broadcast|briefing|press conference|letter|interview|podcast|newsletter|op-ed))\b"),
    re.compile(r"\b(?:sent|issued|published|released) an? (?P<m>(?:[a-z]+ )?(?:notice|statement|message|letter|advisory))\b"),
    re.compile(r"\b(?:published|carried|broadcast|aired) by (?P<m>(?:state|official|local) (?:media|television|TV|radio|news agency))\b"),
    re.compile(r"\bon (?:its |his |her |their )?(?P<m>[A-Z][\w.-]* (?:account|channel|page|feed))\b"),
]
#: A word every ``MEDIUM_PATTERNS`` match contains: a sentence without one has no medium (one scan, not five).
MEDIUM_WORDS = [
    "post", "message", "statement", "tweet", "interview", "update", "channel", "address", "speech", "broadcast", "briefing", "conference",
    "letter", "podcast", "newsletter", "op-ed", "notice", "advisory", "media", "television", "TV", "radio", "agency", "account", "page", "feed",
]

_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#: A day and its part: "Monday", "Monday morning", "Friday night".
_DAY_TIME = rf"{_DAY}(?:\s+(?:morning|afternoon|evening|night))?"
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_CHANNEL = r"(?:statement|interview|post|message|address|channel|briefing|conference|account|speech|video|tweet|letter|notice|broadcast|note|report|filing|release|email|memo|newsletter|podcast|rally|hearing|event|meeting|summit|ceremony|forum|vigil|session|gathering|debate|fundraiser)"
#: What may stand between a subject and its cue ("the Observatory, earlier", "Pedersen on Wednesday").
#: It is searched for (the leftmost tail wins) and starts with a space or comma unless empty at the end: the
#: first lookahead turns every other position away at once.
SUBJECT_TAIL = re.compile(
    rf"(?=[\s,]|\Z)(?:\s+(?:also|earlier|later|previously|again|further|then|now|has|have|had|would|will|repeatedly|reportedly|"
    rf"recently|separately|publicly|privately|once|initially|subsequently|did|does|do|not|never|just|first|last|"
    rf"flatly|often|always|still|long|frequently|consistently|routinely|already|firmly|strongly|officially|explicitly|openly|in\s+recent\s+(?:days|weeks|months)|(?:went|goes|go)\s+on\s+to|"
    rf"(?:this|last)\s+(?:week|weekend|month|year|morning|night)|"
    rf"(?:decide[ds]?|want(?:ed|s)?|tr(?:ied|ies|y)|continue[ds]?|beg[ia]n|begins|used|moved|rushed|hastened|appear(?:ed|s)?|seem(?:ed|s)?|managed|manages)\s+to|"
    rf"(?:is|are|was|were)\s+(?:quick|eager|careful|keen|happy)\s+to|in\s+(?:19|20)\d\d|(?:on\s+)?{_DAY_TIME}|on\s+{_MONTH_DAY}|(?:late\s+)?(?:yesterday|today|tonight)|"
    rf"in\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?{_CHANNEL}(?:\s+on\s+[A-Z][\w-]*)?)"
    rf"|\s*,\s*(?:in\s+(?:a|an|its|his|her)\s+(?:[\w-]+\s+){{0,2}}?{_CHANNEL}|on\s+{_DAY})\s*,"
    rf"|(?<=[\w)])\s+(?:all|both|together))*\s*$"  # "Merkley, Brown and Menendez all suggested", not "To varying degrees, all agreed"
)
#: What may stand between a cue and its content ("said in a post on WeChat that", "told MEE that").
#: What may follow "said" when the statement came before it: '"...," Trump said Monday.'
TIME_OR_PLACE_LEAD = re.compile(
    r"\s*(?:before|after|when|while|during|as|last|earlier|later|on|in|at|this|today|tonight|yesterday|recently|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
#: Platforms a statement is posted on: "wrote on X, formerly Twitter, that".
_PLATFORM = r"(?:X|Twitter|Facebook|Telegram|Instagram|TikTok|Truth\s+Social|Weibo|WeChat|LinkedIn|YouTube|Threads|Bluesky)\b"
#: The channel or occasion of a statement, right after its cue: "in a statement", "in a June report", "at a news conference".
CHANNEL_PHRASE = rf"(?:in|on|via|during|at)\s+(?:a|an|its|his|her|their|the)\s+(?:[\w-]+\s+){{0,3}}?{_CHANNEL}"
CONTENT_LEAD = re.compile(
    rf"^(?:\s*,|\s*:|\s+that\b|\s+(?:in|on|at|during|over|earlier|late|early)\s+[^,.;:“\"”]{{1,40}}?\s+that\b|"
    rf"\s+to\s+(?:him|her|them|us|me|reporters|journalists|(?:the|a|an|his|her|their|its|[A-Z][\w.-]*)(?:\s+[\w.-]+){{0,3}}?)\s+that\b|"
    rf"\s+(?:this|last|next)\s+(?:week|weekend|month|year|morning|afternoon|evening|night|{_DAY})\b|\s+(?:on\s+)?{_DAY_TIME}\b|\s+on\s+{_MONTH_DAY}|\s+(?:late\s+)?(?:yesterday|today|tonight)|\s+(?:also|earlier|later)|"
    rf"\s+{CHANNEL_PHRASE}(?:\s+on\s+(?:its\s+|his\s+|her\s+)?[A-Z][\w-]*(?:\s+account)?)?|"
    rf"\s+on\s+{_PLATFORM}(?:,\s+formerly\s+(?:known\s+as\s+)?Twitter,?)?)*"
)
#: Where a statement's content ends before its clause does: a concessive or contrasting clause, a
#: relative clause on the last noun, a participle that starts the next cue, a semicolon, a dashed aside.
CONTENT_TAIL = re.compile(
    rf",\s+(?:although|though|whereas|while|but|even\s+as|even\s+though|arguing|noting|adding|saying|which|as\s+(?:he|she|they|it)|"
    rf"using|calling|citing|warning|urging|insisting|claiming|describing|telling|suggesting|pointing|accusing|referring|"
    rf"according)\b|\s+(?:even\s+though|although)\b|;\s|\s[—–]\s+(?:a|an|the)\b"
    # ", as rebel forces continue their offensive": the writer's scene, unless "as" compares or sets a condition
    rf"|,\s+as\s+(?!(?:well|much|many|soon|long|far|if|though|an?\s+example|one\s+of|evidence|part|such|usual|expected|promised|planned|required)\b)"
    # ", a charge ministers deny": the writer's apposition on the statement
    rf"|,\s+(?:a|an)\s+(?:charge|claim|allegation|accusation|assertion|suggestion)\s"
    rf"|\s(?:in|via)\s+(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:statement|tweet|interview|post|press\s+release)\b"
    # "denied any wrongdoing through his lawyer": the channel of the denial
    rf"|\s+through\s+(?:his|her|their|its|a)\s+(?:lawyers?|attorneys?|spokes(?:man|woman|person)|representatives?|agent|publicist)\b"
    # ", and Hillary Clinton is promising ...": another subject with its own verb starts a sentence of the writer's
    rf"|,\s+and\s+(?=(?:he|she|they|we|(?:[A-Z][\w’'.-]*\s+){{1,3}}|the(?:\s+[\w’'-]+){{1,3}}\s+)"
    rf"(?:(?:is|are|was|were)\s+[a-z]+ing|(?:has|have|had)\s+[a-z]+(?:ed|en)|(?:will|would|could|can|may|might)\s+[a-z]+|(?:also\s+)?[a-z]+(?:ed|es))\b)"
)
#: A pull-quote attribution line: "- Jihad Yazigi, the Syria Report".
PULL_QUOTE_CREDIT = re.compile(r"^\s*[-–—―]\s*(?P<name>[A-Z][\w’'.-]*(?:\s+(?:al-)?[A-Z][\w’'.-]*){0,4})\s*(?:,|$)")
#: Words that open an adverbial, never a subject ("Despite promises ...").
LEADING_PREPOSITIONS = {"despite", "after", "before", "in", "on", "at", "with", "without", "amid", "during", "since", "following", "for", "from", "by", "as", "if", "when", "while", "although", "though", "because", "like", "unlike", "under", "over", "to", "of"}
#: First words of a sentence's opening that set a scene rather than begin what the source said
#: ("In Aleppo, the army said, ..."): such an opening stays outside the statement ("To understand it,
#: he said, ..." does not).
STATEMENT_OPENING_NOT = frozenset(
    LEADING_PREPOSITIONS - {"to"}
    | {"meanwhile", "however", "still", "instead", "now", "then", "there", "here", "indeed", "again", "also", "later", "earlier", "afterward", "afterwards", "today", "tonight", "yesterday",
       "already", "likewise", "similarly", "nonetheless", "nevertheless", "moreover", "furthermore", "besides", "otherwise", "thus", "therefore", "hence", "overall"}
)

# --------------------------------------------------------------------------- figures

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7, "bn": 1e9, "m": 1e6, "k": 1e3}
#: "tens of thousands" -> 10,000 (the lower bound), "hundreds of" -> 100.
VAGUE = {"dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1000, "millions": 1e6, "billions": 1e9}
FRACTIONS = {"one fourth": 0.25, "one-fourth": 0.25, "a fourth": 0.25, "three fourths": 0.75, "three-fourths": 0.75, "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "one-third": 1 / 3, "two-thirds": 2 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75, "three-quarters": 0.75, "a fifth": 0.2, "one-fifth": 0.2, "a tenth": 0.1}
QUALIFIER_WORDS = {
    "more than": "at_least", "over": "at_least", "at least": "at_least", "upwards of": "at_least", "in excess of": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "nearly": "at_most", "almost": "at_most", "close to": "at_most", "up to": "at_most", "less than": "at_most", "fewer than": "at_most", "under": "at_most", "just under": "at_most", "as many as": "at_most",
    "about": "approximately", "around": "approximately", "roughly": "approximately", "some": "approximately", "approximately": "approximately", "an estimated": "approximately", "estimated": "approximately", "nearly about": "approximately",
}
#: Currency markers written before the number, spaces removed ("HK $5.4m", "USD10m", "RM79").
CURRENCY_SYMBOLS = {
    "$": "USD", "US$": "USD", "$US": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "Rs": "INR", "Rs.": "INR",
    "A$": "AUD", "$A": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL",
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "AUD": "AUD", "CAD": "CAD", "INR": "INR", "JPY": "JPY", "CNY": "CNY",
    "CHF": "CHF", "HKD": "HKD", "SGD": "SGD", "NZD": "NZD", "RM": "MYR",
}
#: Multipliers written against the number ("$13.6M", "25k", "$4.2b", "2.8bn", "S$1mil").
SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mil": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}
#: Demonyms in -is ("Israelis", "Iraqis"); those in -ans and -ese are told by their ending.
DEMONYM_STEMS_IN_IS = ["Israel", "Iraq", "Pakistan", "Somal", "Kuwait", "Yemen", "Saud", "Bangladesh", "Oman", "Qatar"]
#: Words that make the number after them a label, not a quantity: "category 4 hurricane", "flight 370".
ID_LABELS = [
    "category", "level", "phase", "grade", "stage", "tier", "type", "number", "no.", "model", "version", "route",
    "flight", "section", "room", "page", "chapter", "article", "row", "seat", "gate", "platform", "channel", "exit", "ward",
]
#: Words after a number that make it a code or a clock time: "the 90049 ZIP Code", "0401 GMT".
ID_SUFFIXES = ["ZIP", "zip code", "area code", "GMT", "UTC", "EDT", "EST", "PDT", "PST", "CET", "BST"]
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "rupees": "INR", "yen": "JPY", "yuan": "CNY", "usd": "USD", "eur": "EUR", "gbp": "GBP", "inr": "INR"}
MEASURE_UNITS = {
    "km": "distance", "kilometres": "distance", "kilometers": "distance", "miles": "distance", "mile": "distance", "metres": "distance", "meters": "distance", "feet": "distance", "yards": "distance", "yard": "distance",
    "tonnes": "count", "tons": "count", "kg": "count", "kilograms": "count",
    "m": "distance", "cm": "distance", "mm": "distance", "inch": "distance", "inches": "distance", "nanometer": "distance", "nanometers": "distance", "nanometres": "distance",
    "hp": "count", "horsepower": "count", "megawatt": "count", "megawatts": "count", "mw": "count", "kw": "count", "gigawatts": "count",
    "gb": "count", "mb": "count", "tb": "count", "gbps": "count", "mbps": "count", "ghz": "count", "mhz": "count", "mah": "count",
    "magnitude": "count", "ft": "distance", "bpd": "count", "kwh": "count", "mwh": "count", "gwh": "count", "twh": "count", "gw": "count",
    "mph": "count", "mg": "count", "milligrams": "count", "grams": "count", "lb": "count", "lbs": "count", "ounces": "count",
    "litres": "count", "liters": "count", "gallons": "count", "degrees": "count", "acres": "count", "hectares": "count", "pound-feet": "count",
    "days": "duration", "day": "duration", "weeks": "duration", "week": "duration", "months": "duration", "month": "duration", "years": "duration", "year": "duration", "hours": "duration", "hour": "duration", "minutes": "duration",
}
#: Words in a figure's sentence that say what it counts.
CATEGORY_CUES = {
    "killed": "killed", "dead": "killed", "deaths": "killed", "died": "killed", "killing": "killed", "death toll": "killed", "fatalities": "killed", "kills": "killed", "slain": "killed",
    "wounded": "wounded", "injured": "wounded", "injuries": "wounded", "hurt": "wounded", "injuring": "wounded", "wounding": "wounded",
    "displaced": "displaced", "fled": "displaced", "refugees": "displaced", "homeless": "displaced", "evacuated": "displaced",
    "detained": "detained", "arrested": "detained", "imprisoned": "detained", "jailed": "detained", "captured": "detained",
    "released": "released", "freed": "released", "freeing": "released",
    "affected": "affected", "affecting": "affected", "without power": "affected", "in need": "affected", "need humanitarian": "affected",
    "infected": "affected", "stranded": "affected", "trapped": "affected",
    "dying": "killed", "perished": "killed", "drowned": "killed", "lost their lives": "killed",
    "evacuate": "displaced", "evacuation": "displaced", "uprooted": "displaced", "forced from their homes": "displaced",
    "detaining": "detained", "arresting": "detained", "arrests": "detained",
    "release": "released", "releasing": "released",
}
#: Counted nouns that are people: a toll's cue may reach them across another number ("killing 41 people and 12
#: children"), never "eight districts" ("killed 42 people across eight districts").
PEOPLE_NOUNS = {
    "people", "persons", "individuals", "others", "civilians", "children", "kids", "women", "men", "soldiers", "troops",
    "fighters", "combatants", "residents", "migrants", "refugees", "detainees", "prisoners", "hostages", "protesters",
    "demonstrators", "workers", "students", "patients", "passengers", "militants", "rebels", "policemen", "officers",
    "journalists", "victims", "adults", "minors", "infants", "babies", "miners", "pilgrims", "tourists", "villagers",
    "farmers", "members", "staff", "employees", "inmates", "survivors", "casualties", "dead", "bodies",
}
PERCENT_CHANGE_WORDS = {
    "raise", "rise", "increase", "increased", "decrease", "decreased", "drop", "dropped", "fall", "fell", "fallen", "rose", "risen", "cut", "growth",
    "grew", "grown", "jump", "jumped", "decline", "declined", "gain", "gained", "hike", "up", "down", "surge", "surged", "plunge", "plunged",
    "shrank", "shrunk", "shrunken", "climbed", "slumped", "soared", "tumbled", "slid", "dipped", "rebounded", "contracted", "expanded",
    "added", "lost", "shed", "slipped", "eased", "advanced", "retreated", "rallied", "sank", "gains", "losses",
}
#: Words after a number that are not its counted noun.
UNIT_STOPS = {
    "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "but", "the", "a", "an", "is", "are", "was", "were",
    "have", "has", "had", "be", "been", "remain", "remained", "who", "which", "that", "said", "as", "than", "per", "each", "more",
    "mostly", "since", "after", "before", "across", "into", "against", "over", "under", "about", "around",
    "towards", "toward", "through", "within", "without", "near", "outside", "inside", "along", "amid", "during",
    "between", "among", "via", "like", "if", "so", "do", "did", "will", "would", "could", "can", "may", "might",
    "its", "their", "his", "her", "our", "these", "those", "this", "there", "here",
    "until", "unless", "because", "when", "while", "where", "then", "now", "also", "still", "yet", "already", "just", "only", "not",
    "last", "next", "ago", "earlier", "later", "they", "we", "he", "she", "it", "i", "you", "them", "us", "him",
    "grew", "grow", "win", "won", "lose", "rose", "fell", "saw", "made", "took", "got", "went", "came", "gave", "say", "told",
    "think", "know", "want", "need", "hit", "struck", "shook", "rocked", "caused", "destroyed", "damaged",
}
#: An age ("52-year-old"): a count, whatever the sentence says happened to its bearer.
AGE_UNITS = {"year-old", "years-old", "month-old", "months-old", "week-old", "weeks-old", "day-old", "days-old"}
#: Counted nouns that are plural without an s: a unit ends at them ("two people", not "two people there").
IRREGULAR_PLURALS = {"people", "children", "men", "women", "police", "staff", "personnel", "cattle", "sheep", "fish", "deer", "mice", "geese", "feet", "teeth", "aircraft", "livestock"}
