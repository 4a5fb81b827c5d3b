"""The data dictionary, generated from the pandera schemas so it can never drift from them.

``python -m flows.dictionary`` rewrites ``docs/data_dictionary.md`` and ``.json``;
a test fails when the committed files differ from what the schemas say.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandera.polars as pa

from schemas import TABLES

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _check_text(name: str, statistics: dict) -> str:
    if name == "isin":
        return "one of " + ", ".join(map(str, statistics["allowed_values"]))
    if name == "str_matches":
        return f"matches {statistics['pattern']}"
    if name == "str_length":
        return "length " + ", ".join(f"{k.split('_')[0]} {v}" for k, v in statistics.items() if v is not None)
    symbols = {"greater_than_or_equal_to": ">=", "less_than_or_equal_to": "<=", "greater_than": ">", "less_than": "<"}
    if name in symbols:
        return f"{symbols[name]} {next(iter(statistics.values()))}"
    return name


def table_entry(name: str, model: type[pa.DataFrameModel]) -> dict:
    """One table: its purpose (the schema module's docstring), columns in order, table checks."""
    schema = model.to_schema()
    return {
        "table": name,
        "file": f"{name}.parquet",
        "description": (sys.modules[model.__module__].__doc__ or "").strip(),
        "columns": [
            {
                "name": column_name,
                "type": str(column.dtype),
                "nullable": bool(column.nullable),
                "unique": bool(column.unique),
                "checks": [_check_text(check.name, check.statistics) for check in column.checks],
                "description": column.description or "",
            }
            for column_name, column in schema.columns.items()
        ],
        "table_checks": [
            {"name": check.name, "description": getattr(check, "description", None) or ""} for check in schema.checks
        ],
    }


def dictionary() -> list[dict]:
    return [table_entry(name, model) for name, model in TABLES.items()]


def to_markdown(entries: list[dict]) -> str:
    lines = [
        "# Data dictionary",
        "",
        "Generated from the pandera schemas in `schemas/` by `python -m flows.dictionary`; do not edit by hand.",
        "Every table is one Parquet file in the output folder.",
        "",
    ]
    for entry in entries:
        lines += [f"## {entry['table']}", "", entry["description"], "", "| column | type | null | checks | meaning |", "|---|---|---|---|---|"]
        for col in entry["columns"]:
            checks = "; ".join((["unique"] if col["unique"] else []) + col["checks"]).replace("|", "\\|")
            lines.append(f"| `{col['name']}` | {col['type']} | {'yes' if col['nullable'] else 'no'} | {checks} | {col['description']} |")
        if entry["table_checks"]:
            lines += ["", "Table checks: " + "; ".join(f"`{c['name']}` ({c['description']})" for c in entry["table_checks"]) + "."]
        lines.append("")
    return "\n".join(lines)


def rendered() -> dict[str, str]:
    entries = dictionary()
    return {
        "data_dictionary.md": to_markdown(entries),
        "data_dictionary.json": json.dumps(entries, indent=2, ensure_ascii=False) + "\n",
    }


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    for name, content in rendered().items():
        (DOCS / name).write_text(content, encoding="utf-8")
        print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
