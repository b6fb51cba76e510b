"""The public list of agreements (twinning, cooperation, university partnerships, training): filters by type,
municipality and year, a page per agreement, localized dates on municipality pages, and the seed's agreements of
June 2012 in the demo."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from hub.cooperation import demo, demo_training, services
from hub.cooperation.models import Agreement
from projects_db.models import Organisation
from tests.projects_db.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def karak(db):
    return MunicipalityFactory(slug="karak", name_en="Karak", name_ar="الكرك")


@pytest.fixture
def university(db):
    return Organisation.objects.create(slug="ppu", name_ar="جامعة بوليتكنك فلسطين", name_en="Palestine Polytechnic")


def agreement(editor, *, kind, title, year, parties, organisations=()):
    return services.agreement_create(
        user=editor,
        kind=kind,
        title_ar=title,
        title_en=title,
        signed_on=datetime.date(year, 6, 12),
        parties=list(parties),
        organisations=list(organisations),
    )


def listed(client, **query) -> str:
    with translation.override("en"):
        url = reverse("cooperation:agreements")
    return client.get(url, query).content.decode()


@pytest.fixture
def three(editor, hebron, nablus, karak, university):
    return [
        agreement(editor, kind="twinning", title="Hebron–Karak twinning", year=2012, parties=[hebron, karak]),
        agreement(
            editor,
            kind="university",
            title="Hebron and the Polytechnic",
            year=2012,
            parties=[hebron],
            organisations=[university],
        ),  # fmt: skip
        agreement(editor, kind="cooperation", title="Nablus–Karak cooperation", year=2015, parties=[nablus, karak]),
    ]


def test_the_list_shows_every_agreement_and_filters_by_type_municipality_and_year(client, three):
    page = listed(client)
    assert all(title in page for title in ("Hebron–Karak twinning", "Hebron and the Polytechnic", "Nablus–Karak"))
    page = listed(client, kind="university")
    assert "Hebron and the Polytechnic" in page and "twinning" not in page.split("<h1")[1].split("result-count")[1]
    page = listed(client, municipality="nablus")
    assert "Nablus–Karak cooperation" in page and "Hebron–Karak twinning" not in page
    page = listed(client, year="2012", municipality="hebron")
    assert "Hebron–Karak twinning" in page and "Hebron and the Polytechnic" in page and "Nablus–Karak" not in page


def test_a_bad_year_says_why_and_lists_nothing(client, three):
    page = listed(client, year="12345")
    assert "Enter a year between 1900 and 2100." in page
    assert "Hebron–Karak twinning" not in page


def test_each_agreement_has_its_page_with_all_parties_and_a_localized_date(client, three):
    with translation.override("ar"):
        url = three[1].get_absolute_url()
    page = client.get(url).content.decode()
    assert "جامعة بوليتكنك فلسطين" in page and "الخليل" in page
    assert "12 يونيو 2012" in page and ">2012-06-12<" not in page
    assert client.get(url.replace(str(three[1].pk), "999999")).status_code == 404


def test_the_municipality_page_links_its_agreements_with_a_localized_date(client, three, hebron):
    with translation.override("en"):
        url = hebron.get_absolute_url()
    page = client.get(url).content.decode()
    assert three[0].get_absolute_url() in page and "Palestine Polytechnic" in page
    assert "12 June 2012" in page and ">2012-06-12<" not in page  # not the ISO date any more


def test_an_agreement_needs_a_municipality_and_a_second_party(editor, hebron, university):
    with pytest.raises(ValidationError):
        agreement(editor, kind="university", title="alone", year=2012, parties=[hebron])
    with pytest.raises(ValidationError):
        agreement(editor, kind="university", title="no town", year=2012, parties=[], organisations=[university])
    assert not Agreement.objects.exists()
    agreement(editor, kind="university", title="ok", year=2012, parties=[hebron], organisations=[university])
    assert Agreement.objects.count() == 1


def test_the_list_costs_the_same_queries_with_more_agreements(client, editor, three, django_assert_num_queries):
    listed(client)
    with django_assert_num_queries(
        6
    ) as first:  # agreements with parties, organisations, projects; two filters' choices
        listed(client)
    for n in range(5):
        agreement(
            editor,
            kind="cooperation",
            title=f"More {n}",
            year=2016 + n,
            parties=[MunicipalityFactory(), MunicipalityFactory()],
        )
    with django_assert_num_queries(len(first.captured_queries)):
        assert "More 4" in listed(client)


def test_the_demo_records_the_seeds_agreements_of_june_2012(hebron, karak):
    for _ in range(2):  # idempotent
        demo.load()
        demo_training.load()
    agreements = {a.title_en: a for a in Agreement.objects.all()}
    assert set(agreements) == {
        "Hebron–Karak twinning",
        "Tripartite agreement: Hebron as a knowledge city",
        "Cooperation between Hebron Municipality and Middle East University",
    }
    assert {a.signed_on.strftime("%Y-%m") for a in agreements.values()} == {"2012-06"}
    tripartite = agreements["Tripartite agreement: Hebron as a knowledge city"]
    assert {o.slug for o in tripartite.organisations.all()} == {"hebron-university", "ppu", "qou", "pita"}
    assert [p.slug for p in tripartite.parties.all()] == ["hebron"]
