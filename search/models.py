"""SearchDocument: one row per searchable unit, written in the same transaction as its source object."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from search.registry import Visibility


class SearchDocument(models.Model):
    """What the engines search. Rows come only from registered adapters (search.registry)."""

    source_type = models.CharField(_("type"), max_length=32)
    source_id = models.CharField(_("source id"), max_length=64)
    language = models.CharField(_("language"), max_length=8)
    title = models.TextField(_("title"))
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("address"), max_length=500)
    municipality = models.CharField(_("municipality"), max_length=160, blank=True)
    municipality_name = models.CharField(_("municipality name"), max_length=200, blank=True)
    governorate = models.CharField(_("governorate"), max_length=120, blank=True)
    governorate_name = models.CharField(_("governorate name"), max_length=200, blank=True)
    category = models.CharField(_("category"), max_length=120, blank=True)
    category_name = models.CharField(_("category name"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=40, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), null=True, blank=True)
    visibility = models.CharField(
        _("visible to"), max_length=10, default=Visibility.PUBLIC, choices=[(v, v) for v in Visibility.CHOICES]
    )
    forum_ids = ArrayField(models.IntegerField(), default=list, blank=True)
    indexed_at = models.DateTimeField(_("indexed"), auto_now=True)
    # Outbox for the Elasticsearch engine: a row that changed waits here until a background task pushes it.
    # A removed source keeps its row as a tombstone (is_deleted) until the push has deleted it from the cluster.
    needs_push = models.BooleanField(_("waiting to be pushed"), default=True)
    is_deleted = models.BooleanField(_("removed"), default=False)
    push_attempts = models.PositiveIntegerField(_("push attempts"), default=0)
    last_push_error = models.TextField(_("last push error"), blank=True)
    # The PostgreSQL engine's terms, built in Python by search.engines.postgres.document_vector from the
    # normalised, stemmed title (weights A/C) and body (B/D); filled by search.services on every write.
    search_vector = SearchVectorField(_("search terms"), null=True, editable=False)
    # The title's terms alone (weights A/C), with their own small GIN index: the first ranking tier ("every word
    # in the title") is found among all matching documents without reading any body's terms.
    title_vector = SearchVectorField(_("title terms"), null=True, editable=False)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        indexes = [
            models.Index(fields=["id"], name="searchdoc_outbox_idx", condition=models.Q(needs_push=True)),
            # fastupdate off: each write updates the index at once, so query time does not depend on how
            # long ago the pending list was flushed (steady latency over speed of bulk writes).
            GinIndex(fields=["search_vector"], name="searchdoc_vector_gin", fastupdate=False),
            GinIndex(fields=["title_vector"], name="searchdoc_title_gin", fastupdate=False),
            # The ranking's static prior (newest first): the newest documents of a tier are read in this order
            # and the scan stops as soon as enough of them are found.
            models.Index(
                models.F("published_at").desc(nulls_last=True), models.F("id").desc(), name="searchdoc_recent_idx"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "language"], name="searchdocument_unique_source_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_type}:{self.source_id}:{self.language}"


class SearchWord(models.Model):
    """Every normalised word seen in an indexed title or body: the vocabulary the typo fallback corrects to."""

    word = models.CharField(_("word"), max_length=64, primary_key=True)  # normalised (search.arabic.normalize)
    display = models.CharField(_("as written"), max_length=64)  # first spelling seen, shown in "showing results for"

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        indexes = [GinIndex(fields=["word"], name="searchword_trgm", opclasses=["gin_trgm_ops"])]

    def __str__(self) -> str:
        return self.word
