"""Follow buttons say whether you follow already: the state and the opposite action, and pressing a button does
what it says even when pressed twice (a page left open, a double click)."""

import pytest

from hub.cooperation.models import Follow
from tests.cooperation.factories import RecommendationFactory

pytestmark = pytest.mark.django_db


def _follow_form(html: str) -> str:
    start = html.index('class="follow-form"')
    return html[start : html.index("</form>", start)]


def test_a_member_sees_follow_then_you_follow_this_and_unfollow_on_a_municipality_page(client, member, hebron):
    client.force_login(member)
    page = f"/en/municipalities/{hebron.slug}/"
    form = _follow_form(client.get(page).content.decode())
    assert 'value="follow"' in form and "You follow this" not in form

    client.post(
        "/en/cooperation/follow/", {"kind": "municipality", "target": hebron.pk, "action": "follow", "next": page}
    )
    form = _follow_form(client.get(page).content.decode())
    assert "You follow this" in form and 'value="unfollow"' in form and 'value="follow"' not in form

    # The same "Follow" pressed again from a stale page does not unfollow.
    client.post(
        "/en/cooperation/follow/", {"kind": "municipality", "target": hebron.pk, "action": "follow", "next": page}
    )
    assert Follow.objects.filter(user=member, kind="municipality", target_id=hebron.pk).count() == 1

    client.post(
        "/en/cooperation/follow/", {"kind": "municipality", "target": hebron.pk, "action": "unfollow", "next": page}
    )
    assert not Follow.objects.filter(user=member).exists()
    assert 'value="follow"' in _follow_form(client.get(page).content.decode())


def test_the_arabic_page_shows_the_state_in_arabic(client, member, hebron):
    Follow.objects.create(user=member, kind="municipality", target_id=hebron.pk)
    client.force_login(member)
    form = _follow_form(client.get(f"/ar/municipalities/{hebron.slug}/").content.decode())
    assert "أنت تتابع هذا" in form and "إلغاء المتابعة" in form


def test_each_recommendation_shows_its_own_state(client, member):
    followed, other = RecommendationFactory(), RecommendationFactory()
    Follow.objects.create(user=member, kind="recommendation", target_id=followed.pk)
    client.force_login(member)
    html = client.get("/en/cooperation/recommendations/").content.decode()
    followed_part = html[html.index(f'id="{followed.slug}"') :]
    other_part = html[html.index(f'id="{other.slug}"') :]
    assert _follow_form(followed_part).count('value="unfollow"') == 1
    assert _follow_form(other_part).count('value="follow"') == 1
