"""Where batches are coded: in this process, or on a Dask cluster (tidings.scale.cluster).

A runner maps batches to ``Coded`` results **in input order**, holding a bounded number of
batches at a time, so memory stays flat however large the corpus; the driver alone writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Protocol

from tidings.scale.batches import Batch
from tidings.scale.coding import Coded, code_batch, warm_up


class Runner(Protocol):
    """A context manager that codes batches: ``with runner: runner.map(batches, size)``."""

    workers: int

    def __enter__(self) -> Runner:
        ...

    def __exit__(self, *exc: object) -> None:
        ...

    def map(self, batches: Iterable[Batch], batch_size: int) -> Iterator[tuple[Batch, Coded]]:
        ...


class InProcess(AbstractContextManager):
    """Code batches here, one after the other: no cluster, nothing to start."""

    workers = 1

    def __enter__(self) -> InProcess:
        warm_up()
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def map(self, batches: Iterable[Batch], batch_size: int) -> Iterator[tuple[Batch, Coded]]:
        for batch in batches:
            yield batch, code_batch(batch.articles, batch_size)


def open_runner(workers: int = 1, scheduler: str | None = None,
                in_flight: int | None = None) -> Runner:
    """``InProcess`` for one worker and no scheduler, else ``OnDask`` (Dask is imported only
    then)."""
    if scheduler is None and workers < 1:
        raise ValueError(f"workers must be >= 1, not {workers}")
    if scheduler is None and workers == 1:
        return InProcess()
    from tidings.scale.cluster import OnDask  # distributed takes a second to import

    if scheduler is not None:
        return OnDask(scheduler=scheduler, in_flight=in_flight)
    return OnDask(workers=workers, in_flight=in_flight)
