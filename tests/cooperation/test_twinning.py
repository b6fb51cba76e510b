"""Twinning agreements appear on both municipalities' pages, with the e-readiness panel."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from hub.cooperation import demo, services
from hub.cooperation.models import Agreement
from tests.projects_db.factories import MunicipalityFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def karak(db):
    return MunicipalityFactory(slug="karak", name_en="Karak", name_ar="الكرك", is_partner=True)


def test_the_twinning_shows_on_both_municipalities_pages(client, editor, hebron, karak, category):
    ProjectFactory(lead_municipality=hebron, category=category, status="live")
    services.agreement_create(
        user=editor,
        kind="twinning",
        title_ar="توأمة الخليل والكرك",
        title_en="Hebron–Karak twinning",
        signed_on=datetime.date(2013, 4, 20),
        parties=[hebron, karak],
        aims_en="Exchange experience",
    )
    with translation.override("en"):
        hebron_url, karak_url = hebron.get_absolute_url(), karak.get_absolute_url()
    hebron_page = client.get(hebron_url).content.decode()
    karak_page = client.get(karak_url).content.decode()
    assert "Hebron–Karak twinning" in hebron_page and "Hebron–Karak twinning" in karak_page
    assert karak_url in hebron_page and hebron_url in karak_page  # each links to its partner
    assert "Services online" in hebron_page


def test_an_agreement_needs_two_parties_and_an_editor(editor, member, hebron):
    with pytest.raises(ValidationError):
        services.agreement_create(
            user=editor,
            kind="twinning",
            title_ar="x",
            title_en="x",
            signed_on=datetime.date(2020, 1, 1),
            parties=[hebron],
        )
    with pytest.raises(PermissionDenied):
        services.agreement_create(
            user=member,
            kind="twinning",
            title_ar="x",
            title_en="x",
            signed_on=datetime.date(2020, 1, 1),
            parties=[hebron, hebron],
        )
    assert not Agreement.objects.exists()


def test_the_demo_twins_hebron_and_karak(hebron, karak):
    demo.load()
    demo.load()
    agreement = Agreement.objects.get()
    assert {p.slug for p in agreement.parties.all()} == {"hebron", "karak"}


def test_the_municipality_page_query_count_does_not_grow_with_agreements(
    client, editor, hebron, django_assert_max_num_queries
):
    services.agreement_create(
        user=editor,
        kind="twinning",
        title_ar="توأمة",
        title_en="Twinning",
        signed_on=datetime.date(2019, 1, 1),
        parties=[hebron, MunicipalityFactory()],
    )
    url = hebron.get_absolute_url()
    client.get(url)
    with django_assert_max_num_queries(20) as first:
        client.get(url)
    for n in range(4):
        partner = MunicipalityFactory()
        services.agreement_create(
            user=editor,
            kind="cooperation",
            title_ar=f"اتفاقية {n}",
            title_en=f"Agreement {n}",
            signed_on=datetime.date(2020, 1, n + 1),
            parties=[hebron, partner],
        )
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert client.get(url).status_code == 200
