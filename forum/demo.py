"""Demo forum: the forum tree and a few real questions."""


def load(*, stdout=None) -> None:
    """Create the forum tree and demo topics (idempotent)."""
