"""Scoring against gold: span overlap for spans, and NewsQuant's span-free value matching for figures."""

import json

import pytest

import polars as pl

from flows.evaluate import evaluate

TEXT = "Shares rose 19 per cent to $84 on a volume of 7 lots."


def _output(tmp_path, figures):
    pl.DataFrame({"article_id": ["a1"], "source_id": ["doc-1"], "text": [TEXT], "duplicate_of": [None]}).write_parquet(tmp_path / "articles.parquet")
    rows = [
        {"article_id": "a1", "char_start": TEXT.index(t), "char_end": TEXT.index(t) + len(t), "text": t, "value": v, "qualifier": "exact", "category": None}
        for t, v in figures
    ]
    pl.DataFrame(rows).write_parquet(tmp_path / "figures.parquet")
    return tmp_path


def _gold(tmp_path, rows):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps({"doc_id": "doc-1", "kind": "figure", **r}) for r in rows))
    return path


def test_value_matching_ignores_span_style_but_not_values(tmp_path):
    out = _output(tmp_path, [("19 per cent", 19.0), ("$84", 84.0), ("7", 7.5)])
    gold = _gold(tmp_path, [
        {"text": "19", "start": 12, "end": 14, "value": 19.0},  # a bare number where the output covers its unit
        {"text": "$84", "start": 27, "end": 30, "value": 84.0},
        {"text": "7", "start": 46, "end": 47, "value": 7.0},  # wrong value in the output
        {"text": None, "start": None, "end": None, "value": 0.5},  # not in the text at all
    ])
    report = evaluate(out, gold)["figure"]
    assert (report["value"]["tp"], report["value"]["fp"], report["value"]["fn"]) == (2, 1, 2)
    assert report["span"]["tp"] == 2  # "$84" and "7"; "19 per cent" overlaps "19" too little
    assert report["joint"]["tp"] == 1  # "7" has the wrong value


def test_each_predicted_value_matches_one_gold_value_at_most(tmp_path):
    out = _output(tmp_path, [("$84", 84.0)])
    gold = _gold(tmp_path, [{"text": "$84", "start": 27, "end": 30, "value": 84.0}, {"text": "84", "start": 28, "end": 30, "value": 84.0}])
    report = evaluate(out, gold)["figure"]
    assert (report["value"]["tp"], report["value"]["fp"], report["value"]["fn"]) == (1, 0, 1)


def _range_output(tmp_path, figures):
    """Figures as (text, value, value_high) on TEXT."""
    _output(tmp_path, [(t, v) for t, v, _ in figures])
    frame = pl.read_parquet(tmp_path / "figures.parquet").with_columns(
        value_high=pl.Series([h for _, _, h in figures], dtype=pl.Float64)
    )
    frame.write_parquet(tmp_path / "figures.parquet")
    return tmp_path


def test_a_range_matches_only_a_gold_range_with_both_bounds(tmp_path):
    out = _range_output(tmp_path, [("19 per cent", 19.0, 84.0), ("7", 7.0, None)])
    gold = _gold(tmp_path, [
        {"text": "19", "start": 12, "end": 14, "value": 19.0, "value_high": None},  # a single value is no range
        {"text": "7", "start": 46, "end": 47, "value": 7.0, "value_high": 8.0},  # nor the other way round
    ])
    report = evaluate(out, gold)["figure"]
    assert (report["value"]["tp"], report["value"]["fp"], report["value"]["fn"]) == (0, 2, 2)
    gold = _gold(tmp_path, [{"text": "19 per cent", "start": 12, "end": 23, "value": 19.0, "value_high": 84.0}])
    assert evaluate(out, gold)["figure"]["value"]["tp"] == 1


def test_predicted_ranges_are_not_scored_against_gold_without_ranges(tmp_path):
    out = _range_output(tmp_path, [("19 per cent", 19.0, 84.0), ("7", 7.0, None)])
    gold = _gold(tmp_path, [{"text": "7", "start": 46, "end": 47, "value": 7.0}])
    report = evaluate(out, gold)["figure"]
    assert (report["value"]["tp"], report["value"]["fp"], report["value"]["fn"]) == (1, 0, 0)
    assert report["ranges_unscored"] == 1
    assert report["span"]["fp"] == 1  # the span measure still counts it


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("Adam B. Schiff", "Rep. Adam B. Schiff of California, the ranking Democrat", True),  # the state is apposition
        ("Craig Holman of Public Citizen", "Craig Holman of Public Citizen, a watchdog", True),
        ("Maria Delgado", "the senator", True),  # the gold keeps the role as written; the contract resolves it
        ("the senator", "the senator", True),
        ("Adam Schiff", "the California congressman", True),
        ("the White House", "the senator", False),  # a role stands for a person, never an organization
        ("Adam Schiff", "Devin Nunes", False),
        ("NBC News and ABC News", "NBC News and ABC News both", True),  # a floating quantifier is no part of the names
        ("Mike Pence", "Pence himself", True),
        ("Charles E. Grassley and Patrick J. Leahy", "Mr. Grassley and Mr. Leahy", True),  # several people, each in turn
        ("Charles E. Grassley and Patrick J. Leahy", "Mr. Grassley and Mr. Nunes", False),
        ("Mitch McConnell", "who", True),  # a relative pronoun names nobody
    ],
)
def test_speaker_names_match_as_the_contract_resolves_them(predicted, gold, same):
    from flows.evaluate import names_match

    assert names_match(predicted, gold) is same


def test_a_gold_span_that_occurs_twice_is_located_in_its_own_sentence():
    from flows.evaluate import _locate

    text = "Feed header line\n\nChina urges citizens to leave\n\nThe embassy advised its citizens to leave Syria."
    gold = {"text": "citizens to leave", "start": 80, "sentence": "China urges citizens to leave"}
    assert _locate(text, gold, None) == (text.index("citizens"), text.index("citizens") + len("citizens to leave"))
    # without a sentence, the occurrence nearest the raw offset
    assert _locate(text, {"text": "citizens to leave", "start": 80}, None)[0] == text.rindex("citizens")
