"""A database made before places had their own app migrates forward with nothing lost: places.0001 stands for the
projects_db migration that created the same tables, and places.0002 moves the content types, so the editors'
permissions (and Wagtail's history) follow the models."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from hub.accounts import roles

pytestmark = pytest.mark.django_db


MOVE = ("places", "0002_content_types")


def _made_after_the_move() -> set[tuple[str, str]]:
    """The migrations written after the move that depend on it (a database made before the move has none of them)."""
    graph = MigrationLoader(connection).graph
    return {key for key in graph.nodes if key != MOVE and MOVE in graph.forwards_plan(key)}


def _as_before_the_move():
    """Put the migration records and content types back as a database made before the move has them."""
    recorder = MigrationRecorder(connection)
    for app, name in _made_after_the_move():
        recorder.migration_qs.filter(app=app, name=name).delete()
    recorder.migration_qs.filter(app="places").delete()
    recorder.record_applied("projects_db", "0001_initial")
    ContentType.objects.filter(app_label="places").update(app_label="projects_db")
    ContentType.objects.clear_cache()


def test_an_old_database_counts_places_0001_as_applied_and_runs_only_the_content_type_move():
    later = _made_after_the_move()
    _as_before_the_move()
    executor = MigrationExecutor(connection)
    executor.loader.check_consistent_history(connection)  # raises InconsistentMigrationHistory if not
    plan = [(m.app_label, m.name) for m, backwards in executor.migration_plan(executor.loader.graph.leaf_nodes())]
    # The move first, then only what was written after it (places.0001 counts as applied: nothing is created twice).
    assert plan[0] == MOVE
    assert set(plan[1:]) == later


def test_moving_the_content_types_keeps_their_ids_and_the_editors_permissions():
    editors = Group.objects.get(name=roles.MINISTRY_EDITORS)
    ids = dict(ContentType.objects.filter(app_label="places").values_list("model", "pk"))
    _as_before_the_move()
    assert not editors.permissions.filter(content_type__app_label="places").exists()

    executor = MigrationExecutor(connection)
    executor.migrate([("places", "0002_content_types")])
    ContentType.objects.clear_cache()

    assert dict(ContentType.objects.filter(app_label="places").values_list("model", "pk")) == ids
    assert not ContentType.objects.filter(app_label="projects_db", model__in=["municipality", "governorate"]).exists()
    granted = set(editors.permissions.filter(content_type__app_label="places").values_list("codename", flat=True))
    assert {"change_municipality", "add_municipality", "change_governorate"} <= granted
    assert MigrationRecorder(connection).migration_qs.filter(app="places", name="0001_initial").exists()
    assert Permission.objects.filter(content_type_id=ids["municipality"], codename="change_municipality").exists()
