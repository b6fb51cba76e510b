"""Unsubscribe links use one token scheme (hub.unsubscribe): the digest's link works, old links keep working,
and a link made for another kind of e-mail stops nothing."""

import re
from pathlib import Path

import pytest
from django.core import mail, signing

from hub import unsubscribe
from hub.cooperation import services
from hub.cooperation.models import DigestState
from hub.cooperation.tasks import send_weekly_digest
from tests.projects_db.factories import ProjectFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def _unsubscribed(user) -> bool:
    return DigestState.objects.filter(user=user, unsubscribed=True).exists()


def test_the_link_in_the_digest_stops_it(client, member, hebron, category):
    services.follow_toggle(user=member, kind="municipality", target_id=hebron.pk)
    ProjectFactory(lead_municipality=hebron, category=category)
    assert send_weekly_digest.call() == 1
    path = re.search(r"https?://[^/\s]+(/\S*/cooperation/unsubscribe/\S+/)", mail.outbox[0].body).group(1)
    assert client.get(path).status_code == 200
    assert _unsubscribed(member)


def test_a_link_sent_before_the_shared_scheme_still_works(client, member):
    old_token = signing.dumps(member.pk, salt="cooperation.digest.unsubscribe")
    assert client.get(f"/en/cooperation/unsubscribe/{old_token}/").status_code == 200
    assert _unsubscribed(member)


def test_a_forum_link_cannot_stop_the_digest(client, member):
    forum_token = unsubscribe.make_token(purpose="forum", user_id=member.pk, t=1, f=None)
    assert client.get(f"/en/cooperation/unsubscribe/{forum_token}/").status_code == 404
    assert not _unsubscribed(member)
    assert unsubscribe.read_token(forum_token, purpose="forum") == {"u": member.pk, "t": 1, "f": None}


def test_tokens_are_made_in_one_place():
    """Only hub/unsubscribe.py signs unsubscribe tokens."""
    makers = sorted(
        str(path.relative_to(ROOT))
        for app in ("hub", "projects_db", "forum", "search")
        for path in (ROOT / app).rglob("*.py")
        if "unsubscribe" in (text := path.read_text()).lower() and "signing.dumps(" in text
    )
    assert makers == ["hub/unsubscribe.py"]
