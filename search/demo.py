"""After the demo content is in: make sure every registered source is indexed."""

from search import services


def load(*, stdout=None) -> None:
    """Index every registered source (idempotent: a rebuild writes the same rows again)."""
    counts = services.rebuild()
    if stdout:
        stdout.write("search index: " + ", ".join(f"{t} {n}" for t, n in sorted(counts.items())))
