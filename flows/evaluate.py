"""Score extracted tables against gold annotations (precision, recall, F1 per kind).

Gold rows carry offsets into the *raw* input; normalization moves text, so a
gold span is located in ``articles.text`` by its text (the occurrence nearest its
raw offset), then matched to predictions by character overlap: intersection
over union >= ``MIN_IOU``, one-to-one, best overlap first.

- span: the span matches.
- joint: the span matches and so does the speaker (quotes), the source
  (claims) or the value and category (figures; value alone when gold has no
  category). Gold speakers that are bare pronouns ("he") accept any resolved
  speaker, since the gold does not say whom they refer to.
- value (figures): the published NewsQuant metric (CQE's evaluation): per
  document, each gold value is matched to an unused predicted value within a
  relative 1e-5, wherever the spans are. Gold spans there are loose (a bare
  "19" for "19 per cent", some not in the text at all), so span F1 alone would
  measure annotation style rather than extraction. As there, a range is the
  pair (low, high) and matches only a gold range with both bounds. A gold set
  with no range row at all (NewsQuant's copy here lost its "252.0-287.0"
  rows) cannot score ranges either way, so predicted ranges are left out of
  the value measure and counted in ``ranges_unscored``.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from flows import lexicon
from flows.entities import speaker_kind

MIN_IOU = 0.5
KINDS = ("quote", "claim", "figure")
_TABLE_OF = {"quote": "quotes", "claim": "claims", "figure": "figures"}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _normalize_name(name: str | None) -> str:
    if not name:
        return ""
    name = re.sub(r"\s*\([^)]*\)", "", name)  # "Rep. Gwen Moore (D-Wis.)": the party tag is not the name
    name = re.sub(r"[’']s\b", "", name.lower())
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip())
    name = re.sub(r"^(?:mr|mrs|ms|dr)\.?\s+", "", name)
    name = re.sub(r"\s+(?:all|both|together|himself|herself|themselves)$", "", name.strip())  # "NBC News and ABC News both", "Pence himself"
    return re.sub(r"\s+", " ", name).strip(" .,")


_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def names_match(predicted: str | None, gold: str | None, aliases: list[str] | None = None) -> bool:
    """Same entity: equal after normalizing, an alias, or same surname / head word."""
    pred = _normalize_name(predicted)
    if not gold:
        return not pred
    if gold.lower() in lexicon.PRONOUNS_PERSON | lexicon.PRONOUNS_GROUP | _RELATIVE_PRONOUNS:
        return bool(pred)  # "he", or "who" (as PolNeAR marks a relative clause's source): the gold names nobody
    gold_parts, pred_parts = _normalize_name(gold).split(" and "), pred.split(" and ")
    if len(gold_parts) == len(pred_parts) > 1 and len(gold_parts) == len(gold.split(" and ")):
        # "Mr. Grassley and Mr. Leahy" for "Charles E. Grassley and Patrick J. Leahy": each person in turn
        return all(names_match(p, g) for p, g in zip(pred_parts, gold.split(" and "), strict=True))
    role = _normalize_name(gold)
    described = gold.lower().startswith("the ") and len(role.split()) <= 3 and role.split()[-1] in lexicon.STANDALONE_ROLES
    if (role in lexicon.STANDALONE_ROLES or described) and pred.split()[-1:] != role.split()[-1:]:
        # PolNeAR gives "the senator", "the California congressman" as written; the contract resolves them to the
        # person's name, which the gold lacks
        return speaker_kind(predicted) == "person"
    # PolNeAR-style gold sources carry their apposition ("Ryan Ellis, a Republican tax
    # consultant"; "Victor Cha, who served as ..."): the entity is the head before it
    # ("Representative Charles B. Rangel of New York": the state is the apposition's too)
    heads = [re.split(pattern, g, maxsplit=1)[0] for g in [gold, *(aliases or [])] for pattern in (r",|\s+(?:who|which)\s+", r",|\s+(?:who|which|of)\s+")]
    candidates = [_normalize_name(g) for g in [gold, *(aliases or []), *heads]]
    if not pred:
        return False
    if pred in candidates:
        return True
    pred_last = pred.split()[-1]
    return any(c and (c.split()[-1] == pred_last and (c in pred or pred in c)) for c in candidates)


def _flexible(needle: str) -> str:
    """A pattern for text that normalization may have changed: any whitespace, '' or `` as one " mark."""
    return r"\s+".join(re.escape(part) for part in needle.split()).replace("''", '(?:\'\'|")').replace("``", '(?:``|")')


def _locate(text: str, gold: dict, raw_length: int | None) -> tuple[int, int] | None:
    """Where a gold span is in the normalized text: within its sentence where the gold gives one and the span
    occurs more than once ("citizens to leave" in a subhead and in the next paragraph), else nearest its raw offset."""
    needle = gold["text"]
    if not needle:
        return None
    hits = [m.start() for m in re.finditer(re.escape(needle), text)]
    if not hits:  # normalization may have changed whitespace and made '' or `` one " mark
        flexible = _flexible(needle)
        hits = [m.start() for m in re.finditer(flexible, text)]
        if not hits:
            return None
        match = min((m for m in re.finditer(flexible, text)), key=lambda m: abs(m.start() - (gold.get("start") or 0)))
        return match.start(), match.end()
    if len(hits) > 1 and gold.get("sentence"):
        sentences = [m.span() for m in re.finditer(_flexible(gold["sentence"]), text)]
        hits = [h for h in hits if any(s <= h and h + len(needle) <= e for s, e in sentences)] or hits
    expected = gold.get("start") or 0
    if raw_length:
        expected = int(expected * len(text) / max(raw_length, 1))
    best = min(hits, key=lambda h: abs(h - expected))
    return best, best + len(needle)


def _iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _joint_ok(kind: str, pred: dict, gold: dict) -> bool:
    if kind == "quote":
        return names_match(pred.get("speaker"), gold.get("speaker"), gold.get("speaker_aliases"))
    if kind == "claim":
        return names_match(pred.get("source"), gold.get("source"), gold.get("source_aliases"))
    value_ok = gold.get("value") is not None and abs(float(pred["value"]) - float(gold["value"])) <= 1e-6 * max(1.0, abs(float(gold["value"])))
    if gold.get("category") is None:
        return value_ok
    return value_ok and pred.get("category") == gold["category"]


Value = tuple[float, float | None]


def _same_value(a: Value, b: Value) -> bool:
    def close(x: float, y: float) -> bool:
        return math.isclose(x, y, rel_tol=1e-5, abs_tol=1e-8)

    if (a[1] is None) != (b[1] is None):
        return False
    return close(a[0], b[0]) and (a[1] is None or close(a[1], b[1]))


def _values_matched(predicted: list[Value], gold: list[Value]) -> int:
    """How many gold values find an unused predicted value (relative tolerance 1e-5, as CQE's evaluation)."""
    unused = list(predicted)
    matched = 0
    for value in gold:
        hit = next((i for i, v in enumerate(unused) if _same_value(v, value)), None)
        if hit is not None:
            unused.pop(hit)
            matched += 1
    return matched


def _value_of(row: dict) -> Value | None:
    if row.get("value") is None:
        return None
    high = row.get("value_high")
    return float(row["value"]), None if high is None else float(high)


#: The categorical field of each kind whose accuracy on matched rows is reported (where the gold has it).
_ACCURACY_OF = {"figure": "qualifier", "quote": "speaker_kind"}


def evaluate(output_dir: Path, gold_path: Path) -> dict:
    """Scores per kind, on the documents the gold file annotates."""
    gold_rows = load_gold(gold_path)
    articles = pl.read_parquet(output_dir / "articles.parquet").filter(pl.col("duplicate_of").is_null())
    doc_ids = {row["doc_id"] for row in gold_rows}
    by_doc = {r["source_id"]: r for r in articles.iter_rows(named=True) if r["source_id"] in doc_ids}
    report: dict = {"documents": len(doc_ids), "documents_found": len(by_doc)}
    for kind in KINDS:
        gold_kind = [g for g in gold_rows if g["kind"] == kind]
        if not gold_kind:
            continue
        table = pl.read_parquet(output_dir / f"{_TABLE_OF[kind]}.parquet")
        span, joint, value = Score(), Score(), Score()
        attribute = _ACCURACY_OF.get(kind)  # a categorical field scored on the matched rows
        attribute_right = attribute_total = ranges_unscored = 0
        gold_has_ranges = any(g.get("value_high") is not None for g in gold_kind)
        for doc_id in sorted(doc_ids):
            article = by_doc.get(doc_id)
            golds = [g for g in gold_kind if g["doc_id"] == doc_id]
            if article is None:
                span.fn += len(golds)
                joint.fn += len(golds)
                value.fn += len(golds)
                continue
            preds = table.filter(pl.col("article_id") == article["article_id"]).to_dicts()
            located = [(g, _locate(article["text"], g, None)) for g in golds]
            pairs = sorted(
                ((_iou((p["char_start"], p["char_end"]), loc), i, j) for i, p in enumerate(preds) for j, (g, loc) in enumerate(located) if loc),
                reverse=True,
            )
            used_p: set[int] = set()
            used_g: set[int] = set()
            for iou, i, j in pairs:
                if iou < MIN_IOU or i in used_p or j in used_g:
                    continue
                used_p.add(i)
                used_g.add(j)
                pred, gold = preds[i], located[j][0]
                ok = _joint_ok(kind, pred, gold)
                joint.tp += ok
                joint.fp += not ok
                joint.fn += not ok
                if attribute and gold.get(attribute):
                    attribute_total += 1
                    attribute_right += pred.get(attribute) == gold[attribute]
            span.tp += len(used_p)
            span.fp += len(preds) - len(used_p)
            span.fn += len(golds) - len(used_g)
            joint.fp += len(preds) - len(used_p)
            joint.fn += len(golds) - len(used_g)
            if kind == "figure":
                scored = [v for v in map(_value_of, preds) if gold_has_ranges or v[1] is None]
                ranges_unscored += len(preds) - len(scored)
                matched = _values_matched(scored, [v for v in map(_value_of, golds) if v is not None])
                value.tp += matched
                value.fp += len(scored) - matched
                value.fn += len(golds) - matched
        entry = {"span": span.as_dict(), "joint": joint.as_dict(), "gold": len(gold_kind)}
        if kind == "figure":
            entry["value"] = value.as_dict()
            entry["ranges_unscored"] = ranges_unscored
        if attribute_total:
            entry[f"{attribute}_accuracy"] = round(attribute_right / attribute_total, 4)
        report[kind] = entry
    return report


def format_report(report: dict) -> str:
    lines = [f"documents: {report['documents_found']}/{report['documents']} found in the output"]
    lines.append(f"{'kind':<8}{'measure':<10}{'P':>8}{'R':>8}{'F1':>8}{'TP':>6}{'FP':>6}{'FN':>6}")
    for kind in KINDS:
        if kind not in report:
            continue
        for measure in ("span", "joint", "value"):
            if measure in report[kind]:
                s = report[kind][measure]
                lines.append(f"{kind:<8}{measure:<10}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
        attribute = _ACCURACY_OF.get(kind)
        if f"{attribute}_accuracy" in report[kind]:
            lines.append(f"{kind:<8}{attribute:<13}{'accuracy':>13}{report[kind][f'{attribute}_accuracy']:>8.3f}")
        if report[kind].get("ranges_unscored"):
            lines.append(f"{kind:<8}value: {report[kind]['ranges_unscored']} predicted ranges not scored (the gold has no range rows)")
    return "\n".join(lines)
