"""The demo places: every Palestinian governorate, real municipalities in both languages, Jordanian partners."""

import io

import pytest

from hub.places.models import Country, Governorate, Municipality
from projects_db import demo

pytestmark = pytest.mark.django_db


def test_demo_loads_the_sixteen_palestinian_governorates_and_two_jordanian_ones():
    demo.load_places()
    assert Governorate.objects.filter(country=Country.PALESTINE).count() == 16
    assert set(Governorate.objects.filter(country=Country.JORDAN).values_list("slug", flat=True)) == {"amman", "karak"}
    gaza_strip = {"north-gaza", "gaza", "deir-al-balah", "khan-yunis", "rafah"}
    assert gaza_strip <= set(Governorate.objects.values_list("slug", flat=True))


def test_demo_municipalities_are_named_in_arabic_and_english_and_placed():
    demo.load_places()
    palestinian = Municipality.objects.filter(is_partner=False)
    assert palestinian.count() >= 40
    hebron = Municipality.objects.select_related("governorate").get(slug="hebron")
    assert (hebron.name_ar, hebron.name_en, hebron.governorate.slug) == ("الخليل", "Hebron", "hebron")
    nablus = Municipality.objects.get(slug="nablus")
    assert nablus.name_ar == "نابلس"
    for municipality in palestinian:
        assert municipality.name_ar and municipality.name_en
        assert any("\u0600" <= ch <= "\u06ff" for ch in municipality.name_ar), municipality.slug
    # Every Palestinian governorate has at least one local authority; all three kinds appear.
    assert not Governorate.objects.filter(country=Country.PALESTINE, municipalities__isnull=True).exists()
    assert set(palestinian.values_list("kind", flat=True)) == set(Municipality.Kind.values)


def test_greater_amman_and_karak_are_partners_from_jordan():
    demo.load_places()
    partners = Municipality.objects.filter(is_partner=True).select_related("governorate")
    assert {(m.slug, m.governorate.country) for m in partners} == {("greater-amman", "JO"), ("karak", "JO")}
    assert partners.get(slug="greater-amman").name_ar == "أمانة عمّان الكبرى"


def test_loading_the_places_twice_changes_nothing_and_reports_counts():
    out = io.StringIO()
    demo.load_places(stdout=out)
    before = (Governorate.objects.count(), Municipality.objects.count())
    Municipality.objects.filter(slug="hebron").update(name_en="Changed by hand")
    demo.load_places(stdout=out)
    assert (Governorate.objects.count(), Municipality.objects.count()) == before
    assert Municipality.objects.get(slug="hebron").name_en == "Hebron"
    assert "18 governorates" in out.getvalue()


def test_the_directory_links_every_known_portal_and_says_so_where_there_is_none(client, home_pages):
    demo.load_places()
    with_portal = Municipality.objects.exclude(portal_url="")
    assert {m.slug for m in with_portal} >= {"hebron", "nablus", "ramallah", "bethlehem", "gaza", "greater-amman"}
    page = client.get("/en/municipalities/?governorate=hebron").content.decode()
    assert 'href="https://www.hebron-city.ps/"' in page
    hebron_governorate = Municipality.objects.filter(governorate__slug="hebron")
    assert page.count("No official website on record") == hebron_governorate.filter(portal_url="").count() > 0
    arabic = client.get("/ar/municipalities/dura/").content.decode()
    assert "لا يوجد موقع رسمي مسجّل" in arabic
