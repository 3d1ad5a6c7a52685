"""Registries for pluggable parts, looked up by name (spaCy's ``catalogue`` pattern).

A reader, exporter or scorer registers itself with a decorator; the CLI and API find it by the
name a user types (``--format gdelt``), so a plugin adds a part without editing the core.
"""

from __future__ import annotations

import catalogue

readers = catalogue.create("tidings", "readers", entry_points=True)
exporters = catalogue.create("tidings", "exporters", entry_points=True)
scorers = catalogue.create("tidings", "scorers", entry_points=True)
