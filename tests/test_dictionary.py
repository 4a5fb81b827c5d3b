"""The data dictionary in docs/ is generated from the schemas and must match them."""

from flows.dictionary import DOCS, dictionary, rendered
from schemas import TABLES


def test_committed_dictionary_matches_the_schemas():
    for name, content in rendered().items():
        committed = (DOCS / name).read_text(encoding="utf-8")
        assert committed == content, f"docs/{name} is stale: run `python -m flows.dictionary` and commit it"


def test_every_table_and_column_is_described():
    entries = dictionary()
    assert [e["table"] for e in entries] == list(TABLES)
    for entry in entries:
        assert entry["description"], entry["table"]
        for column in entry["columns"]:
            assert column["description"], f"{entry['table']}.{column['name']} has no description"
