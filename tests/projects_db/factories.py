"""Factories for projects_db tests: places, categories, organisations, projects and the people who edit them."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from hub.accounts.roles import MINISTRY_EDITORS
from hub.places.models import Governorate, Municipality
from projects_db.models import Category, Organisation, Project, ProjectOutcome


class GovernorateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Governorate
        django_get_or_create = ("slug",)

    name_en = factory.Sequence(lambda n: f"Governorate {n}")
    name_ar = factory.Sequence(lambda n: f"محافظة {n}")
    slug = factory.Sequence(lambda n: f"governorate-{n}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("slug",)

    name_en = factory.Sequence(lambda n: f"Town {n}")
    name_ar = factory.Sequence(lambda n: f"بلدة {n}")
    slug = factory.Sequence(lambda n: f"town-{n}")
    governorate = factory.SubFactory(GovernorateFactory)
    portal_url = factory.LazyAttribute(lambda o: f"https://{o.slug}.example.ps/")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name_en = factory.Sequence(lambda n: f"Category {n}")
    name_ar = factory.Sequence(lambda n: f"فئة {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    name_en = factory.Sequence(lambda n: f"Donor {n}")
    name_ar = factory.Sequence(lambda n: f"جهة مانحة {n}")
    slug = factory.Sequence(lambda n: f"donor-{n}")
    kind = Organisation.Kind.DONOR


class ProjectFactory(factory.django.DjangoModelFactory):
    """A published project by default; pass state=Project.State.DRAFT etc. for the others."""

    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Project {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    summary = "Online payment of municipal bills."
    language = "en"
    lead_municipality = factory.SubFactory(MunicipalityFactory)
    category = factory.SubFactory(CategoryFactory)
    status = Project.Status.LIVE
    start_date = datetime.date(2022, 3, 1)
    state = Project.State.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    contact_name = "Contact Person"
    contact_email = "contact@example.ps"


class OutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectOutcome

    project = factory.SubFactory(ProjectFactory)
    label = "share of bills paid online"
    value = 34
    unit = "%"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.ps")
    password = factory.PostGenerationMethodCall("set_password", "pass-1234-secret")

    @factory.post_generation
    def editor(obj, create, extracted, **kwargs):
        if extracted:
            obj.groups.add(Group.objects.get_or_create(name=MINISTRY_EDITORS)[0])
        if create:
            obj.save()


def project_url(project) -> str:
    """The project's page in Arabic (the slug may hold Arabic letters: quoted as a browser sends it)."""
    from urllib.parse import quote

    return f"/ar/projects/{quote(project.slug)}/"
