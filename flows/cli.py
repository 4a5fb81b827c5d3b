"""The ``newsfacts`` command: run the flow, validate an output folder, score it against gold."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import sys
from pathlib import Path

#: Quiet, offline, patient settings for Prefect's temporary server (see README, "Prefect").
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "DASK_LOGGING__DISTRIBUTED": "warning",
}
#: pyarrow's default pool (mimalloc) keeps freed memory for reuse; the run-wide step's Arrow buffers are
#: large and short-lived, and the system allocator hands them back (about 40 MB less at the peak of a
#: 1,000-article run). Read when pyarrow is first imported, so set before the pipeline is.
ARROW_DEFAULTS = {"ARROW_DEFAULT_MEMORY_POOL": "system"}
#: glibc gives each thread that allocates its own arena (up to 8 per core) and keeps what is freed in it:
#: the run-wide step's threaded sparse products and Parquet reads left 400-500 MB resident that way at
#: 100,000 articles (peak 1.2 GB against 0.68 GB with two arenas, in the same time). Read by glibc at a
#: process's start: children (batch workers, the Prefect server) get the variable; this process, mallopt.
MALLOC_ARENAS = 2


def _limit_malloc_arenas() -> None:
    os.environ.setdefault("MALLOC_ARENA_MAX", str(MALLOC_ARENAS))
    if sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc":
        import ctypes

        m_arena_max = -8  # glibc's malloc.h
        ctypes.CDLL(None).mallopt(m_arena_max, int(os.environ["MALLOC_ARENA_MAX"]))


def _cmd_run(args: argparse.Namespace) -> int:
    for key, value in {**PREFECT_DEFAULTS, **ARROW_DEFAULTS}.items():
        os.environ.setdefault(key, value)
    _limit_malloc_arenas()
    inputs = args.inputs or [str(Path(__file__).resolve().parent.parent / "seeds")]
    missing = [p for p in inputs if not Path(p).exists()]
    if missing:
        print(f"newsfacts run: input not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    output = Path(args.output).resolve()
    from flows import prefect_server

    server = prefect_server.launch()  # starts while the pipeline is imported
    from flows.io import NotAnOutputFolder, OutputBusy, output_lock
    from flows.pipeline import RUNS_FILE, ValidationFailed, batches_started_early, run_flow

    from flows.progress import progress_bar

    local = not args.dask_address and args.workers <= 1
    try:
        with (
            output_lock(output, RUNS_FILE),
            progress_bar(enabled=not (args.quiet or args.json)),
            batches_started_early(inputs, str(output), args.batch_size) if local else contextlib.nullcontext(),
            prefect_server.serving(server),  # waits for the server while the batches run
        ):
            summary = run_flow(
                inputs, str(output), batch_size=args.batch_size, workers=args.workers, dask_address=args.dask_address
            )
    except ValidationFailed as err:
        print(f"newsfacts run: {err}", file=sys.stderr)
        return 1
    except (OutputBusy, NotAnOutputFolder) as err:
        print(f"newsfacts run: {err}", file=sys.stderr)
        return 3
    if args.json:
        print(json.dumps(summary, sort_keys=True))
    elif not args.quiet:
        counts = ", ".join(f"{name} {count}" for name, count in summary.items())
        print(f"newsfacts run: wrote {args.output}/ ({counts})")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from flows.validate import validate_directory

    directory = Path(args.directory)
    if not directory.is_dir():
        print(f"newsfacts validate: not a folder: {directory}", file=sys.stderr)
        return 2
    failures = validate_directory(directory)
    if args.json:
        print(json.dumps({"directory": str(directory), "valid": failures.height == 0, "failures": failures.to_dicts()}, default=str))
        return 0 if failures.height == 0 else 1
    if failures.height == 0:
        if not args.quiet:
            print(f"newsfacts validate: {directory}/ is valid")
        return 0
    for row in failures.iter_rows(named=True):
        print(f"FAIL table={row['table']} column={row['column']} row={row['row']} check={row['check']} value={row['value']}")
    print(f"newsfacts validate: {failures.height} failures in {directory}/", file=sys.stderr)
    return 1


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from flows.evaluate import evaluate, format_report

    directory, gold = Path(args.directory), Path(args.gold)
    for path, what in ((gold, "gold file"), (directory / "articles.parquet", "output table")):
        if not path.exists():
            print(f"newsfacts evaluate: {what} not found: {path}", file=sys.stderr)
            return 2
    report = evaluate(directory, gold)
    print(json.dumps(report, indent=2) if args.json else format_report(report))
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if not os.environ.get("PREFECT_API_URL"):
        print(
            "newsfacts serve: a schedule needs a running Prefect server. Start one with `prefect server start`, "
            "then `export PREFECT_API_URL=http://127.0.0.1:4200/api` and run this again.",
            file=sys.stderr,
        )
        return 2
    inputs = [str(Path(p).resolve()) for p in args.inputs] or [str(Path(__file__).resolve().parent.parent / "seeds")]
    missing = [p for p in inputs if not Path(p).exists()]
    if missing:
        print(f"newsfacts serve: input not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    from flows.pipeline import newsfacts_flow

    print(f"newsfacts serve: deployment newsfacts/{args.name} on cron {args.cron!r}; Ctrl-C stops it", flush=True)
    newsfacts_flow.serve(
        name=args.name,
        cron=args.cron,
        parameters={"inputs": inputs, "output_dir": str(Path(args.output).resolve()), "batch_size": args.batch_size},
        print_starting_message=False,
    )
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    directory = Path(args.directory).resolve()
    if not (directory / "runs.parquet").exists():
        print(f"newsfacts report: {directory} is not a newsfacts output folder (no runs.parquet); run `newsfacts run` first", file=sys.stderr)
        return 2
    from flows.io import write_text_atomically
    from flows.report import render_report

    target = Path(args.output) if args.output else directory.parent / f"{directory.name}-report.html"
    write_text_atomically(target, render_report(directory))
    if not args.quiet:
        print(f"newsfacts report: wrote {target}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsfacts", description="News articles in, validated analytic tables out.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run the pipeline on files or folders (default: the bundled seeds/)")
    run.add_argument("inputs", nargs="*", help="files or folders of .txt / .json / .jsonl articles")
    run.add_argument("--output", default="output", help="output folder (default: output/)")
    run.add_argument("--batch-size", type=int, default=500, help="articles per task (default: 500)")
    run.add_argument("--workers", type=int, default=0, help="run batches on a local Dask cluster of N processes")
    run.add_argument("--dask-address", metavar="tcp://HOST:PORT", help="run batches on a running Dask cluster")
    run.add_argument("--json", action="store_true", help="print the row counts as JSON (for CI)")
    run.add_argument("--quiet", action="store_true", help="print nothing on success; errors still go to stderr")
    run.set_defaults(handler=_cmd_run)
    validate = sub.add_parser("validate", help="check every table against its schema and the cross-table rules")
    validate.add_argument("directory", nargs="?", default="output")
    validate.add_argument("--json", action="store_true", help="print the outcome and every failure as JSON (for CI)")
    validate.add_argument("--quiet", action="store_true", help="print nothing when the folder is valid")
    validate.set_defaults(handler=_cmd_validate)
    evaluate = sub.add_parser("evaluate", help="precision / recall / F1 against a gold JSONL file")
    evaluate.add_argument("--gold", required=True, help="gold annotations (JSONL)")
    evaluate.add_argument("directory", nargs="?", default="output")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.set_defaults(handler=_cmd_evaluate)
    serve = sub.add_parser("serve", help="run on a schedule: register a Prefect deployment with a cron and serve its runs")
    serve.add_argument("inputs", nargs="*", help="files or folders read on every run (default: the bundled seeds/)")
    serve.add_argument("--cron", required=True, help='schedule, e.g. "0 * * * *" for hourly (UTC)')
    serve.add_argument("--output", default="output", help="output folder (default: output/)")
    serve.add_argument("--name", default="scheduled", help="deployment name (default: scheduled)")
    serve.add_argument("--batch-size", type=int, default=500, help="articles per task (default: 500)")
    serve.set_defaults(handler=_cmd_serve)
    report = sub.add_parser("report", help="write a self-contained HTML report (charts) for an output folder")
    report.add_argument("directory", nargs="?", default="output")
    report.add_argument("--output", help="HTML file to write (default: DIR-report.html beside the folder)")
    report.add_argument("--quiet", action="store_true", help="print nothing on success")
    report.set_defaults(handler=_cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.handler(args)


def command() -> None:
    """The ``newsfacts`` program: ``main``, then exit.

    Before exiting, every object is frozen out of the garbage collector: the interpreter's
    last collections would otherwise walk all that Prefect and pydantic created, 0.7 s of a
    7-8 s run on the seeds. Exit handlers still run; outputs are already durable.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    command()
