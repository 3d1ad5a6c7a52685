"""Stances on negotiation issues: who demands, accepts, conditions or rejects what, and when.

``derive_stances(events)`` turns coded events into ``StanceObservation`` records (rules in
data/stances/positions.yaml, issues from data/codebook/issues.yaml); ``latest``,
``matrix_table`` and ``changes`` summarise them; ``store_stances(store, issue=...)`` reads them
from an event store.
"""

from tidings.stances.derive import (
    STANCE_TYPES,
    StanceObservation,
    derive_stances,
    observe,
    party_key,
    precondition,
)
from tidings.stances.matrix import changes, latest, matrix_records, matrix_table, store_stances
from tidings.stances.vocabulary import POSITIONS, issues_in, load_rules

__all__ = ["POSITIONS", "STANCE_TYPES", "StanceObservation", "changes", "derive_stances",
           "issues_in", "latest", "load_rules", "matrix_records", "matrix_table", "observe",
           "party_key", "precondition", "store_stances"]
