"""Events stage: codebook, triggers, arguments, factuality and issues -> ``Event`` records."""

from tidings.events.coder import code_doc

__all__ = ["code_doc"]
