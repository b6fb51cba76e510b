"""Fixtures for the Elasticsearch tests (imported by those test modules, so the search suite keeps one conftest).

`recording_server` is NOT a cluster: it is a small HTTP server on 127.0.0.1 that records every request the real
elasticsearch client sends and answers with the minimal JSON a test gives it. It checks what we send, exactly;
what a cluster does with it is checked only by test_elasticsearch_cluster.py against a real ELASTICSEARCH_URL.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.cache import cache

from search import registry
from search.registry import Adapter, Document, Visibility


@dataclass
class Recorded:
    method: str
    path: str
    params: dict
    body: bytes

    def json(self):
        return json.loads(self.body)

    def ndjson(self) -> list[dict]:
        return [json.loads(line) for line in self.body.decode().splitlines() if line]


class RecordingServer:
    """Answers `routes[(method, path)]` (a dict, or a callable taking the Recorded request) and keeps the requests."""

    def __init__(self):
        self.requests: list[Recorded] = []
        self.routes: dict = {}
        self.silent = False
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                recorded = Recorded(self.command, parts.path, dict(parse_qsl(parts.query)), self.rfile.read(length))
                server.requests.append(recorded)
                if server.silent:  # accept the request and never answer: the client must time out
                    server.release.wait(10)
                    return
                route = server.routes.get((self.command, parts.path), (404, {"error": "no route in this test"}))
                status, payload = route(recorded) if callable(route) else route
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer

            def log_message(self, *args):
                pass

        self.release = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def calls(self) -> list[tuple[str, str]]:
        return [(r.method, r.path) for r in self.requests]


def bulk_answer(failures: dict[str, dict] | None = None):
    """A bulk route: every action succeeds (a delete of a missing document answers not_found, as a cluster does),
    except the ids in `failures`, which get that error."""
    failures = failures or {}

    def answer(request: Recorded):
        lines = request.ndjson()
        items = []
        index = 0
        while index < len(lines):
            operation, meta = next(iter(lines[index].items()))
            index += 1 if operation == "delete" else 2
            if meta["_id"] in failures:
                items.append({operation: {"_id": meta["_id"], "status": 400, "error": failures[meta["_id"]]}})
            else:
                status = 200 if operation == "delete" else 201
                items.append({operation: {"_index": meta["_index"], "_id": meta["_id"], "status": status}})
        return 200, {"took": 1, "errors": bool(failures), "items": items}

    return answer


@pytest.fixture
def recording_server():
    server = RecordingServer()
    yield server
    server.stop()


@pytest.fixture(autouse=False)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


@dataclass
class Note:
    """A stand-in source object (search/ knows no other app's models; adapters only need `pk`)."""

    pk: int
    title: str
    body: str = ""
    language: str = "ar"
    published: bool = True
    visibility: str = Visibility.PUBLIC
    forum_ids: list[int] = field(default_factory=list)
    published_at: datetime | None = None
    municipality: str = ""
    municipality_name: str = ""
    governorate: str = ""
    governorate_name: str = ""


class NoteAdapter(Adapter):
    source_type = "note"
    label = "Note"

    def __init__(self):
        self.objects: dict[int, Note] = {}

    def add(self, note: Note) -> Note:
        self.objects[note.pk] = note
        return note

    def documents(self, instance: Note) -> list[Document]:
        if not instance.published:
            return []
        return [
            Document(
                source_id=str(instance.pk),
                language=instance.language,
                title=instance.title,
                body=instance.body,
                url=f"/{instance.language}/notes/{instance.pk}/",
                visibility=instance.visibility,
                forum_ids=instance.forum_ids,
                published_at=instance.published_at,
                municipality=instance.municipality,
                municipality_name=instance.municipality_name,
                governorate=instance.governorate,
                governorate_name=instance.governorate_name,
            )
        ]

    def queryset(self):
        return [note for note in self.objects.values() if note.published]


@pytest.fixture
def notes():
    """A registered 'note' source type for the duration of one test."""
    saved = dict(registry._adapters)
    registry._adapters.clear()
    adapter = registry.register(NoteAdapter())
    yield adapter
    registry._adapters.clear()
    registry._adapters.update(saved)
