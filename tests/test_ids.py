from hypothesis import given, strategies as st

from flows.ids import stable_id, stable_ids


@given(st.text(max_size=20), st.lists(st.one_of(st.none(), st.text(max_size=30), st.integers()), max_size=10))
def test_stable_ids_equal_one_stable_id_per_value(prefix, values):
    assert stable_ids(prefix, values) == [stable_id(prefix, value) for value in values]


def test_stable_id_separates_its_parts():
    assert stable_id("ab", "c") != stable_id("a", "bc")
    assert stable_id("a", "b") == stable_id("a", "b")
