"""Search documents as adapters produce them, for indexing straight into the engine in tests."""

import factory

from search.registry import Document, Visibility


class DocumentFactory(factory.Factory):
    class Meta:
        model = Document

    source_id = factory.Sequence(lambda n: f"doc-{n}")
    language = "ar"
    title = "وثيقة"
    body = ""
    url = factory.LazyAttribute(lambda d: f"/ar/docs/{d.source_id}/")
    visibility = Visibility.PUBLIC
