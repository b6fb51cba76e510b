"""After the demo content is in: the search index rebuilt by the same service as `search_index rebuild`."""

from search import services


def load(*, stdout=None) -> None:
    """Rebuild every registered source, the typo vocabulary and (when configured) the Elasticsearch index.

    Idempotent: a second run writes the same rows. An unreachable cluster does not stop the demo: PostgreSQL is
    rebuilt and answers; the rows wait for `search_index rebuild` (or `sync`)."""
    try:
        rebuilt = services.rebuild()
    except ConnectionError as error:  # search.engines.elasticsearch.EngineUnavailable
        if stdout:
            stdout.write(f"search index: Elasticsearch not loaded ({error}); run `manage.py search_index rebuild`")
        return
    if stdout:
        stdout.write(
            "search index: "
            + ", ".join(f"{t} {n}" for t, n in sorted(rebuilt.items()))
            + f"; typo vocabulary {rebuilt.words} words"
        )
