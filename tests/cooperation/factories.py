"""Factories for cooperation tests: award editions with criteria, nominations, recommendations, agreements."""

import datetime

import factory
from django.utils import timezone

from hub.cooperation.models import AwardCriterion, AwardEdition, Nomination, Recommendation, ResponsibleBody


def _at(days: int):
    return timezone.now() + datetime.timedelta(days=days)


class AwardEditionFactory(factory.django.DjangoModelFactory):
    """An edition whose nominations and public vote are open now; the jury scores after nominations close."""

    class Meta:
        model = AwardEdition
        django_get_or_create = ("year",)

    year = factory.Sequence(lambda n: 2030 + n)
    title_ar = factory.LazyAttribute(lambda o: f"جائزة أفضل خدمة إلكترونية {o.year}")
    title_en = factory.LazyAttribute(lambda o: f"Best e-service award {o.year}")
    call_ar = "رشّحوا خدماتكم."
    call_en = "Nominate your services."
    nominations_open = factory.LazyFunction(lambda: _at(-10))
    nominations_close = factory.LazyFunction(lambda: _at(10))
    jury_closes = factory.LazyFunction(lambda: _at(20))
    results_date = factory.LazyFunction(lambda: _at(30).date())
    vote_opens = factory.LazyFunction(lambda: _at(-5))
    vote_closes = factory.LazyFunction(lambda: _at(25))
    score_max = 10


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardCriterion

    edition = factory.SubFactory(AwardEditionFactory)
    name_ar = factory.Sequence(lambda n: f"معيار {n}")
    name_en = factory.Sequence(lambda n: f"Criterion {n}")
    weight = 1


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Nomination

    edition = factory.SubFactory(AwardEditionFactory)
    project = factory.SubFactory("tests.projects_db.factories.ProjectFactory")
    municipality = factory.LazyAttribute(lambda o: o.project.lead_municipality)
    what_it_does = "Citizens pay water bills online."
    users_count = 1200
    what_changed = "Queues at the counter went down."


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResponsibleBody
        django_get_or_create = ("slug",)

    name_ar = factory.Sequence(lambda n: f"جهة {n}")
    name_en = factory.Sequence(lambda n: f"Body {n}")
    slug = factory.Sequence(lambda n: f"body-{n}")


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation
        skip_postgeneration_save = True

    number = factory.Sequence(lambda n: n + 1)
    slug = factory.Sequence(lambda n: f"recommendation-{n}")
    title_ar = factory.Sequence(lambda n: f"توصية {n}")
    title_en = factory.Sequence(lambda n: f"Recommendation {n}")
    body = factory.SubFactory(BodyFactory)
