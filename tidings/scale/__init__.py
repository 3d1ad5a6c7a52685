"""Ingest at scale: the inputs are read on the driver, coded in batches in this process or on a
Dask cluster, and written by the driver alone, in input order (docs/scale.md).

    read_paths -> select (skip stored) -> Batch -> code_batch (workers) -> EventStore.write_many
"""

from __future__ import annotations

from tidings.scale import sink
from tidings.scale.batches import Batch, Selector, batches
from tidings.scale.coding import Coded, code_batch, warm_up
from tidings.scale.runners import InProcess, Runner, open_runner

__all__ = ["Batch", "Coded", "InProcess", "Runner", "Selector", "batches",
           "code_batch", "open_runner", "sink", "warm_up"]
