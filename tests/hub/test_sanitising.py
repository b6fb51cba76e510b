"""No script from any field reaches a page; images are checked on upload with clear messages; drafts stay hidden."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from hub.accounts import roles
from tests.hub.factories import UserFactory, make_event, make_practice, make_story, stream, translate

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def assert_no_script(html: str):
    assert "<script>alert" not in html
    assert "javascript:" not in html
    assert "onerror=" not in html


def test_script_in_every_story_field_is_escaped_or_removed(client, sections):
    story = make_story(
        sections["stories"]["ar"],
        slug="xss",
        title=f"عنوان {SCRIPT}",
        summary=f"ملخص {SCRIPT}",
        lead_image_alt=f"صورة {SCRIPT}",
        search_description=f"وصف {SCRIPT}",
        contact_email="team@example.org",
        body=stream(
            ("heading", f"عنوان {SCRIPT}"),
            ("paragraph", f'<p>فقرة {SCRIPT}<a href="javascript:alert(1)">رابط</a><img src=x onerror="alert(1)"></p>'),
            ("quote", {"quote": SCRIPT, "attribution": SCRIPT}),
            ("key_figures", [{"value": SCRIPT, "label": SCRIPT}]),
        ),
        outcomes=stream(("figures", [{"value": SCRIPT, "label": SCRIPT}])),
    )
    html = client.get("/ar/stories/xss/").content.decode()
    assert_no_script(html)
    assert html.count(ESCAPED) >= 8  # title (h1, og, <title>), summary, alt, heading, quote, figures...
    html = client.get("/ar/stories/").content.decode()
    assert_no_script(html)
    translate(story, title=f"Title {SCRIPT}")
    assert_no_script(client.get("/en/stories/xss/").content.decode())
    assert_no_script(client.get("/ar/stories/feed/rss/").content.decode())
    assert_no_script(client.get("/ar/").content.decode())


def test_script_in_event_and_practice_fields_is_escaped(client, sections):
    make_event(
        sections["events"]["ar"],
        slug="xss-event",
        title=SCRIPT,
        summary=SCRIPT,
        venue=SCRIPT,
        organisers=SCRIPT,
        agenda=stream(("item", {"time": SCRIPT, "title": SCRIPT, "speakers": SCRIPT, "description": SCRIPT})),
        recommendations=stream(("paragraph", f"<p>{SCRIPT}</p>")),
    )
    make_practice(sections["practices"]["ar"], slug="xss-practice", title=SCRIPT, summary=SCRIPT)
    for url in ("/ar/events/xss-event/", "/ar/events/", "/ar/practices/xss-practice/", "/ar/practices/"):
        html = client.get(url).content.decode()
        assert_no_script(html)
        assert ESCAPED in html


def test_the_body_stream_offers_no_raw_html_block():
    from wagtail.blocks import RawHTMLBlock

    from hub.blocks import AgendaStreamBlock, BodyStreamBlock, MaterialsStreamBlock

    for stream_block in (BodyStreamBlock(), AgendaStreamBlock(), MaterialsStreamBlock()):
        assert not any(isinstance(block, RawHTMLBlock) for block in stream_block.child_blocks.values())


def editor(username: str, language: str = "en"):
    """An editor whose Wagtail admin speaks `language`."""
    from wagtail.users.models import UserProfile

    user = UserFactory(username=username, groups=[roles.MINISTRY_EDITORS])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def file_errors(response, language: str = "en") -> str:
    """The upload field's messages as the editor read them (they are lazy: evaluate them in the editor's language)."""
    from django.utils import translation

    with translation.override(language):
        return " ".join(str(e) for e in response.context["form"].errors.get("file", []))


def _png(width, height) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (10, 10, 10)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tiny.png", lambda: _png(20, 20), "it must be at least 200×100"),
        ("notes.txt", lambda: b"hello", "Upload a valid image"),
        ("fake.png", lambda: b"this is not an image", "Upload a valid image"),
    ],
)
def test_bad_image_uploads_are_refused_with_a_clear_message(client, workflow, name, content, message):
    from wagtail.images import get_image_model

    client.force_login(editor("img-editor"))
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "صورة", "file": SimpleUploadedFile(name, content()), "collection": 1},
    )
    assert response.status_code == 200
    assert message in file_errors(response)
    assert not get_image_model().objects.filter(title="صورة").exists()


def test_an_arabic_editor_reads_the_image_message_in_arabic(client, workflow):
    client.force_login(editor("img-editor-ar", language="ar"))
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "صغيرة", "file": SimpleUploadedFile("tiny.png", _png(20, 20)), "collection": 1},
    )
    assert "يجب ألا تقل عن 200×100" in file_errors(response, "ar")


def test_oversized_uploads_are_refused(client, workflow, settings):
    from wagtail.images import get_image_model

    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    client.force_login(editor("img-editor2"))
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "كبيرة", "file": SimpleUploadedFile("big.png", _png(1200, 800)), "collection": 1},
    )
    assert response.status_code == 200 and "This file is too big" in file_errors(response)
    assert not get_image_model().objects.filter(title="كبيرة").exists()


def test_a_good_image_is_accepted(client, workflow):
    from wagtail.images import get_image_model

    client.force_login(editor("img-editor3"))
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "جيدة", "file": SimpleUploadedFile("good.png", _png(800, 450)), "collection": 1},
    )
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="جيدة", width=800).exists()


def test_unpublished_pages_and_previews_stay_private(client, sections):
    story = make_story(sections["stories"]["ar"], slug="secret", title="سرّية")
    story.unpublish()
    assert client.get("/ar/stories/secret/").status_code == 404
    assert client.get("/en/stories/secret/").status_code == 404
    assert "سرّية" not in client.get("/ar/stories/").content.decode()
    assert "سرّية" not in client.get("/ar/").content.decode()
    preview = client.get(reverse("wagtailadmin_pages:preview_on_edit", args=(story.pk,)))
    assert preview.status_code == 302
    assert client.get(reverse("wagtailadmin_pages:view_draft", args=(story.pk,))).status_code == 302
