"""Forum posts reach the site search: approved posts only, with the forum they belong to."""

import pytest
from django.contrib.auth.models import AnonymousUser

from forum import selectors
from search.models import SearchDocument
from tests.forum import factories

pytestmark = pytest.mark.django_db


def docs(post):
    return SearchDocument.objects.filter(source_type="forum_post", source_id=str(post.pk))


def test_an_approved_post_is_indexed_with_its_forum(forums, staff):
    topic = factories.make_topic(forum=forums["e-payment"], poster=staff, subject="تسوية المدفوعات", content="البنك")
    doc = docs(topic.first_post).get()
    assert doc.visibility == "forum" and doc.forum_ids == [forums["e-payment"].pk]
    assert doc.language == "ar" and "تسوية" in doc.title


def test_a_post_waiting_for_approval_is_not_indexed_until_approved(forums, member):
    topic = factories.make_topic(forum=forums["gis"], poster=member, approved=False)
    post = topic.first_post
    assert not docs(post).exists()
    post.approved = True
    post.save()
    assert docs(post).exists()


def test_deleted_and_moved_posts_follow_in_the_index(forums, staff):
    topic = factories.make_topic(forum=forums["gis"], poster=staff)
    reply = factories.make_reply(topic=topic, poster=staff, content="second")
    topic.forum = forums["staff-lounge"]
    topic.save()
    assert docs(reply).get().forum_ids == [forums["staff-lounge"].pk]
    reply.delete()
    assert not docs(reply).exists()


def test_staff_lounge_posts_are_only_for_readers_of_the_lounge(forums, staff, member):
    topic = factories.make_topic(forum=forums["staff-lounge"], poster=staff)
    forum_id = docs(topic.first_post).get().forum_ids[0]
    assert forum_id in selectors.readable_forum_ids(staff)
    assert forum_id not in selectors.readable_forum_ids(member)
    assert forum_id not in selectors.readable_forum_ids(AnonymousUser())


def test_forum_search_address_leads_to_the_site_search(client, forums):
    response = client.get("/ar/forum/search/?q=بنك")
    assert response.status_code == 302
    assert "/search/" in response["Location"] and "type=forum_post" in response["Location"]


def test_haystack_builds_no_index_of_its_own(settings):
    assert "haystack" not in settings.INSTALLED_APPS  # importable for machina, but no app, no index
    from search import registry

    assert "forum_post" in {a.source_type for a in registry.all_adapters()}


def test_site_search_shows_a_lounge_post_to_staff_only(client, forums, staff, member):
    factories.make_topic(forum=forums["staff-lounge"], poster=staff, subject="خطة النسخ الاحتياطي", content="سري")
    factories.make_topic(forum=forums["e-payment"], poster=staff, subject="خطة الدفع الإلكتروني", content="عام")
    url = "/ar/search/?q=خطة"
    public_page = client.get(url).content.decode()
    assert "الدفع" in public_page and "النسخ الاحتياطي" not in public_page
    client.force_login(member)
    assert "النسخ الاحتياطي" not in client.get(url).content.decode()
    client.force_login(staff)
    assert "النسخ الاحتياطي" in client.get(url).content.decode()


def test_a_post_carries_the_municipality_of_the_staff_who_started_the_topic(forums, staff, member):
    topic = factories.make_topic(forum=forums["gis"], poster=staff, subject="طبقات نظم المعلومات الجغرافية")
    reply = factories.make_reply(topic=topic, poster=member, content="نستخدم خوادم الخرائط المفتوحة")
    doc = docs(reply).get()
    assert (doc.municipality, doc.municipality_name) == ("hebron", "الخليل")
    assert (doc.governorate, doc.governorate_name) == ("hebron", "الخليل")
    english = factories.make_topic(forum=forums["gis"], poster=staff, subject="Shared map layers", content="We use")
    assert docs(english.first_post).get().municipality_name == "Hebron"  # named in the document's language
    asked_by_a_member = factories.make_topic(forum=forums["gis"], poster=member, subject="Maps", approved=True)
    assert docs(asked_by_a_member.first_post).get().municipality == ""
