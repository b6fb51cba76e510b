"""After the demo content is in: make sure every registered source is indexed."""


def load(*, stdout=None) -> None:
    """Index every registered source (idempotent)."""
