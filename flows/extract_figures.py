"""Extract numeric figures: value, unit, qualifier, category, source and as-of date.

Candidates come from one compiled pattern (digits with separators, number
words, scales, vague magnitudes, fractions, percentages, currencies, ranges);
exclusions (dates, years, clock times, ordinals, "one of") are filtered on the
surrounding words; category comes from the words of the figure's sentence.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import polars as pl

from flows import lexicon
from flows.ids import stable_id
from flows.text import paragraph_spans, sentence_spans
from schemas import ArticleSchema, ClaimSchema, FigureSchema

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = r"(?:" + "|".join(sorted((w for w in lexicon.NUMBER_WORDS if w not in {"hundred", "thousand", "million", "billion", "trillion", "dozen"}), key=len, reverse=True)) + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
_SCALE = r"(?:hundred|thousand|million|billion|trillion|lakh\s+crore|lakh|crore|bn)"
_FRACTION = r"(?:two[-\s]thirds|three[-\s]quarters|one[-\s]third|one[-\s]fifth|a\s+third|a\s+quarter|a\s+fifth|a\s+tenth|one\s+half|a\s+half|half)"
_CURRENCY_PREFIX = r"(?:US\$|\$|€|£|¥|₹|Rs\.?\s?)"
_FIGURE = re.compile(
    rf"""(?<![\w$€£¥₹.,-])(?:
        (?P<vague>(?:tens|hundreds|thousands|dozens|scores|millions|billions)(?:\s+of\s+(?:thousands|millions))?)(?=\s+of\b)
      | (?P<halfscale>half\s+a\s+(?:million|billion))
      | (?P<cur>{_CURRENCY_PREFIX})?(?P<num>{_NUM})(?:\s*(?:-|–|to)\s*(?P<cur2>{_CURRENCY_PREFIX})?(?P<num2>{_NUM}))?(?:\s+(?P<scale>{_SCALE})\b)?
        (?:\s*(?P<pct>%|-?\s?per\s?cent\b|-?percent\b))?
      | (?P<word>{_WORDNUM})(?:\s+(?P<wscale>{_SCALE})\b)?(?:\s*(?P<wpct>-?\s?per\s?cent\b|-?percent\b))?
      | (?P<frac>{_FRACTION})\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_MONTH_BEFORE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$|\b(?:January|February|March|April|June|July|August|September|October|November|December)\s*$")
_MONTH_AFTER = re.compile(r"^\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b")
_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DATE_EXPR = re.compile(
    r"\b(?:[Oo]n|[Ss]ince|[Bb]y|[Ff]rom)\s+(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>\d{1,2})\b)"
    r"|\b[Ii]n\s+(?P<year>(?:19|20)\d{2})\b"
)
_RELATIVE = re.compile(r"\b(?:which|who|that|when|since|after|before)\b")
#: Compiled once: these run for every figure of every article.
_QUALIFIER_PATTERNS = [
    (re.compile(rf"\b{re.escape(phrase)}\s+$"), lexicon.QUALIFIER_WORDS[phrase])
    for phrase in sorted(lexicon.QUALIFIER_WORDS, key=len, reverse=True)
]
_PERCENT_CHANGE_PATTERNS = [re.compile(rf"\b{word}\b") for word in lexicon.PERCENT_CHANGE_WORDS]
_CATEGORY_PATTERNS = [(re.compile(rf"\b{cue}\b"), category) for cue, category in lexicon.CATEGORY_CUES.items()]


def _to_float(number: str) -> float:
    return float(number.replace(",", ""))


def _word_value(word: str) -> float:
    parts = re.split(r"[- ]", word.lower())
    return float(sum(lexicon.NUMBER_WORDS[p] for p in parts))


def _scale(scale: str | None) -> float:
    if not scale:
        return 1.0
    value = 1.0
    for part in scale.lower().split():
        value *= lexicon.SCALES[part]
    return value


def _is_excluded(text: str, start: int, end: int, match: re.Match) -> bool:
    before = text[max(0, start - 12) : start]
    after = text[end : end + 12]
    num = match.group("num")
    if num is not None:
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _ORDINAL_AFTER.match(after):
            return True  # dates and ordinals
        if re.match(r"^[:/]\d", after) or re.search(r"\d[:/]$", before):
            return True  # clock times, dates like 12/05
        plain = num.replace(",", "")
        if re.fullmatch(r"(?:1[89]|20)\d{2}", num) and not match.group("pct") and not match.group("cur") and not match.group("scale"):
            return True  # a year
        if re.search(r"[A-Z][A-Za-z]*\s$", before) and not match.group("cur") and not match.group("pct") and plain.isdigit() and not re.search(r"\b(?:The|A|About|Some|Over|Nearly|Around|Almost|Only|At|In|By|Up|Of)\s$", before):
            return True  # inside a name or id: "Section 427", "Route 66"
    word = match.group("word")
    if word is not None:
        low = word.lower()
        if low == "one" and re.match(r"^\s+(?:of|another|day|way|by|and|thing|more|another|side)\b", after):
            return True  # "one of the few", pronoun uses
        if low == "one" and not re.match(r"^\s+[a-z]", after):
            return True
    if match.group("frac") and match.group("frac").lower() == "half" and re.match(r"^\s*(?:of\s+(?:the\s+)?(?:year|century|decade|time)|-)", after):
        return True
    return False


def _unit_after(text: str, end: int, limit: int) -> tuple[str | None, int]:
    """The counted noun after a number ('727 people', 'two major towns', 'hundreds of prisoners')."""
    unit, unit_end = None, end
    words = list(re.finditer(r"[A-Za-z][\w’'-]*", text[end : min(limit, end + 60)]))
    for k, w in enumerate(words[:3]):
        gap = text[end + (words[k - 1].end() if k else 0) : end + w.start()]
        if k == 0 and not re.fullmatch(r"\s+", gap):
            break
        if k > 0 and not re.fullmatch(r"\s+", gap):
            break
        word = w.group(0)
        low = word.lower()
        if k == 0 and low == "of":
            continue
        if low in lexicon.UNIT_STOPS or word[:1].isupper() or low in lexicon.CATEGORY_CUES:
            break
        unit, unit_end = word, end + w.end()
        if low.endswith("s") or low in lexicon.MEASURE_UNITS or k == 2:
            break
    return unit, unit_end


def _qualifier_before(text: str, start: int) -> str | None:
    before = text[max(0, start - 25) : start].lower()
    for pattern, qualifier in _QUALIFIER_PATTERNS:
        if pattern.search(before):
            return qualifier
    return None


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


def _category(sentence: str, rel_start: int, unit: str | None, is_money: bool, is_percent: bool, is_fraction: bool) -> str:
    if is_money:
        return "money"
    low = sentence.lower()
    if is_percent:
        after = low[rel_start : rel_start + 40]
        if any(pattern.search(after) for pattern in _PERCENT_CHANGE_PATTERNS):
            return "percent_change"
    if unit and unit.lower() in lexicon.MEASURE_UNITS:
        return lexicon.MEASURE_UNITS[unit.lower()]
    if is_fraction and re.match(r"[\w\s-]*?\bof the way\b", low[rel_start:]):
        return "distance"
    best, best_distance = None, 10**9
    for pattern, category in _CATEGORY_PATTERNS:
        for match in pattern.finditer(low):
            distance = abs(match.start() - rel_start)
            if distance < best_distance:
                best, best_distance = category, distance
    if best is not None:
        return best
    return "percent_change" if is_percent and "raise" in low else "count"


def extract_article(article_id: str, text: str, published: date | None, claims: list[dict]) -> list[dict]:
    """Figure rows for one article; ``claims`` are that article's claim rows (for source and claim_id)."""
    rows: list[dict] = []
    sentences = [s for p in paragraph_spans(text) for s in sentence_spans(text, *p)]
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        for match in _FIGURE.finditer(text, s_start, s_end):
            start, end = match.start(), match.end()
            if start == end or _is_excluded(text, start, end, match):
                continue
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
            elif match.group("halfscale"):
                value = 0.5 * _scale(match.group("halfscale").split()[-1])
            elif match.group("num") is not None:
                value = _to_float(match.group("num")) * _scale(match.group("scale"))
                if match.group("num2"):
                    value_high = _to_float(match.group("num2")) * _scale(match.group("scale"))
                    qualifier = "range"
                    if value_high <= value:
                        value_high = None
                        continue
            elif match.group("word") is not None:
                value = _word_value(match.group("word")) * _scale(match.group("wscale"))
            else:
                value = lexicon.FRACTIONS[re.sub(r"\s+", " ", match.group("frac").lower())]
                unit = "fraction"
                unit_end = end
                tail = re.match(r"\s+(?:of|outside|inside|in|across|within)\s+(?:the\s+|its\s+|their\s+)?[a-z]+", text[end:s_end])
                if tail:
                    unit_end = end + tail.end()
            if match.group("cur"):
                unit = lexicon.CURRENCY_SYMBOLS.get(match.group("cur").strip(), "USD")
            elif is_percent:
                unit = "percent"
            elif unit is None and not is_fraction:
                unit, unit_end = _unit_after(text, end, s_end)
                if unit and unit.lower() in lexicon.CURRENCY_WORDS:
                    unit, is_money = lexicon.CURRENCY_WORDS[unit.lower()], True
            if unit is None and not (is_percent or is_money or is_fraction or match.group("vague")):
                if match.group("word"):
                    continue  # a bare number word is rarely a figure ("two" as in "the two")
            span_end = unit_end
            while span_end > start and text[span_end - 1] in " .,;:":
                span_end -= 1
            category = _category(sentence, start - s_start, unit, is_money, is_percent, is_fraction)
            owner = next((c for c in claims if c[ClaimSchema.char_start] <= start and span_end <= c[ClaimSchema.char_end]), None)
            rows.append(
                {
                    FigureSchema.figure_id: stable_id(article_id, "figure", start, span_end),
                    FigureSchema.article_id: article_id,
                    FigureSchema.char_start: start,
                    FigureSchema.char_end: span_end,
                    FigureSchema.text: text[start:span_end],
                    FigureSchema.value: float(value),
                    FigureSchema.value_high: value_high,
                    FigureSchema.qualifier: qualifier,
                    FigureSchema.unit: unit,
                    FigureSchema.category: category,
                    FigureSchema.source: owner[ClaimSchema.source] if owner else None,
                    FigureSchema.claim_id: owner[ClaimSchema.claim_id] if owner else None,
                    FigureSchema.as_of: _resolve_as_of(sentence, start - s_start, published),
                }
            )
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
