"""Review e-mails go out in each reader's language: one e-mail per language among the recipients."""

import re

import pytest
from django.core import mail

from hub.accounts import services as account_services
from projects_db import services
from tests.projects_db.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_editors_each_read_the_submission_in_their_language(committed, staff_hebron, editor, project_data):
    english_editor = UserFactory(username="editor-en", editor=True)
    account_services.language_set(user=english_editor, language="en")
    project = committed(services.project_create, user=staff_hebron, data=project_data)
    committed(services.project_submit, project=project, user=staff_hebron)
    subjects = {tuple(message.to): message.subject for message in mail.outbox}
    assert set(subjects) == {(editor.email,), (english_editor.email,)}
    assert "Submitted for review" in subjects[(english_editor.email,)]
    arabic = subjects[(editor.email,)]
    assert re.search("[\u0600-\u06ff]", arabic.split("]", 1)[1]) and "Submitted" not in arabic


def test_review_e_mails_link_to_the_public_address(committed, staff_hebron, editor, project_data, settings):
    settings.SITE_URL = "https://hub.example.ps"
    project = committed(services.project_create, user=staff_hebron, data=project_data)
    committed(services.project_submit, project=project, user=staff_hebron)
    assert f"https://hub.example.ps{project.get_absolute_url()}" in mail.outbox[-1].body
