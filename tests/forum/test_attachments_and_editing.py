"""Attachments: allowed types and sizes only, served as downloads. Editing and deleting follow machina's rules."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from machina.core.db.models import get_model
from wagtail.models import ModelLogEntry

from tests.forum import factories
from tests.forum.conftest import form_data, reply_url

Attachment = get_model("forum_attachments", "Attachment")
Post = get_model("forum_conversation", "Post")
pytestmark = pytest.mark.django_db


def _reply_with_file(client, topic, upload, settings):
    settings.FORUM_MIN_SECONDS_BETWEEN_POSTS = 0
    data = form_data(subject="Re", content="see the file")
    data.update({"attachment-TOTAL_FORMS": "1", "attachment-0-file": upload, "attachment-0-comment": ""})
    return client.post(reply_url(topic), data)


def test_a_script_file_is_refused(client, forums, staff, settings):
    topic = factories.make_topic(forum=forums["gis"], poster=staff)
    client.force_login(staff)
    response = _reply_with_file(client, topic, SimpleUploadedFile("evil.html", b"<script>x</script>"), settings)
    assert response.status_code == 200
    assert "هذا النوع من الملفات غير مقبول." in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_too_large_file_is_refused(client, forums, staff, settings):
    settings.FORUM_ATTACHMENT_MAX_BYTES = 10
    topic = factories.make_topic(forum=forums["gis"], poster=staff)
    client.force_login(staff)
    _reply_with_file(client, topic, SimpleUploadedFile("big.pdf", b"%PDF-1.4 " + b"x" * 100), settings)
    assert not Attachment.objects.exists()


def test_an_allowed_file_is_served_as_a_download(client, forums, staff, settings):
    topic = factories.make_topic(forum=forums["gis"], poster=staff)
    client.force_login(staff)
    response = _reply_with_file(client, topic, SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"), settings)
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    download = client.get(reverse("forum_conversation:attachment", args=[attachment.pk]))
    assert download["Content-Disposition"].startswith("attachment")


def test_a_member_cannot_edit_someone_elses_post(client, forums, staff, member):
    topic = factories.make_topic(forum=forums["gis"], poster=staff)
    reply = factories.make_reply(topic=topic, poster=staff, content="original")
    client.force_login(member)
    url = reverse(
        "forum_conversation:post_update",
        kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id, "topic_slug": topic.slug,
                "topic_pk": topic.pk, "pk": reply.pk},
    )  # fmt: skip
    assert client.post(url, form_data(subject="x", content="changed")).status_code == 403
    reply.refresh_from_db()
    assert reply.content.raw == "original"


def test_a_moderator_edit_is_logged(client, forums, staff, moderator):
    topic = factories.make_topic(forum=forums["gis"], poster=staff)
    reply = factories.make_reply(topic=topic, poster=staff, content="original")
    client.force_login(moderator)
    url = reverse(
        "forum_conversation:post_update",
        kwargs={"forum_slug": topic.forum.slug, "forum_pk": topic.forum_id, "topic_slug": topic.slug,
                "topic_pk": topic.pk, "pk": reply.pk},
    )  # fmt: skip
    response = client.post(url, form_data(subject="Re", content="moderated", update_reason="tone"))
    assert response.status_code == 302
    assert ModelLogEntry.objects.for_instance(reply).filter(action="forum.edit_post", user=moderator).exists()
