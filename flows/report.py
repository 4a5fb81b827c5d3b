"""A self-contained HTML report over an output folder: counts, outlets by day, speakers, figures, disagreements, rejects.

Charts are Vega-Lite specs built with Altair; the Vega JavaScript is inlined from
vl-convert's bundle, so the file opens offline and can be mailed or archived.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import altair as alt
import polars as pl

from flows.io import read_table
from schemas import TABLES

#: Rows shown in "top" charts.
TOP = 15
_WIDTH = 640


def _bar(frame: pl.DataFrame, x: str, y: str, title: str, *, color: str | None = None) -> alt.Chart:
    encoding = {
        "x": alt.X(f"{x}:Q", title=x.replace("_", " ")),
        "y": alt.Y(f"{y}:N", sort="-x", title=None),
        "tooltip": [y, x],
    }
    if color:
        encoding["color"] = alt.Color(f"{color}:N")
    return alt.Chart(frame).mark_bar().encode(**encoding).properties(title=title, width=_WIDTH)


def _articles_per_day(articles: pl.DataFrame) -> alt.Chart:
    per_day = (
        articles.filter(pl.col("duplicate_of").is_null())
        .with_columns(
            pl.col("published_at").dt.date().cast(pl.String).fill_null("undated").alias("day"),
            pl.col("outlet").fill_null("(unknown outlet)"),
        )
        .group_by("day", "outlet")
        .len("articles")
        .sort("day", "outlet")
    )
    return (
        alt.Chart(per_day)
        .mark_bar()
        .encode(
            x=alt.X("day:N", title="published (UTC day)"),
            y=alt.Y("articles:Q", title="articles"),
            color=alt.Color("outlet:N"),
            tooltip=["day", "outlet", "articles"],
        )
        .properties(title="Articles per outlet and day (copies excluded)", width=_WIDTH)
    )


def _disagreements(comparisons: pl.DataFrame) -> alt.FacetChart | None:
    disagreeing = comparisons.filter(pl.col("disagrees"))
    if disagreeing.is_empty():
        return None
    frame = disagreeing.with_columns(
        pl.concat_str(
            pl.col("category"), pl.lit(" ("), pl.col("unit").fill_null("count"), pl.lit(") "),
            pl.col("source").fill_null(""), separator="",
        ).str.strip_chars().alias("quantity"),
        pl.coalesce("outlet", "article_id").alias("reported_by"),
    )
    points = (
        alt.Chart(frame)
        .mark_circle(size=90)
        .encode(
            x=alt.X("value:Q", title="reported value", scale=alt.Scale(zero=False)),
            color=alt.Color("reported_by:N", title="reported by"),
            tooltip=["quantity", "reported_by", "value", "qualifier", "text", "published_at"],
        )
        .properties(width=_WIDTH - 160, height=30)
    )
    # one row per quantity, each on its own scale: 110 vs 111 civilians must not vanish beside 727 vs 704 killed
    return (
        points.facet(row=alt.Row("quantity:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left", labelLimit=300)))
        .resolve_scale(x="independent")
        .properties(title="Where the reported numbers disagree")
    )


def _counts_table(counts: dict[str, int]) -> str:
    rows = "".join(f"<tr><td>{html.escape(name)}</td><td>{count:,}</td></tr>" for name, count in counts.items())
    return f'<table id="counts"><tr><th>table</th><th>rows</th></tr>{rows}</table>'


def build_charts(tables: dict[str, pl.DataFrame]) -> dict[str, alt.TopLevelMixin]:
    """Chart id -> chart; empty tables give no chart rather than an empty frame."""
    charts: dict[str, alt.TopLevelMixin] = {}
    counts = pl.DataFrame({"table": list(tables), "rows": [t.height for t in tables.values()]})
    charts["counts"] = _bar(counts, "rows", "table", "Rows per table")
    if tables["articles"].height:
        charts["articles_per_day"] = _articles_per_day(tables["articles"])
    speakers = tables["quotes"].drop_nulls("speaker").group_by("speaker").len("quotes").sort(["quotes", "speaker"], descending=[True, False]).head(TOP)
    if speakers.height:
        charts["top_speakers"] = _bar(speakers, "quotes", "speaker", f"Top {TOP} speakers by quotes")
    categories = tables["figures"].group_by("category").len("figures").sort("figures", descending=True)
    if categories.height:
        charts["figures_by_category"] = _bar(categories, "figures", "category", "Figures by category")
    disagreements = _disagreements(tables["figure_comparisons"])
    if disagreements is not None:
        charts["disagreements"] = disagreements
    reasons = tables["rejects"].group_by("reason").len("rejects").sort("rejects", descending=True)
    if reasons.height:
        charts["rejects"] = _bar(reasons, "rejects", "reason", "Rejected inputs by reason")
    return charts


def render_report(directory: Path) -> str:
    """The report page for one output folder."""
    import vl_convert

    from altair.utils._importers import vl_version_for_vl_convert

    tables = {name: read_table(directory / f"{name}.parquet", schema) for name, schema in TABLES.items() if name != "runs"}
    runs = read_table(directory / "runs.parquet")
    last = runs.tail(1).row(0, named=True)
    charts = build_charts(tables)
    bundle = vl_convert.javascript_bundle(vl_version=vl_version_for_vl_convert())
    sections = "\n".join(f'<section><div class="chart" id="{name}"></div></section>' for name in charts)
    specs = json.dumps({name: chart.to_dict() for name, chart in charts.items()})
    missing = [title for key, title in (("disagreements", "figure disagreements"), ("rejects", "rejects")) if key not in charts]
    notes = "".join(f"<p class='note'>No {html.escape(m)} in this output.</p>" for m in missing)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>newsfacts report: {html.escape(directory.name)}</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;max-width:60em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:.2em .6em;text-align:right}}td:first-child{{text-align:left}}section{{margin:2em 0}}</style>
<script type="text/javascript">{bundle}</script></head>
<body><h1>newsfacts report</h1>
<p>Output folder <code>{html.escape(str(directory))}</code>; last run {html.escape(str(last["run_id"]))},
finished {html.escape(str(last["finished_at"]))}, code {html.escape(str(last["code_version"]))}, validation {html.escape(str(last["validation"]))}.</p>
{_counts_table({name: t.height for name, t in tables.items()})}
{notes}
{sections}
<script type="text/javascript">
const specs = {specs};
window.chartsDrawn = 0;
for (const [id, spec] of Object.entries(specs)) {{
  vegaEmbed('#' + id, spec, {{renderer: 'svg', actions: false}})
    .then(() => {{ window.chartsDrawn += 1; document.body.dataset.chartsDrawn = window.chartsDrawn; }})
    .catch((err) => {{ const box = document.getElementById(id); box.dataset.failed = 'yes'; box.textContent = String(err); }});
}}
</script></body></html>
"""
