"""Accepted answers, e-mail notifications (throttled, one-click unsubscribe), mentions, digests and reports."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from forum import tasks
from forum.models import PendingNotification, PostReport
from tests.forum import factories
from tests.forum.conftest import topic_url

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture(autouse=True)
def run_on_commit(django_capture_on_commit_callbacks, monkeypatch):
    """Tasks start on commit; run them as the writes of each test commit."""
    real = factories.make_reply

    def reply_and_commit(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return real(**kwargs)

    monkeypatch.setattr(factories, "make_reply", reply_and_commit)


@pytest.fixture
def question(forums, staff):
    return factories.make_topic(forum=forums["e-payment"], poster=staff, subject="Bank reconciliation")


def test_asker_marks_the_reply_that_solved_it_and_the_list_shows_solved(client, forums, staff, member, question):
    reply = factories.make_reply(topic=question, poster=member, content="Match on the bank reference number.")
    client.force_login(staff)
    client.post(reverse("hub_forum:mark_solution", args=[reply.pk]))
    page = client.get(topic_url(question)).content.decode()
    assert "Match on the bank reference number." in page.split('class="accepted-answer"', 1)[1]
    forum = forums["e-payment"]
    listing = client.get(reverse("forum:forum", args=[forum.slug, forum.pk])).content.decode()
    assert "badge--solved" in listing
    unsolved = client.get(reverse("forum:forum", args=[forum.slug, forum.pk]) + "?unsolved=1").content.decode()
    assert "Bank reconciliation" not in unsolved


def test_another_member_cannot_mark_the_answer(client, question, member):
    reply = factories.make_reply(topic=question, poster=member)
    other = factories.make_member(username="other")
    client.force_login(other)
    assert client.post(reverse("hub_forum:mark_solution", args=[reply.pk])).status_code == 404
    assert not hasattr(question, "solution") or question.solution is None


def test_moderator_marking_an_answer_is_logged(client, question, member, moderator):
    reply = factories.make_reply(topic=question, poster=member)
    client.force_login(moderator)
    client.post(reverse("hub_forum:mark_solution", args=[reply.pk]))
    assert ModelLogEntry.objects.for_instance(reply).filter(action="forum.mark_solution", user=moderator).exists()


def test_asker_gets_one_email_per_topic_in_ten_minutes_with_an_unsubscribe_link(client, question, staff, member):
    mail.outbox.clear()
    factories.make_reply(topic=question, poster=member, content="first")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [staff.email]
    factories.make_reply(topic=question, poster=member, content="second")
    assert len(mail.outbox) == 1  # throttled
    PendingNotification.objects.filter(sent_at__isnull=False).update(sent_at=timezone.now() - timedelta(minutes=11))
    assert tasks.send_due_notifications.call() == 1
    assert "second" in mail.outbox[1].body
    link = [line for line in mail.outbox[1].body.splitlines() if "/unsubscribe/" in line][0].strip()
    path = link.split("testserver", 1)[1]
    assert client.get(path).status_code == 200
    assert not question.subscribers.filter(pk=staff.pk).exists()
    factories.make_reply(topic=question, poster=member, content="third")
    assert len(mail.outbox) == 2


def test_a_post_saved_by_a_script_is_only_indexed(question, staff, member):
    """The rules for a new post belong to the site's forms (forum.services.post_created), not to every save."""
    from machina.core.db.models import get_model

    from search.models import SearchDocument

    mail.outbox.clear()
    post = get_model("forum_conversation", "Post").objects.create(
        topic=question, poster=member, subject="Re", content="imported from the old mailing list", approved=True
    )
    assert SearchDocument.objects.filter(source_type="forum_post", source_id=str(post.pk)).exists()
    assert not question.subscribers.filter(pk=member.pk).exists()
    assert not PendingNotification.objects.filter(post=post).exists() and mail.outbox == []
    assert question.subscribers.filter(pk=staff.pk).exists()  # the asker, who posted through the form


def test_a_reply_through_the_form_subscribes_its_author_and_tells_the_asker(
    client, question, staff, django_capture_on_commit_callbacks
):
    from tests.forum.conftest import form_data, reply_url

    colleague = factories.make_staff(username="staff-nablus")
    mail.outbox.clear()
    client.force_login(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reply_url(question), form_data(subject="Re", content="Use the bank's reference."))
    assert response.status_code == 302
    assert question.subscribers.filter(pk=colleague.pk).exists()
    assert [m.to for m in mail.outbox] == [[staff.email]]


def _prefers(user, language):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_a_notification_is_written_in_the_language_each_person_chose(question, staff, member):
    _prefers(staff, "en")
    reader = factories.make_member(username="reader-ar")
    question.subscribers.add(reader)
    mail.outbox.clear()
    factories.make_reply(topic=question, poster=member, content="first")
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert by_recipient[staff.email].subject == "New replies in “Bank reconciliation”"
    assert "Read the topic:" in by_recipient[staff.email].body
    assert by_recipient[reader.email].subject == "ردود جديدة في «Bank reconciliation»"  # no preference: Arabic
    assert "اقرأ الموضوع:" in by_recipient[reader.email].body


def test_the_daily_digest_is_written_in_the_readers_language(question, staff, member):
    from forum import services

    _prefers(staff, "en")
    services.set_daily_digest(user=staff, daily_digest=True)
    mail.outbox.clear()
    factories.make_reply(topic=question, poster=member, content="one")
    assert tasks.send_daily_digests.call() == 1
    assert mail.outbox[0].subject == "Your daily forum digest"


def test_an_unsubscribe_link_sent_before_the_shared_scheme_still_works(client, question, staff):
    from django.core import signing

    old_token = signing.dumps({"u": staff.pk, "t": question.pk, "f": None}, salt="forum.unsubscribe")
    assert client.get(reverse("hub_forum:unsubscribe", args=[old_token])).status_code == 200
    assert not question.subscribers.filter(pk=staff.pk).exists()


def test_a_tampered_unsubscribe_link_changes_nothing(client, question, staff):
    assert client.get(reverse("hub_forum:unsubscribe", args=["forged-token"])).status_code == 400
    assert question.subscribers.filter(pk=staff.pk).exists()


def test_mentioned_member_is_told(question, member):
    mail.outbox.clear()
    other = factories.make_member(username="nadia")
    factories.make_reply(topic=question, poster=member, content="@nadia what do you think?")
    assert other.email in [m.to[0] for m in mail.outbox]


def test_digest_readers_get_one_daily_email(question, staff, member):
    from forum import services

    services.set_daily_digest(user=staff, daily_digest=True)
    mail.outbox.clear()
    factories.make_reply(topic=question, poster=member, content="one")
    factories.make_reply(topic=question, poster=member, content="two")
    assert mail.outbox == []
    assert tasks.send_daily_digests.call() == 1
    assert tasks.send_daily_digests.call() == 0  # idempotent
    assert len(mail.outbox) == 1


def test_three_reports_hide_a_post_until_a_moderator_reviews_it(client, forums, question, member, moderator):
    reply = factories.make_reply(topic=question, poster=member, content="buy cheap pills")
    for n in range(3):
        client.force_login(factories.make_member(username=f"reporter{n}"))
        client.post(reverse("hub_forum:report_post", args=[reply.pk]), {"reason": "spam"})
    reply.refresh_from_db()
    assert reply.approved is False
    assert "buy cheap pills" not in client.get(topic_url(question)).content.decode()
    client.force_login(moderator)
    assert "buy cheap pills" in client.get(reverse("hub_forum:reports")).content.decode()
    queue = client.get(reverse("forum_moderation:queue")).content.decode()
    assert "3 بلاغات مفتوحة" in queue  # the open reports lead the moderation queue
    client.post(reverse("forum_moderation:approve_queued_post", args=[reply.pk]))
    reply.refresh_from_db()
    assert reply.approved is True
    assert not PostReport.objects.filter(post=reply, resolved_at=None).exists()
    log = ModelLogEntry.objects.for_instance(reply)
    assert log.filter(action="forum.hide_reported", user=None).exists()  # hidden by the third report
    assert log.filter(action="forum.approve_post", user=moderator).exists()


def test_empty_report_is_refused(client, question, member):
    client.force_login(member)
    response = client.post(reverse("hub_forum:report_post", args=[question.first_post_id]), {"reason": ""})
    assert response.status_code == 200 and not PostReport.objects.exists()


def test_new_member_limits(client, forums, member, settings):
    from tests.forum.conftest import form_data, new_topic_url

    settings.FORUM_MIN_SECONDS_BETWEEN_POSTS = 0
    client.force_login(member)
    links = "https://a.example https://b.example https://c.example"
    response = client.post(new_topic_url(forums["gis"]), form_data(subject="links", content=links))
    assert "يمكن للأعضاء الجدد وضع رابطين على الأكثر في المشاركة." in response.content.decode()
    for n in range(3):
        client.post(new_topic_url(forums["gis"]), form_data(subject=f"topic {n}", content="hi"))
    response = client.post(new_topic_url(forums["gis"]), form_data(subject="topic 4", content="hi"))
    assert "يمكن للأعضاء الجدد بدء 3 مواضيع على الأكثر في يومهم الأول." in response.content.decode()
    from machina.core.db.models import get_model

    assert get_model("forum_conversation", "Topic").objects.filter(poster=member).count() == 3


def test_thirty_seconds_between_posts(client, forums, staff):
    from tests.forum.conftest import form_data, new_topic_url

    client.force_login(staff)
    client.post(new_topic_url(forums["gis"]), form_data(subject="first", content="hi"))
    response = client.post(new_topic_url(forums["gis"]), form_data(subject="second", content="hi"))
    assert "يرجى الانتظار 30 ثانية بين مشاركتين." in response.content.decode()
