"""Deduplication: one event per fact within an article (``merge_mentions``)."""

from tidings.dedup.within import merge_mentions, same_fact

__all__ = ["merge_mentions", "same_fact"]
