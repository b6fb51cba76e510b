"""Each page type: where it may be created, how it renders in Arabic (RTL) and English (LTR), what search reads."""

import pytest

from hub.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PracticeIndexPage,
    PracticePage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)
from tests.hub.factories import (
    CategoryFactory,
    make_event,
    make_news,
    make_practice,
    make_story,
    publish,
    stream,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (StoryIndexPage, HomePage, True),
        (StoryPage, StoryIndexPage, True),
        (StoryPage, HomePage, False),
        (StoryPage, PracticeIndexPage, False),
        (PracticePage, PracticeIndexPage, True),
        (PracticePage, StoryIndexPage, False),
        (EventPage, EventIndexPage, True),
        (EventPage, HomePage, False),
        (NewsPage, NewsIndexPage, True),
        (NewsPage, EventIndexPage, False),
        (StandardPage, HomePage, True),
        (StandardPage, StoryIndexPage, False),
    ],
)
def test_page_types_can_only_be_created_where_they_belong(child, parent, allowed):
    assert (child in parent.allowed_subpage_models() and parent in child.allowed_parent_page_models()) is allowed


def test_each_section_index_is_a_singleton_per_home(sections):
    home = sections["stories"]["ar"].get_parent().specific
    assert not StoryIndexPage.can_create_at(home)


def test_sections_live_at_the_header_slugs_in_both_languages(client, sections):
    for slug in ("stories", "practices", "events", "news"):
        for lang, direction in (("ar", "rtl"), ("en", "ltr")):
            response = client.get(f"/{lang}/{slug}/")
            assert response.status_code == 200, (lang, slug)
            assert f'<html lang="{lang}" dir="{direction}">' in response.content.decode()


def test_a_story_renders_in_arabic_and_its_translation_in_english(client, sections):
    story = make_story(
        sections["stories"]["ar"],
        title="إطلاق البوابة",
        slug="portal-launch",
        body=stream(
            ("heading", "من الشباك إلى الشاشة"),
            ("quote", {"quote": "لم يعد المواطن ينتظر", "attribution": "مدير الوحدة"}),
            ("key_figures", [{"value": "42", "label": "خدمة"}]),
        ),
        outcomes=stream(("figures", [{"value": "60", "label": "موظفاً"}])),
    )
    translate(story, title="Portal launch", summary="English summary", lead_image_alt="A laptop")

    html = client.get("/ar/stories/portal-launch/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>إطلاق البوابة</h1>" in html
    assert '<h2 class="block-heading">من الشباك إلى الشاشة</h2>' in html
    assert "— مدير الوحدة" in html
    assert "<dt>42</dt>" in html and "<dt>60</dt>" in html
    assert 'alt="وصف الصورة"' in html and "srcset=" in html
    assert 'href="/en/stories/portal-launch/" hreflang="en"' in html
    assert 'rel="canonical" href="http://testserver/ar/stories/portal-launch/"' in html
    assert 'property="og:image"' in html

    html = client.get("/en/stories/portal-launch/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "<h1>Portal launch</h1>" in html
    assert 'alt="A laptop"' in html
    assert "language-note" not in html


def test_contact_the_team_is_for_signed_in_members_only(client, sections, django_user_model):
    make_story(sections["stories"]["ar"], slug="with-contact", contact_email="team@hebron.example.ps")
    html = client.get("/en/stories/with-contact/").content.decode()
    assert "team@hebron.example.ps" not in html
    assert "Log in to contact the team" in html
    client.force_login(django_user_model.objects.create_user("reader", "r@example.org", "x"))
    assert "mailto:team@hebron.example.ps" in client.get("/en/stories/with-contact/").content.decode()


def test_practice_event_news_and_standard_pages_render_in_both_languages(client, sections, home_pages):
    practice = make_practice(sections["practices"]["ar"], slug="security-basics", title="أساسيات الأمن")
    event = make_event(sections["events"]["ar"], slug="workshop", title="ورشة عمل", organisers="الوزارة")
    article = make_news(sections["news"]["ar"], slug="launch", title="إطلاق المركز")
    about = publish(home_pages["ar"], StandardPage(title="عن المركز", slug="about", locale=home_pages["ar"].locale))
    for page, english in ((practice, "Security basics"), (event, "Workshop"), (article, "Launch"), (about, "About")):
        translate(page, title=english)
        path = page.url_path.split("/", 2)[2]  # "/home/<path>" -> "<path>"
        ar = client.get(f"/ar/{path}").content.decode()
        en = client.get(f"/en/{path}").content.decode()
        assert f"<h1>{page.title}</h1>" in ar and 'dir="rtl"' in ar
        assert f"<h1>{english}</h1>" in en and 'dir="ltr"' in en
    html = client.get("/en/events/workshop/").content.decode()
    assert "(Asia/Hebron)" in html and "Add to calendar (.ics)" in html


def test_pages_give_search_their_type_text_and_facets(sections):
    story = make_story(
        sections["stories"]["ar"],
        category=CategoryFactory(slug="gis-planning", name_ar="نظم المعلومات الجغرافية", name_en="GIS and planning"),
        summary="خرائط رقمية",
        body=stream(("paragraph", "<p>طبقات <b>المياه</b></p>")),
        outcomes=stream(("figures", [{"value": "14", "label": "طبقة"}])),
    )
    assert StoryPage.search_source_type == "story"
    text = story.search_text()
    assert "خرائط رقمية" in text and "طبقات المياه" in text and "14 طبقة" in text and "<b>" not in text
    facets = story.search_facets()
    assert facets["category"] == "gis-planning" and facets["category_name"] == "نظم المعلومات الجغرافية"
    assert facets["municipality"] == story.municipality.slug
    assert facets["governorate"] == story.municipality.governorate.slug
    event = make_event(sections["events"]["ar"], agenda=stream(("item", {"title": "الافتتاح"})))
    assert EventPage.search_source_type == "event" and "الافتتاح" in event.search_text()
    assert PracticePage.search_source_type == "practice"
    assert NewsPage.search_source_type == "news"
    assert StandardPage.search_source_type == "page"
    assert event.search_facets() == {}


def test_home_and_story_show_published_projects(client, sections):
    from projects_db.models import Project
    from tests.projects_db.factories import ProjectFactory

    story = make_story(sections["stories"]["ar"], slug="with-projects")
    ProjectFactory(title="Online permits portal", lead_municipality=story.municipality)
    ProjectFactory(title="Unpublished draft", lead_municipality=story.municipality, state=Project.State.DRAFT)
    home = client.get("/en/").content.decode()
    assert "Online permits portal" in home and "Unpublished draft" not in home
    assert "No projects have been published yet." not in home
    html = client.get("/en/stories/with-projects/").content.decode()
    assert "Online permits portal" in html and "Unpublished draft" not in html


def test_a_published_story_becomes_a_search_document_with_its_facets(sections):
    from search.models import SearchDocument

    story = make_story(
        sections["stories"]["ar"],
        category=CategoryFactory(slug="gis-planning"),
        body=stream(("paragraph", "<p>طبقات المياه والطرق</p>")),
    )
    document = SearchDocument.objects.get(source_type="story", source_id=str(story.pk))
    assert "طبقات المياه والطرق" in document.body
    assert document.category == "gis-planning" and document.municipality == story.municipality.slug


@pytest.mark.parametrize(
    ("make", "section"), [(make_story, "stories"), (make_event, "events"), (make_practice, "practices")]
)
def test_a_lead_image_without_a_description_is_refused_on_every_page_type(sections, make, section):
    from django.core.exceptions import ValidationError

    from tests.hub.factories import make_image

    page = make(sections[section]["ar"], lead_image=make_image("lead"), lead_image_alt="وصف")
    page.full_clean()
    page.lead_image_alt = "   "
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    message = refused.value.message_dict["lead_image_alt"]
    assert len(message) == 1 and "Describe" not in message[0] and "الصورة" in message[0]  # in Arabic
