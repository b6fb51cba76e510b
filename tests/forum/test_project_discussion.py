"""Projects ↔ topics: "Discuss this project" opens the project's topic or starts one linked to it."""

import pytest
from django.urls import reverse
from machina.core.db.models import get_model

from forum import selectors
from forum.models import TopicProject
from tests.forum import factories
from tests.forum.conftest import form_data, topic_url
from tests.projects_db.factories import CategoryFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    """A published project, as the projects database holds it."""
    return ProjectFactory(title="بوابة الدفع الإلكتروني", slug="بوابة-الدفع")


def test_discussing_a_project_starts_a_linked_topic_then_opens_it(client, forums, staff, project):
    client.force_login(staff)
    project_page = client.get(project.get_absolute_url()).content.decode()
    assert f'href="/ar/forum/projects/{project.pk}/discuss/"' in project_page
    response = client.get(reverse("hub_forum:discuss_project", args=[project.pk]))
    create_url = response["Location"]
    assert f"project-{project.pk}" in create_url
    page = client.get(create_url).content.decode()
    assert "بوابة الدفع الإلكتروني" in page
    client.post(create_url, form_data(subject="بوابة الدفع الإلكتروني", content="ما تجربتكم؟"))
    topic = get_model("forum_conversation", "Topic").objects.get(subject="بوابة الدفع الإلكتروني")
    assert TopicProject.objects.get(topic=topic).project_id == project.pk
    assert client.get(reverse("hub_forum:discuss_project", args=[project.pk]))["Location"] == topic_url(topic)
    assert f'href="{project.get_absolute_url()}"' in client.get(topic_url(topic)).content.decode()
    assert list(selectors.project_topics(project_id=project.pk, user=None)) == [topic]
    # the project page lists the topic that discusses it
    assert topic.subject in client.get(project.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("category", "forum_key"),
    [("gis-planning", "gis"), ("e-payment", "e-payment"), ("e-permits", "permits"), ("a-new-category", "portals")],
)
def test_a_projects_discussion_starts_in_the_forum_of_its_category(client, forums, staff, category, forum_key):
    project = ProjectFactory(category=CategoryFactory(slug=category))
    client.force_login(staff)
    create_url = client.get(reverse("hub_forum:discuss_project", args=[project.pk]))["Location"]
    forum = forums[forum_key]
    assert create_url == reverse(
        "hub_forum:project_topic_create",
        kwargs={"forum_slug": forum.slug, "forum_pk": forum.pk, "project_id": project.pk},
    )


def test_unknown_or_unpublished_project_is_404(client, forums, staff, project):
    draft = ProjectFactory(state="draft")
    client.force_login(staff)
    assert client.get(reverse("hub_forum:discuss_project", args=[draft.pk])).status_code == 404
    client.force_login(staff)
    assert client.get(reverse("hub_forum:discuss_project", args=[999])).status_code == 404


def test_project_topics_hide_private_forums(client, forums, staff, project):
    topic = factories.make_topic(forum=forums["staff-lounge"], poster=staff)
    TopicProject.objects.create(topic=topic, project_id=project.pk)
    assert list(selectors.project_topics(project_id=project.pk, user=None)) == []
    assert list(selectors.project_topics(project_id=project.pk, user=staff)) == [topic]
    assert topic.subject not in client.get(project.get_absolute_url()).content.decode()
