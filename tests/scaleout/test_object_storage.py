"""Media in S3-compatible object storage (MEDIA_STORAGE=s3, django-storages), against moto's standalone S3 server:
an upload lands in the bucket; public uploads are readable by anyone at their URL; a draft project's document and
a staff-lounge attachment are private objects that only the reader with the right reaches, through a signed URL
handed over by the view that checked them."""

import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from machina.core.db.models import get_model

from tests.hub.test_production_settings import production_env
from tests.scaleout.servers import BUCKET, s3_client, settings_of

Attachment = get_model("forum_attachments", "Attachment")
PDF = b"%PDF-1.4\n% private bytes\n%%EOF\n"


def anonymous_get(url: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 (the test servers' http URLs)
            return answer.status, answer.read(), dict(answer.headers)
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read(), dict(refused.headers)


@pytest.fixture(scope="module")
def s3_settings(s3_server):
    """What the settings make of the object-storage variables, read from a process started with them."""
    env = production_env(SECRET_KEY="x" * 20 + "0123456789" * 4, DATABASE_URL="postgres://unused@/unused", **s3_server)
    return settings_of(env, "STORAGES", "CONTENT_SECURITY_POLICY")


@pytest.fixture
def s3(settings, s3_server, s3_settings, monkeypatch):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION"):
        monkeypatch.setenv(name, s3_server[name])
    media = {alias: s3_settings["STORAGES"][alias] for alias in ("default", "public_media", "private_media")}
    settings.STORAGES = {**settings.STORAGES, **media}
    return s3_client(s3_server["AWS_S3_ENDPOINT_URL"])


def keys(client) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_the_variables_point_both_media_aliases_at_the_bucket_and_let_pages_show_its_images(s3_server, s3_settings):
    storages = s3_settings["STORAGES"]
    assert storages["public_media"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storages["private_media"]["BACKEND"] == "hub.storage_s3.PrivateS3Storage"
    assert (
        storages["public_media"]["OPTIONS"]["bucket_name"]
        == BUCKET
        == storages["private_media"]["OPTIONS"]["bucket_name"]
    )
    assert storages["default"]["BACKEND"] == "hub.storage.MediaStorage"  # still routes by folder
    origin = s3_server["AWS_S3_ENDPOINT_URL"]
    assert origin in s3_settings["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]


@pytest.mark.django_db
def test_a_public_upload_lands_in_the_bucket_and_anyone_reads_it_at_its_url(s3):
    name = default_storage.save("original_images/town-hall.png", ContentFile(b"public image bytes"))
    assert f"media/{name}" in keys(s3)
    url = default_storage.url(name)
    assert "Signature" not in url and urlsplit(url).path.endswith(f"/{BUCKET}/media/{name}")
    assert anonymous_get(url)[:2] == (200, b"public image bytes")


@pytest.fixture
def private_files(s3, db):
    """Hebron's draft project with a document and a staff-lounge attachment, uploaded through the services."""
    from forum import services as forum_services
    from hub.accounts import roles
    from projects_db import services
    from projects_db.models import Project
    from tests.forum import factories as forum_factories
    from tests.projects_db.factories import MunicipalityFactory, ProjectFactory

    forums = forum_services.setup_forum()
    hebron = MunicipalityFactory(slug="hebron", name_en="Hebron")
    staff = forum_factories.make_staff(municipality=hebron, username="staff-hebron")
    staff.groups.add(Group.objects.get_or_create(name=roles.MUNICIPAL_STAFF)[0])
    project = ProjectFactory(title="Hebron draft", lead_municipality=hebron, state=Project.State.DRAFT)
    upload = SimpleUploadedFile("draft-plan.pdf", PDF, content_type="application/pdf")
    services.project_update(project=project, user=staff, data={"new_document": upload})
    topic = forum_factories.make_topic(forum=forums["staff-lounge"], poster=staff)
    attachment = Attachment.objects.create(post=topic.first_post, file=SimpleUploadedFile("lounge.pdf", PDF))
    return {"staff": staff, "document": project.documents.get(), "attachment": attachment}


@pytest.mark.django_db
def test_private_uploads_are_private_objects_that_only_the_checked_reader_reaches(client, s3, private_files):
    document, attachment = private_files["document"], private_files["attachment"]
    stored = keys(s3)
    assert f"private/{document.file.name}" in stored and f"private/{attachment.file.name}" in stored
    endpoint = s3.meta.endpoint_url
    for name in (document.file.name, attachment.file.name):  # the bucket refuses anyone without a signature
        assert anonymous_get(f"{endpoint}/{BUCKET}/private/{name}")[0] == 403
        with pytest.raises(NotImplementedError):  # and no template or API can render a working link
            default_storage.url(name)

    attachment_url = f"/ar/forum/attachment/{attachment.pk}/"
    assert client.get(document.url).status_code == 404  # the public: the draft's document does not exist
    answer = client.get(attachment_url)
    assert answer.status_code == 302 and "/accounts/login/" in answer["Location"]

    client.force_login(private_files["staff"])
    # Wagtail's disposition for the document (PDFs open in the browser), a download for the attachment.
    for url, disposition in ((document.url, document.content_disposition), (attachment_url, "lounge.pdf")):
        answer = client.get(url)
        assert answer.status_code == 302, url
        assert answer["Location"].startswith(f"{endpoint}/{BUCKET}/private/")
        assert "no-store" in answer["Cache-Control"]
        status, body, headers = anonymous_get(answer["Location"])
        assert (status, body) == (200, PDF)
        assert disposition in headers["Content-Disposition"]
