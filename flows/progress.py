"""Progress of a run, for whoever listens: the CLI draws a bar, scheduled runs log nothing extra.

The flow calls ``report`` as work finishes; ``listening`` attaches a callback for
the span of one run. Kept apart from the flow so the flow never imports a
terminal library and a schedule never draws to a terminal nobody watches.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

#: (step, done, total); total 0 means a step whose size is unknown.
Listener = Callable[[str, int, int], None]

_LISTENERS: list[Listener] = []


def report(step: str, done: int, total: int) -> None:
    for listener in list(_LISTENERS):
        listener(step, done, total)


@contextlib.contextmanager
def listening(listener: Listener) -> Iterator[None]:
    _LISTENERS.append(listener)
    try:
        yield
    finally:
        _LISTENERS.remove(listener)


@contextlib.contextmanager
def progress_bar(enabled: bool) -> Iterator[None]:
    """A rich bar on stderr while the run lasts; nothing when disabled or stderr is not a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def draw(step: str, done: int, total: int) -> None:
            if step not in tasks:
                tasks[step] = bar.add_task(step, total=total or None)
            bar.update(tasks[step], completed=done)

        with listening(draw):
            yield
