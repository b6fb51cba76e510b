"""Forum dates and numbers in the reader's language (Django's formats, hub/formats): Arabic day-month-year order on
/ar/ and in Arabic e-mails, not the English order inside Arabic ("ديسمبر 1, 2026")."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from machina.core.db.models import get_model

from forum import services
from tests.forum.conftest import topic_url

pytestmark = pytest.mark.django_db
Post = get_model("forum_conversation", "Post")
WHEN = timezone.make_aware(datetime.datetime(2026, 3, 5, 14, 30))


def test_a_topic_shows_its_dates_in_the_readers_order(client, forums, staff):
    topic = services.topic_start(forum=forums["gis"], poster=staff, subject="خرائط", content="نص", created=WHEN,
                                 notify=False)  # fmt: skip
    url = topic_url(topic)
    arabic = client.get("/ar/" + url.split("/", 2)[2]).content.decode()
    english = client.get("/en/" + url.split("/", 2)[2]).content.decode()
    assert "5 مارس 2026، 14:30" in arabic and "مارس 5, 2026" not in arabic
    assert "5 March 2026, 14:30" in english


def test_a_notification_e_mail_dates_the_posts_in_its_readers_language(
    forums, staff, member, django_capture_on_commit_callbacks
):
    topic = services.topic_start(forum=forums["gis"], poster=staff, subject="خرائط", content="نص", notify=False)
    topic.subscribers.add(member)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reply_add(topic=topic, poster=staff, content="جواب", created=WHEN)
    assert len(mail.outbox) == 1
    assert "(5 مارس 2026، 14:30)" in mail.outbox[0].body  # the member has no language set: Arabic
