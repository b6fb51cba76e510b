"""Factories for the CMS tests: places and people with factory_boy, Wagtail pages with small builders."""

from __future__ import annotations

import datetime
import io
import json

import factory
from django.core.files.images import ImageFile
from django.utils import timezone


class GovernorateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "places.Governorate"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"gov-{n}")
    name_en = factory.Sequence(lambda n: f"Governorate {n}")
    name_ar = factory.Sequence(lambda n: f"محافظة {n}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "places.Municipality"
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"town-{n}")
    name_en = factory.Sequence(lambda n: f"Town {n}")
    name_ar = factory.Sequence(lambda n: f"بلدة {n}")
    governorate = factory.SubFactory(GovernorateFactory)


class CategoryFactory(factory.django.DjangoModelFactory):
    """A project category (stories use the same list)."""

    class Meta:
        model = "projects_db.Category"
        django_get_or_create = ("slug",)

    slug = "portal-services"
    name_en = "Portal and online services"
    name_ar = "البوابة والخدمات الإلكترونية"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.User"
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "pass-for-tests-1")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        from django.contrib.auth.models import Group

        for name in extracted or []:
            self.groups.add(Group.objects.get_or_create(name=name)[0])
        if create:
            self.save(update_fields=["password"])  # the hashed password set by the `password` declaration


def make_image(title: str = "picture", size: tuple[int, int] = (800, 450)):
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PILImage.new("RGB", size, (20, 100, 60)).save(buffer, format="PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def stream(*blocks) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def publish(index, page):
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_story(index, *, municipality=None, image=None, **fields):
    from hub.models import StoryPage

    n = StoryPage.objects.count() + 1
    defaults = {
        "title": f"قصة {n}",
        "slug": f"story-{n}",
        "summary": "ملخص القصة",
        "category": fields.pop("category", None) or CategoryFactory(),
        "date": datetime.date(2024, 5, 1),
        "municipality": municipality or MunicipalityFactory(),
        "lead_image": image or make_image(f"story-{n}"),
        "lead_image_alt": "وصف الصورة",
        "body": stream(("heading", "عنوان"), ("paragraph", "<p>فقرة</p>")),
        "locale": index.locale,
    }
    return publish(index, StoryPage(**(defaults | fields)))


def make_practice(index, **fields):
    from hub.models import PracticePage

    n = PracticePage.objects.count() + 1
    defaults = {"title": f"ممارسة {n}", "slug": f"practice-{n}", "summary": "ملخص", "locale": index.locale}
    return publish(index, PracticePage(**(defaults | fields)))


def make_event(index, *, days: int = 10, **fields):
    from hub.models import EventPage

    n = EventPage.objects.count() + 1
    start = timezone.now() + datetime.timedelta(days=days)
    defaults = {
        "title": f"فعالية {n}",
        "slug": f"event-{n}",
        "summary": "ملخص",
        "start": start,
        "end": start + datetime.timedelta(hours=3),
        "venue": "الخليل",
        "locale": index.locale,
    }
    return publish(index, EventPage(**(defaults | fields)))


def make_news(index, **fields):
    from hub.models import NewsPage

    n = NewsPage.objects.count() + 1
    defaults = {"title": f"خبر {n}", "slug": f"news-{n}", "summary": "ملخص", "locale": index.locale}
    return publish(index, NewsPage(**(defaults | fields)))


def translate(page, **fields):
    from wagtail.models import Locale

    translation = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=False, alias=False)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific
