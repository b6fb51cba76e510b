"""The health check answers load balancers: 200 when the database answers, 503 when it does not."""

import pytest
from django.db import DatabaseError


@pytest.mark.django_db
def test_health_check_reports_ok_when_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert {key: response.json()[key] for key in ("status", "database")} == {"status": "ok", "database": "ok"}
    assert response.json()["search"]["mode"] in ("hybrid", "lexical")  # lexical-only without pgvector


@pytest.mark.django_db
def test_health_check_reports_503_when_database_fails(client, monkeypatch):
    from django.db.backends.postgresql.base import DatabaseWrapper

    def broken_cursor(self, *args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(DatabaseWrapper, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
