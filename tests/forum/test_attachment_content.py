"""Forum attachments are checked by content like project uploads (hub.uploads), not by their name alone."""

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from machina.core.db.models import get_model

from tests.forum import factories
from tests.forum.conftest import form_data, reply_url
from tests.projects_db.test_image_pixels import png

Attachment = get_model("forum_attachments", "Attachment")
Post = get_model("forum_conversation", "Post")
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def default_language_after():
    """A request leaves its language active in the thread: give the next test the site's default again."""
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


def _reply_with_file(client, topic, upload, settings, lang="en"):
    settings.FORUM_MIN_SECONDS_BETWEEN_POSTS = 0
    data = form_data(subject="Re", content="see the file")
    data.update({"attachment-TOTAL_FORMS": "1", "attachment-0-file": upload, "attachment-0-comment": ""})
    with translation.override(lang):
        url = reply_url(topic)
    return client.post(url, data)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("minutes.pdf", b"MZ\x90\x00\x03 this program cannot be run in DOS mode"),
        ("photo.png", b"GIF89a\x01\x00\x01\x00 not a png"),
        ("notes.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00"),
    ],
)
def test_a_file_whose_content_does_not_match_its_name_is_refused(client, forums, staff, settings, name, content):
    topic = factories.make_topic(forum=forums["gis"], poster=staff)
    posts = Post.objects.count()
    client.force_login(staff)
    response = _reply_with_file(client, topic, SimpleUploadedFile(name, content), settings)
    assert response.status_code == 200
    assert "The content of the file does not match its type." in response.content.decode()
    response = _reply_with_file(client, topic, SimpleUploadedFile(name, content), settings, lang="ar")
    assert "محتوى الملف لا يطابق نوعه." in response.content.decode()
    assert not Attachment.objects.exists() and Post.objects.count() == posts


def test_an_image_over_the_pixel_limit_is_refused(client, forums, staff, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 10_000
    topic = factories.make_topic(forum=forums["gis"], poster=staff)
    client.force_login(staff)
    response = _reply_with_file(client, topic, SimpleUploadedFile("map.png", png(101, 100)), settings)
    assert "The image has too many pixels (at most 0.01 megapixels)." in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_real_image_and_a_real_pdf_are_attached(client, forums, staff, settings):
    topic = factories.make_topic(forum=forums["gis"], poster=staff)
    client.force_login(staff)
    assert _reply_with_file(client, topic, SimpleUploadedFile("map.png", png(100, 100)), settings).status_code == 302
    assert _reply_with_file(client, topic, SimpleUploadedFile("plan.pdf", b"%PDF-1.7 x"), settings).status_code == 302
    assert sorted(a.file.name.rsplit("/", 1)[-1][:3] for a in Attachment.objects.all()) == ["map", "pla"]
