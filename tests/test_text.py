import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.text import quote_spans, sentence_spans


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "straight marks" here.', ["straight marks"]),
        ("He said “curly marks” here.", ["curly marks"]),
        ('It said "mismatched marks.” Then more.', ["mismatched marks."]),
        ('"A," he said, "B."', ["A,", "B."]),
        ("The rebels' seizure of Hama's centre.", []),
        ("Hay'at Tahrir al-Sham took the city.", []),
        ("citing 'deteriorating' situation", ["deteriorating"]),
        ('Unclosed at the end "runs to the paragraph end', ["runs to the paragraph end"]),
    ],
)
def test_quote_spans(text, expected):
    assert _quoted(text) == expected


def test_nested_single_quotes_are_not_separate_spans():
    text = "\"Call every town 'strategic'. Not everything is,\" he said."
    assert _quoted(text) == ["Call every town 'strategic'. Not everything is,"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("One. Two. Three.", 3),
        ("Mr. Smith went to Washington. He said so.", 2),
        ("The U.S. army said so. Then left.", 2),
        ("On Dec. 4 it happened. Later too.", 2),
        ('He said "Stop." Then he left.', 2),
        ("No terminal punctuation", 1),
        ("It was said by Rep. G.K. Butterfield of the caucus. Then he left.", 2),
    ],
)
def test_sentence_spans(text, count):
    assert len(sentence_spans(text)) == count


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,'\"“”‘’\n!?A")), max_size=300))
def test_spans_stay_in_bounds(text):
    for q in quote_spans(text):
        assert 0 <= q.start <= q.end <= len(text)
    spans = sentence_spans(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


@given(st.text(alphabet=st.sampled_from(list("ab.Z_1 \n,é’")), max_size=40), st.integers(0, 40))
def test_word_before_a_sentence_end_is_the_last_run_of_word_characters_and_dots(text, cut):
    """The abbreviation test reads the word before a full stop by scanning back; it must equal the regex
    ``[\\w.]+$`` (which may also end just before a final newline)."""
    import re

    from flows.text import _word_before

    begin = min(cut, len(text))
    found = re.search(r"([\w.]+)$", text[begin:])
    assert _word_before(text, begin, len(text)) == (found.group(1).lower().rstrip(".") if found else "")


def test_a_name_final_abbreviation_ends_a_sentence_only_before_a_function_word():
    from flows.text import sentence_spans

    text = "Power was cut, said Hokuriku Electric Power Co. About 57,000 fled. Apple Inc. Chief Tim Cook spoke."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Power was cut, said Hokuriku Electric Power Co.", "About 57,000 fled.", "Apple Inc. Chief Tim Cook spoke.",
    ]
