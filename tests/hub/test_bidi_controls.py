"""Right-to-left overrides and other bidirectional controls never reach single-line text that others read:
forum subjects, display names and job titles, project titles (site form and CSV import). hub.text does it once."""

import pytest
from django.core.management import call_command
from machina.core.db.models import get_model

from hub.accounts.models import User
from hub.text import strip_bidi_controls
from projects_db.models import Project
from tests.forum import factories as forum_factories
from tests.forum.conftest import form_data, new_topic_url
from tests.projects_db.factories import CategoryFactory, MunicipalityFactory, UserFactory

Topic = get_model("forum_conversation", "Topic")
pytestmark = pytest.mark.django_db

# "invoice.exe" disguised as "exe.pdf…": the override reverses what follows it on screen
SPOOFED = "Payment \u202egpj.exe\u202c report \u2066x\u2069 \u202a\u202b\u202d"
CLEAN = "Payment gpj.exe report x "


def test_the_helper_removes_every_embedding_override_and_isolate():
    assert strip_bidi_controls(SPOOFED) == CLEAN
    assert strip_bidi_controls("نص عربي \u200f(RLM stays)") == "نص عربي \u200f(RLM stays)"


def test_a_new_topics_subject_loses_the_controls(client, settings):
    from forum import services

    forums = services.setup_forum()
    settings.FORUM_MIN_SECONDS_BETWEEN_POSTS = 0
    staff = forum_factories.make_staff(username="staff-hebron")
    client.force_login(staff)
    response = client.post(new_topic_url(forums["gis"]), form_data(subject=SPOOFED, content="body"))
    assert response.status_code == 302
    topic = Topic.objects.get()
    assert topic.subject == CLEAN.strip() and topic.first_post.subject == CLEAN.strip()


def test_a_subject_made_only_of_controls_is_refused_as_empty(client, settings):
    from forum import services

    forums = services.setup_forum()
    settings.FORUM_MIN_SECONDS_BETWEEN_POSTS = 0
    client.force_login(forum_factories.make_staff(username="staff-hebron"))
    response = client.post(new_topic_url(forums["gis"]), form_data(subject="\u202e\u202c", content="body"))
    assert response.status_code == 200 and not Topic.objects.exists()


def test_profile_names_lose_the_controls(client):
    member = UserFactory(username="member")
    client.force_login(member)
    client.post("/en/accounts/profile/", {"display_name": SPOOFED, "job_title": "\u202eIT", "bio": "x"})
    member = User.objects.get(pk=member.pk)
    assert (member.display_name, member.job_title) == (CLEAN.strip(), "IT")


def test_project_titles_lose_the_controls_in_the_form_and_the_import(client, tmp_path):
    hebron = MunicipalityFactory(slug="hebron")
    category = CategoryFactory(slug="e-payment")
    staff = UserFactory(username="staff-hebron", municipality=hebron)
    client.force_login(staff)
    client.post(
        "/en/projects/new/",
        {
            "title": SPOOFED,
            "summary": "s",
            "language": "en",
            "lead_municipality": hebron.pk,
            "category": category.pk,
            "status": "live",
            "maintenance": "in_house",
            "contact_name": "\u2067Samir\u2069",
        },
    )
    project = Project.objects.get()
    assert (project.title, project.contact_name) == (CLEAN.strip(), "Samir")

    path = tmp_path / "projects.csv"
    path.write_text(
        "title,summary,language,lead_municipality,category,status\n\u202eImported,s,en,hebron,e-payment,live\n",
        encoding="utf-8",
    )
    call_command("import_projects", str(path), language="en")
    assert Project.objects.filter(title="Imported").exists()
