"""Stories used their own category slugs, five of which differed from the projects' ones; the migration moves
every story (and its saved revisions) to the projects' category of the same meaning, and back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.hub.factories import CategoryFactory, make_story

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("hub", "0002_cms_page_types")]
AFTER = [("hub", "0003_story_category_from_projects")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def story_column() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT category FROM hub_storypage")
        return cursor.fetchone()[0]


def test_old_story_slugs_become_the_projects_categories_and_back(home_pages):
    from hub import services
    from hub.models import StoryPage
    from projects_db.models import Category

    sections = services.cms_ensure_sections(home=home_pages["ar"])
    gis = CategoryFactory(slug="gis-planning", name_en="GIS and planning", name_ar="نظم المعلومات الجغرافية والتخطيط")
    story = make_story(sections["stories"]["ar"], category=gis)
    story.save_revision()  # a saved draft that names the category too

    migrate(BEFORE)
    assert story_column() == "gis"  # what the story was before the projects' list was shared
    with connection.cursor() as cursor:  # an older database: no such project category yet
        cursor.execute(f"DELETE FROM {Category._meta.db_table} WHERE slug = 'gis-planning'")  # noqa: S608

    migrate(executor_leaves())

    story = StoryPage.objects.get(pk=story.pk)
    assert story.category.slug == "gis-planning"
    assert story.category.name_en == "GIS and planning" and story.category.name_ar.startswith("نظم المعلومات")
    revision = story.latest_revision
    assert revision.content["category"] == story.category_id
    assert revision.as_object().category == story.category  # an old draft publishes with its category


def executor_leaves():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
