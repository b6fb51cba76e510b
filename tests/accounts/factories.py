"""Factories for accounts tests: people, their verified e-mail, municipalities and staff requests."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from hub.accounts import roles
from hub.accounts.models import MembershipRequest, User

PASSWORD = "a-Good-passw0rd!"


class GovernorateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "places.Governorate"
        django_get_or_create = ("slug",)

    name_ar = "الخليل"
    name_en = "Hebron"
    slug = "hebron-governorate"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "places.Municipality"
        django_get_or_create = ("slug",)

    name_ar = factory.Sequence(lambda n: f"بلدية {n}")
    name_en = factory.Sequence(lambda n: f"Municipality {n}")
    slug = factory.Sequence(lambda n: f"municipality-{n}")
    governorate = factory.SubFactory(GovernorateFactory)


class UserFactory(factory.django.DjangoModelFactory):
    """An active member whose e-mail address is verified (as after allauth's confirmation)."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        obj.save()
        if create and extracted is not False:
            EmailAddress.objects.get_or_create(user=obj, email=obj.email, defaults={"verified": True, "primary": True})


class EditorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"editor{n}")

    @factory.post_generation
    def in_editors_group(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name=roles.MINISTRY_EDITORS))


class MembershipRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipRequest

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    job_title = "IT officer"
    message = "I run the municipality's website."
