"""Projects ↔ topics: "Discuss this project" opens the project's topic or starts one linked to it."""

import pytest
from django.urls import reverse
from machina.core.db.models import get_model

from forum import selectors
from forum.models import TopicProject
from tests.forum import factories
from tests.forum.conftest import form_data, topic_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def project_card(monkeypatch):
    """Stands in for projects_db's `project_card` selector until the projects app offers it."""
    cards = {7: {"id": 7, "title": "بوابة الدفع الإلكتروني", "url": "/ar/projects/7/", "municipality": "الخليل"}}
    monkeypatch.setattr(selectors, "project_card", lambda *, project_id: cards.get(project_id))
    return cards[7]


def test_discussing_a_project_starts_a_linked_topic_then_opens_it(client, forums, staff, project_card):
    client.force_login(staff)
    response = client.get(reverse("hub_forum:discuss_project", args=[7]))
    create_url = response["Location"]
    assert "project-7" in create_url
    page = client.get(create_url).content.decode()
    assert "بوابة الدفع الإلكتروني" in page
    client.post(create_url, form_data(subject="بوابة الدفع الإلكتروني", content="ما تجربتكم؟"))
    topic = get_model("forum_conversation", "Topic").objects.get(subject="بوابة الدفع الإلكتروني")
    assert TopicProject.objects.get(topic=topic).project_id == 7
    assert client.get(reverse("hub_forum:discuss_project", args=[7]))["Location"] == topic_url(topic)
    assert 'href="/ar/projects/7/"' in client.get(topic_url(topic)).content.decode()
    assert list(selectors.project_topics(project_id=7, user=None)) == [topic]


def test_unknown_project_is_404(client, forums, staff, project_card):
    client.force_login(staff)
    assert client.get(reverse("hub_forum:discuss_project", args=[999])).status_code == 404


def test_project_topics_hide_private_forums(forums, staff, project_card):
    topic = factories.make_topic(forum=forums["staff-lounge"], poster=staff)
    TopicProject.objects.create(topic=topic, project_id=7)
    assert list(selectors.project_topics(project_id=7, user=None)) == []
    assert list(selectors.project_topics(project_id=7, user=staff)) == [topic]
