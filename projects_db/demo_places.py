"""Demo places: the 16 Palestinian governorates, real local authorities in each, and two Jordanian partners.

Names are the usual Arabic and English forms. Populations are approximate (rounded, after the 2017 PCBS
census) and coordinates point at the town centre; both are for the demo, not for publication. A portal
address is given only where the municipality's official domain is well known (eight of them); the rest stay
blank rather than carry a guessed domain, and the directory says "No official website on record" for them.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from hub.places import selectors as places
from hub.places import services
from hub.places.models import Country, Municipality

M = Municipality.Kind.MUNICIPALITY
V = Municipality.Kind.VILLAGE_COUNCIL
J = Municipality.Kind.JOINT_COUNCIL

# slug, English, Arabic, country
GOVERNORATES = [
    # West Bank (11)
    ("jenin", "Jenin", "جنين", Country.PALESTINE),
    ("tubas", "Tubas and Northern Valleys", "طوباس والأغوار الشمالية", Country.PALESTINE),
    ("tulkarm", "Tulkarm", "طولكرم", Country.PALESTINE),
    ("nablus", "Nablus", "نابلس", Country.PALESTINE),
    ("qalqilya", "Qalqilya", "قلقيلية", Country.PALESTINE),
    ("salfit", "Salfit", "سلفيت", Country.PALESTINE),
    ("ramallah-and-al-bireh", "Ramallah and Al-Bireh", "رام الله والبيرة", Country.PALESTINE),
    ("jericho", "Jericho and Al-Aghwar", "أريحا والأغوار", Country.PALESTINE),
    ("jerusalem", "Jerusalem", "القدس", Country.PALESTINE),
    ("bethlehem", "Bethlehem", "بيت لحم", Country.PALESTINE),
    ("hebron", "Hebron", "الخليل", Country.PALESTINE),
    # Gaza Strip (5)
    ("north-gaza", "North Gaza", "شمال غزة", Country.PALESTINE),
    ("gaza", "Gaza", "غزة", Country.PALESTINE),
    ("deir-al-balah", "Deir al-Balah", "دير البلح", Country.PALESTINE),
    ("khan-yunis", "Khan Yunis", "خان يونس", Country.PALESTINE),
    ("rafah", "Rafah", "رفح", Country.PALESTINE),
    # Partners from Jordan
    ("amman", "Amman", "عمّان", Country.JORDAN),
    ("karak", "Karak", "الكرك", Country.JORDAN),
]

# slug, English, Arabic, governorate slug, kind, approximate population, latitude, longitude, portal
MUNICIPALITIES = [
    # Hebron
    ("hebron", "Hebron", "الخليل", "hebron", M, 201_000, "31.5326", "35.0998", "https://www.hebron-city.ps/"),
    ("dura", "Dura", "دورا", "hebron", M, 39_000, "31.5069", "35.0286", ""),
    ("yatta", "Yatta", "يطا", "hebron", M, 64_000, "31.4459", "35.0897", ""),
    ("halhul", "Halhul", "حلحول", "hebron", M, 27_000, "31.5800", "35.0989", ""),
    ("bani-naim", "Bani Na'im", "بني نعيم", "hebron", M, 25_000, "31.5158", "35.1642", ""),
    ("beit-ummar", "Beit Ummar", "بيت أمر", "hebron", M, 17_000, "31.6206", "35.1036", ""),
    ("sair", "Sa'ir", "سعير", "hebron", M, 22_000, "31.5786", "35.1436", ""),
    ("adh-dhahiriya", "Adh-Dhahiriya", "الظاهرية", "hebron", M, 36_000, "31.4097", "34.9711", ""),
    ("as-samu", "As-Samu", "السموع", "hebron", M, 25_000, "31.4006", "35.0689", ""),
    (
        "jsc-hebron-bethlehem",
        "Joint Services Council for Solid Waste Management, Hebron and Bethlehem",
        "مجلس الخدمات المشترك لإدارة النفايات الصلبة لمحافظتي الخليل وبيت لحم",
        "hebron",
        J,
        None,
        None,
        None,
        "",
    ),
    # Bethlehem
    (
        "bethlehem",
        "Bethlehem",
        "بيت لحم",
        "bethlehem",
        M,
        29_000,
        "31.7054",
        "35.2024",
        "https://www.bethlehem-city.org/",
    ),
    ("beit-jala", "Beit Jala", "بيت جالا", "bethlehem", M, 13_000, "31.7150", "35.1870", ""),
    ("beit-sahour", "Beit Sahour", "بيت ساحور", "bethlehem", M, 13_000, "31.7050", "35.2260", ""),
    ("al-khader", "Al-Khader", "الخضر", "bethlehem", M, 12_000, "31.6920", "35.1660", ""),
    ("tuqu", "Tuqu'", "تقوع", "bethlehem", M, 11_000, "31.6360", "35.2150", ""),
    ("battir", "Battir", "بتير", "bethlehem", V, 4_500, "31.7280", "35.1370", ""),
    ("wadi-fukin", "Wadi Fukin", "وادي فوكين", "bethlehem", V, 1_300, "31.7040", "35.1030", ""),
    ("al-walaja", "Al-Walaja", "الولجة", "bethlehem", V, 2_700, "31.7310", "35.1570", ""),
    # Jerusalem
    ("abu-dis", "Abu Dis", "أبو ديس", "jerusalem", M, 12_500, "31.7620", "35.2650", ""),
    ("al-eizariya", "Al-Eizariya", "العيزرية", "jerusalem", M, 22_000, "31.7710", "35.2660", ""),
    ("al-ram", "Al-Ram", "الرام", "jerusalem", M, None, "31.8490", "35.2330", ""),
    # Ramallah and Al-Bireh
    (
        "ramallah",
        "Ramallah",
        "رام الله",
        "ramallah-and-al-bireh",
        M,
        39_000,
        "31.9038",
        "35.2034",
        "https://www.ramallah.ps/",
    ),
    (
        "al-bireh",
        "Al-Bireh",
        "البيرة",
        "ramallah-and-al-bireh",
        M,
        46_000,
        "31.9100",
        "35.2160",
        "https://www.al-bireh.ps/",
    ),
    ("beitunia", "Beitunia", "بيتونيا", "ramallah-and-al-bireh", M, 28_000, "31.8900", "35.1700", ""),
    ("birzeit", "Birzeit", "بيرزيت", "ramallah-and-al-bireh", M, 6_000, "31.9720", "35.1960", ""),
    ("silwad", "Silwad", "سلواد", "ramallah-and-al-bireh", M, 7_000, "31.9830", "35.2610", ""),
    ("deir-dibwan", "Deir Dibwan", "دير دبوان", "ramallah-and-al-bireh", M, 8_000, "31.9090", "35.2670", ""),
    ("turmus-ayya", "Turmus Ayya", "ترمسعيا", "ramallah-and-al-bireh", M, 4_000, "32.0330", "35.2850", ""),
    # Nablus
    ("nablus", "Nablus", "نابلس", "nablus", M, 157_000, "32.2211", "35.2544", "https://www.nablus.org/"),
    ("huwara", "Huwara", "حوارة", "nablus", M, 7_000, "32.1520", "35.2560", ""),
    ("beita", "Beita", "بيتا", "nablus", M, 12_000, "32.1430", "35.2880", ""),
    ("asira-ash-shamaliya", "Asira ash-Shamaliya", "عصيرة الشمالية", "nablus", M, 9_000, "32.2500", "35.2330", ""),
    # Jenin
    ("jenin", "Jenin", "جنين", "jenin", M, 49_000, "32.4610", "35.3000", ""),
    ("qabatiya", "Qabatiya", "قباطية", "jenin", M, 24_000, "32.4100", "35.2810", ""),
    ("yabad", "Ya'bad", "يعبد", "jenin", M, 16_000, "32.4460", "35.1700", ""),
    ("arraba", "Arraba", "عرابة", "jenin", M, 11_000, "32.4060", "35.2000", ""),
    ("silat-al-harithiya", "Silat al-Harithiya", "سيلة الحارثية", "jenin", M, 11_000, "32.5080", "35.2280", ""),
    # Tubas and Northern Valleys
    ("tubas", "Tubas", "طوباس", "tubas", M, 20_000, "32.3210", "35.3700", ""),
    ("tammun", "Tammun", "طمون", "tubas", M, 14_000, "32.2850", "35.3850", ""),
    ("aqqaba", "Aqqaba", "عقابا", "tubas", M, 8_000, "32.3370", "35.3380", ""),
    # Tulkarm
    ("tulkarm", "Tulkarm", "طولكرم", "tulkarm", M, 64_000, "32.3104", "35.0286", ""),
    ("anabta", "Anabta", "عنبتا", "tulkarm", M, 8_000, "32.3060", "35.1190", ""),
    ("attil", "Attil", "عتيل", "tulkarm", M, 11_000, "32.3700", "35.0700", ""),
    ("bala", "Bal'a", "بلعا", "tulkarm", M, 7_000, "32.3330", "35.1080", ""),
    # Qalqilya
    ("qalqilya", "Qalqilya", "قلقيلية", "qalqilya", M, 51_000, "32.1896", "34.9706", ""),
    ("azzun", "Azzun", "عزون", "qalqilya", M, 10_000, "32.1740", "35.0580", ""),
    ("habla", "Habla", "حبلة", "qalqilya", M, 7_000, "32.1660", "34.9770", ""),
    # Salfit
    ("salfit", "Salfit", "سلفيت", "salfit", M, 10_000, "32.0850", "35.1800", ""),
    ("bidya", "Bidya", "بديا", "salfit", M, 14_000, "32.1150", "35.0800", ""),
    # Jericho and Al-Aghwar
    ("jericho", "Jericho", "أريحا", "jericho", M, 21_000, "31.8570", "35.4440", ""),
    ("al-auja", "Al-Auja", "العوجا", "jericho", V, 5_000, "31.9500", "35.4500", ""),
    # Gaza Strip
    ("jabalia", "Jabalia", "جباليا", "north-gaza", M, 172_000, "31.5280", "34.4830", ""),
    ("beit-lahia", "Beit Lahia", "بيت لاهيا", "north-gaza", M, 89_000, "31.5500", "34.5000", ""),
    ("beit-hanoun", "Beit Hanoun", "بيت حانون", "north-gaza", M, 52_000, "31.5400", "34.5360", ""),
    ("gaza", "Gaza", "غزة", "gaza", M, 590_000, "31.5017", "34.4668", "https://www.mogaza.org/"),
    ("deir-al-balah", "Deir al-Balah", "دير البلح", "deir-al-balah", M, 75_000, "31.4180", "34.3500", ""),
    (
        "khan-yunis",
        "Khan Yunis",
        "خان يونس",
        "khan-yunis",
        M,
        205_000,
        "31.3400",
        "34.3030",
        "https://www.khanyounis.mun.ps/",
    ),
    ("bani-suheila", "Bani Suheila", "بني سهيلا", "khan-yunis", M, 41_000, "31.3400", "34.3250", ""),
    ("rafah", "Rafah", "رفح", "rafah", M, 171_000, "31.2968", "34.2436", ""),
]

# Partner municipalities from Jordan (is_partner=True).
PARTNERS = [
    (
        "greater-amman",
        "Greater Amman",
        "أمانة عمّان الكبرى",
        "amman",
        M,
        4_000_000,
        "31.9539",
        "35.9106",
        "https://www.ammancity.gov.jo/",
    ),
    ("karak", "Karak", "الكرك", "karak", M, None, "31.1853", "35.7048", ""),
]


@transaction.atomic
def load(*, stdout=None) -> dict[str, int]:
    """Create or update every demo place by slug through hub.places.services (an operator: no user); return counts.

    A place that already has the demo values is left alone, so a second run writes nothing and adds no history.
    A place changed by hand gets its demo values back (an edit in its history); a rename reaches the search
    documents of its projects and stories through the services' signals.
    """
    existing_governorates = {g.slug: g for g in places.governorates()}
    existing_municipalities = {m.slug: m for m in places.municipalities()}
    governorates = {}
    for slug, name_en, name_ar, country in GOVERNORATES:
        data = {"slug": slug, "name_en": name_en, "name_ar": name_ar, "country": country}
        governorate = existing_governorates.get(slug)
        if governorate is None:
            governorate = services.governorate_create(user=None, data=data)
        elif changed := _differences(governorate, data):
            governorate = services.governorate_update(governorate=governorate, user=None, data=changed)
        governorates[slug] = governorate
    for rows, is_partner in ((MUNICIPALITIES, False), (PARTNERS, True)):
        for slug, name_en, name_ar, governorate, kind, population, lat, lng, portal in rows:
            data = {
                "slug": slug,
                "name_en": name_en,
                "name_ar": name_ar,
                "governorate": governorates[governorate],
                "kind": kind,
                "population": population,
                "latitude": Decimal(lat) if lat else None,
                "longitude": Decimal(lng) if lng else None,
                "portal_url": portal,
                "is_partner": is_partner,
            }
            municipality = existing_municipalities.get(slug)
            if municipality is None:
                services.municipality_create(user=None, data=data)
            elif changed := _differences(municipality, data):
                services.municipality_update(municipality=municipality, user=None, data=changed)
    municipalities = places.municipalities()
    counts = {
        "governorates": places.governorates().filter(slug__in=governorates).count(),
        "municipalities": municipalities.filter(is_partner=False).count(),
        "partners": municipalities.filter(is_partner=True).count(),
    }
    if stdout:
        stdout.write(
            "places: {governorates} governorates, {municipalities} municipalities and councils, "
            "{partners} partner municipalities".format(**counts)
        )
    return counts


def _differences(instance, data: dict) -> dict:
    """The values of `data` that `instance` does not have yet (an empty dict: nothing to write)."""
    return {name: value for name, value in data.items() if getattr(instance, name) != value}
