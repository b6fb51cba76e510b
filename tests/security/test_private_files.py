"""Files that are not public: documents of unpublished projects and forum attachments live in the private media
folder (never under MEDIA_ROOT, which the web server serves), and each download goes through a view that checks
the reader's right. Roles × document and attachment URLs; tests/security/test_private_files_served.py repeats the
three paths of issue 10 through a real gunicorn (and nginx when installed)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from machina.core.db.models import get_model

from hub.accounts import roles
from projects_db import services
from projects_db.models import Project
from tests.forum import factories as forum_factories
from tests.projects_db.factories import MunicipalityFactory, ProjectFactory, UserFactory

Attachment = get_model("forum_attachments", "Attachment")
pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member", "staff_nablus", "staff_hebron", "editor", "moderator", "admin"]
PDF = b"%PDF-1.4\n% hebron draft plan\n%%EOF\n"


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def people(db):
    """Hebron and Nablus with a staff member each (in the Municipal staff group, as verification makes them), an
    editor, a forum moderator, a plain member and an administrator."""
    from hub.services import cms_ensure_workflow

    cms_ensure_workflow()  # the staff group's admin access and document "choose" permission, as on the site
    hebron = MunicipalityFactory(slug="hebron", name_en="Hebron")
    nablus = MunicipalityFactory(slug="nablus", name_en="Nablus")
    staff_group = Group.objects.get(name=roles.MUNICIPAL_STAFF)
    users = {
        "member": UserFactory(username="member"),
        "staff_hebron": UserFactory(username="staff-hebron", municipality=hebron),
        "staff_nablus": UserFactory(username="staff-nablus", municipality=nablus),
        "editor": UserFactory(username="editor", editor=True),
        "moderator": UserFactory(username="moderator"),
        "admin": get_user_model().objects.create_superuser("root", "root@example.ps", "pass-1234-secret"),
    }
    users["staff_hebron"].groups.add(staff_group)
    users["staff_nablus"].groups.add(staff_group)
    users["moderator"].groups.add(Group.objects.get_or_create(name=roles.FORUM_MODERATORS)[0])
    return {"hebron": hebron, "nablus": nablus, **users}


@pytest.fixture
def draft_document(people):
    """Hebron's staff attach a PDF to their draft project through the project service."""
    project = ProjectFactory(title="Hebron draft", lead_municipality=people["hebron"], state=Project.State.DRAFT)
    upload = SimpleUploadedFile("hebron-draft-plan.pdf", PDF, content_type="application/pdf")
    services.project_update(project=project, user=people["staff_hebron"], data={"new_document": upload})
    return project, project.documents.get()


def as_role(client, people, role):
    if role != "anonymous":
        client.force_login(people[role])
    return client


def test_project_documents_are_stored_in_the_private_folder(draft_document):
    _, document = draft_document
    path = Path(document.file.path)
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT)) and path.read_bytes() == PDF
    assert not (Path(settings.MEDIA_ROOT) / document.file.name).exists()  # nothing at /media/documents/<name>
    assert not Path(settings.PRIVATE_MEDIA_ROOT).is_relative_to(Path(settings.MEDIA_ROOT))


def test_project_images_stay_public_media(people):
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (800, 600), "white").save(buffer, "PNG")
    project = ProjectFactory(title="Hebron live", lead_municipality=people["hebron"])
    upload = SimpleUploadedFile("hebron-photo.png", buffer.getvalue(), content_type="image/png")
    services.project_update(project=project, user=people["editor"], data={"new_image": upload})
    image = project.images.get()
    assert Path(image.file.path).is_relative_to(Path(settings.MEDIA_ROOT))
    assert image.file.url.startswith(settings.MEDIA_URL)


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_projects_document_is_served_only_to_its_staff_and_editors(client, people, draft_document, role):
    _, document = draft_document
    response = as_role(client, people, role).get(document.url)
    if role in ("staff_hebron", "editor", "admin"):
        assert response.status_code == 200 and body(response) == PDF
    else:
        assert response.status_code == 404  # the public does not learn that the document exists


@pytest.mark.parametrize("role", ROLES)
def test_once_the_project_is_published_its_document_is_public(client, people, draft_document, role):
    project, document = draft_document
    services.project_publish(project=project, user=people["editor"])
    response = as_role(client, people, role).get(document.url)
    assert response.status_code == 200 and body(response) == PDF


@pytest.mark.parametrize("role", ["anonymous", "staff_nablus", "staff_hebron", "editor"])
def test_a_document_proposed_with_a_pending_change_stays_private_until_approved(client, people, role):
    project = ProjectFactory(title="Hebron live", lead_municipality=people["hebron"])
    upload = SimpleUploadedFile("hebron-new-annex.pdf", PDF, content_type="application/pdf")
    services.project_update(project=project, user=people["staff_hebron"], data={"new_document": upload})
    assert not project.documents.filter(title="hebron-new-annex.pdf").exists()  # waits in the pending change
    from wagtail.documents import get_document_model

    document = get_document_model().objects.get(title="hebron-new-annex.pdf")
    status = as_role(client, people, role).get(document.url).status_code
    assert status == (200 if role in ("staff_hebron", "editor") else 404)


@pytest.mark.parametrize("role", ["staff_nablus", "staff_hebron", "editor"])
def test_the_admin_document_chooser_lists_a_draft_projects_document_only_to_those_who_may_read_it(
    client, people, draft_document, role
):
    from wagtail.documents import get_document_model

    get_document_model().objects.create(title="public-guide.pdf", file=SimpleUploadedFile("public-guide.pdf", PDF))
    response = as_role(client, people, role).get("/admin/documents/chooser/")
    html = response.content.decode()
    assert response.status_code == 200 and "public-guide.pdf" in html
    assert ("hebron-draft-plan.pdf" in html) is (role != "staff_nablus")


@pytest.mark.parametrize("role", ["staff_nablus", "staff_hebron"])
def test_the_admin_chosen_answer_does_not_name_a_hidden_document(client, people, draft_document, role):
    _, document = draft_document
    client = as_role(client, people, role)
    chooser = "/admin/documents/chooser"
    for url in (f"{chooser}/chosen/{document.pk}/", f"{chooser}/chosen-multiple/?id={document.pk}"):
        response = client.get(url)
        assert (response.status_code == 200) is (role == "staff_hebron"), url
        assert ("hebron-draft-plan.pdf" in response.content.decode()) is (role == "staff_hebron"), url


# --- Forum attachments ----------------------------------------------------------------------------------------


def attach(post, name: str) -> "Attachment":
    return Attachment.objects.create(post=post, file=SimpleUploadedFile(name, PDF), comment="")


@pytest.fixture
def lounge_attachment(forums, people):
    """A file attached to a post in the staff lounge, a forum the public and members may not read."""
    from forum import services as forum_services

    for role in ("staff_hebron", "staff_nablus", "member", "editor", "moderator"):
        forum_services.sync_user_groups(user=people[role])  # as sign-up and verification do
    topic = forum_factories.make_topic(forum=forums["staff-lounge"], poster=people["staff_hebron"])
    return attach(topic.first_post, "lounge-budget.pdf")


def test_forum_attachments_are_stored_in_the_private_folder(lounge_attachment):
    path = Path(lounge_attachment.file.path)
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT)) and path.read_bytes() == PDF
    assert not (Path(settings.MEDIA_ROOT) / lounge_attachment.file.name).exists()


@pytest.mark.parametrize("role", ROLES)
def test_a_staff_lounge_attachment_is_served_only_to_readers_of_the_lounge(client, people, lounge_attachment, role):
    response = as_role(client, people, role).get(reverse("forum_conversation:attachment", args=[lounge_attachment.pk]))
    if role in ("staff_hebron", "staff_nablus", "editor", "moderator", "admin"):
        assert response.status_code == 200 and body(response) == PDF
        assert response["Content-Disposition"].startswith("attachment")
    elif role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ["anonymous", "member", "author", "moderator"])
def test_the_attachment_of_a_post_waiting_for_approval_is_served_only_to_author_and_moderators(
    client, forums, people, role
):
    from forum import services as forum_services

    author = forum_factories.make_member(username="newcomer")
    for user in (author, people["member"], people["moderator"]):
        forum_services.sync_user_groups(user=user)
    topic = forum_factories.make_topic(forum=forums["gis"], poster=author, approved=False)
    attachment = attach(topic.first_post, "pending-plan.pdf")
    if role == "author":
        client.force_login(author)
    else:
        as_role(client, people, role)
    response = client.get(reverse("forum_conversation:attachment", args=[attachment.pk]))
    assert (response.status_code == 200) is (role in ("author", "moderator"))


# --- Existing files move out of MEDIA_ROOT ----------------------------------------------------------------------


def test_move_private_media_moves_documents_and_attachments_and_keeps_images(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    files = {
        "documents/plan.pdf": b"plan",
        "machina/attachments/a/notes.pdf": b"notes",
        "original_images/photo.png": b"photo",
    }
    for name, data in files.items():
        (settings.MEDIA_ROOT / name).parent.mkdir(parents=True, exist_ok=True)
        (settings.MEDIA_ROOT / name).write_bytes(data)
    call_command("move_private_media")
    assert (settings.PRIVATE_MEDIA_ROOT / "documents/plan.pdf").read_bytes() == b"plan"
    assert (settings.PRIVATE_MEDIA_ROOT / "machina/attachments/a/notes.pdf").read_bytes() == b"notes"
    assert not (settings.MEDIA_ROOT / "documents/plan.pdf").exists()
    assert (settings.MEDIA_ROOT / "original_images/photo.png").read_bytes() == b"photo"  # public stays public
    # A second run has nothing to do; a different file already at the destination is never overwritten.
    (settings.MEDIA_ROOT / "documents/plan.pdf").write_bytes(b"another plan")
    with pytest.raises(SystemExit):
        call_command("move_private_media")
    assert (settings.PRIVATE_MEDIA_ROOT / "documents/plan.pdf").read_bytes() == b"plan"
    assert (settings.MEDIA_ROOT / "documents/plan.pdf").read_bytes() == b"another plan"
