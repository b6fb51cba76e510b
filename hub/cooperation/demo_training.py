"""Demo agreements signed at the Hebron conference (June 2012) beyond the Hebron–Karak twinning, with the universities
and institutions that signed them, and training programmes run with universities.

Idempotent: organisations are found by slug, agreements by English title, training by slug. Every write goes
through the services as an operator at the command line (user=None), as in the Wagtail admin.
"""

from __future__ import annotations

import datetime

from django.db import transaction

SIGNED = datetime.date(2012, 6, 12)  # the second day of the first international conference, Hebron

# slug, Arabic name, English name, kind, website
ORGANISATIONS = [
    ("hebron-university", "جامعة الخليل", "Hebron University", "university", "https://www.hebron.edu/"),
    ("ppu", "جامعة بوليتكنك فلسطين", "Palestine Polytechnic University", "university", "https://www.ppu.edu/"),
    ("qou", "جامعة القدس المفتوحة", "Al-Quds Open University", "university", "https://www.qou.edu/"),
    (
        "pita",
        "اتحاد شركات أنظمة المعلومات الفلسطينية (بيتا)",
        "Palestinian IT Association of Companies (PITA)",
        "ngo",
        "https://www.pita.ps/",
    ),
    ("meu", "جامعة الشرق الأوسط (عمّان)", "Middle East University (Amman)", "university", "https://www.meu.edu.jo/"),
    ("birzeit-university", "جامعة بيرزيت", "Birzeit University", "university", ""),
]

# English title, kind, Arabic title, municipality slugs, organisation slugs, Arabic aims, English aims
AGREEMENTS = [
    (
        "Tripartite agreement: Hebron as a knowledge city",
        "cooperation",
        "الاتفاقية الثلاثية: الخليل مدينة معرفة",
        ["hebron"],
        ["hebron-university", "ppu", "qou", "pita"],
        "ضمن استراتيجية مدن المعرفة: تتعاون بلدية الخليل وجامعات الخليل وبوليتكنك فلسطين والقدس المفتوحة واتحاد "
        "شركات أنظمة المعلومات على تطوير الخدمات الإلكترونية للبلدية، وتدريب موظفيها، واستقبال طلبة التدريب العملي "
        "في مشاريعها، وإشراك الشركات المحلية في تنفيذها.",
        "Within the knowledge-cities strategy, Hebron Municipality, the Hebron universities (Hebron University, "
        "Palestine Polytechnic University, Al-Quds Open University) and the IT companies' association work together "
        "on the municipality's e-services: staff training, student internships in its projects and local companies "
        "building them.",
    ),
    (
        "Cooperation between Hebron Municipality and Middle East University",
        "university",
        "اتفاقية تعاون بين بلدية الخليل وجامعة الشرق الأوسط",
        ["hebron"],
        ["meu"],
        "تبادل الخبرات الأكاديمية في تقنية المعلومات والإدارة المحلية، وتنظيم دورات تدريبية مشتركة لموظفي البلدية، "
        "وإتاحة المنح والبحوث التطبيقية في مجال البلديات الإلكترونية.",
        "Academic exchange in information technology and local administration, joint training courses for the "
        "municipality's staff, and applied research and scholarships on e-municipalities.",
    ),
]

# provider: an organisation's slug; provider_municipality and municipalities: municipality slugs; agreement: its
# English title; dates None: those of the demo training event named by `event`.
TRAININGS = [
    {
        "slug": "hebron-gis-course-2012",
        "kind": "course",
        "title_ar": "دورة نظم المعلومات الجغرافية لمهندسي بلديات محافظة الخليل",
        "title_en": "GIS course for the engineers of the Hebron governorate's municipalities",
        "provider": "ppu",
        "provider_municipality": None,
        "municipalities": ["hebron", "dura", "halhul", "yatta", "bani-naim"],
        "audience_ar": "مهندسو التنظيم والمساحة",
        "audience_en": "Planning and survey engineers",
        "dates": ("2012-10-06", "2012-11-29"),
        "topics_ar": "أساسيات نظم المعلومات الجغرافية\nرقمنة المخططات التنظيمية\nربط الخرائط بقاعدة بيانات الرخص",
        "topics_en": "GIS basics\nDigitising zoning plans\nLinking maps to the permits database",
        "trained": 26,
        "agreement": "Tripartite agreement: Hebron as a knowledge city",
        "summary_ar": "ثماني ورشات مسائية في مختبرات جامعة بوليتكنك فلسطين، مع مشروع تطبيقي لكل بلدية.",
        "summary_en": "Eight evening sessions in Palestine Polytechnic University's labs, with a hands-on project for "
        "each municipality.",
    },
    {
        "slug": "hebron-internships-e-services-2013",
        "kind": "programme",
        "title_ar": "برنامج التدريب العملي لطلبة تقنية المعلومات في مشاريع بلدية الخليل",
        "title_en": "Internships for IT students in Hebron Municipality's e-service projects",
        "provider": "hebron-university",
        "provider_municipality": "hebron",
        "municipalities": ["hebron"],
        "audience_ar": "طلبة السنة الرابعة في تقنية المعلومات وموظفو قسم الحاسوب",
        "audience_en": "Final-year IT students and the computer department's staff",
        "dates": ("2013-02-03", "2013-06-27"),
        "topics_ar": "تطوير بوابة البلدية\nاختبار الخدمات الإلكترونية\nإدخال البيانات وتنظيفها",
        "topics_en": "Developing the municipal portal\nTesting e-services\nData entry and cleaning",
        "trained": 14,
        "agreement": "Tripartite agreement: Hebron as a knowledge city",
        "summary_ar": "فصل دراسي كامل يعمل فيه الطلبة مع فريق البلدية بإشراف مشترك من الجامعة والبلدية.",
        "summary_en": "A full semester in which students work with the municipality's team, supervised by both.",
    },
    {
        "slug": "meu-e-government-course-2013",
        "kind": "course",
        "title_ar": "دورة الحكومة الإلكترونية وأمن المعلومات لموظفي بلدية الخليل",
        "title_en": "E-government and information security course for Hebron Municipality staff",
        "provider": "meu",
        "provider_municipality": None,
        "municipalities": ["hebron"],
        "audience_ar": "رؤساء الأقسام وموظفو تقنية المعلومات",
        "audience_en": "Heads of department and IT staff",
        "dates": ("2013-07-14", "2013-07-25"),
        "topics_ar": "إدارة مشاريع الحكومة الإلكترونية\nأمن المعلومات والنسخ الاحتياطي\nقياس رضا المواطنين",
        "topics_en": "Managing e-government projects\nInformation security and backups\nMeasuring citizen satisfaction",
        "trained": 18,
        "agreement": "Cooperation between Hebron Municipality and Middle East University",
        "summary_ar": "أسبوعان في عمّان ضمن اتفاقية التعاون مع جامعة الشرق الأوسط.",
        "summary_en": "Two weeks in Amman under the cooperation agreement with Middle East University.",
    },
    {
        "slug": "hebron-karak-portal-exchange-2014",
        "kind": "workshop",
        "title_ar": "ورشة تبادل الخبرات في إدارة البوابات البلدية بين الخليل والكرك",
        "title_en": "Hebron–Karak workshop on running municipal portals",
        "provider": None,
        "provider_municipality": "hebron",
        "municipalities": ["karak"],
        "audience_ar": "موظفو الموقع الإلكتروني وخدمة الجمهور",
        "audience_en": "Web and front-office staff",
        "dates": ("2014-04-08", "2014-04-10"),
        "topics_ar": "تحرير المحتوى\nالنماذج الإلكترونية\nالرد على استفسارات المواطنين",
        "topics_en": "Editing content\nOnline forms\nAnswering citizens' questions",
        "trained": 9,
        "agreement": "Hebron–Karak twinning",
        "summary_ar": "زيارة فريق بلدية الكرك إلى الخليل ضمن برنامج التوأمة.",
        "summary_en": "Karak's team visited Hebron under the twinning programme.",
    },
    {
        "slug": "digital-skills-training-week",
        "kind": "programme",
        "title_ar": "أسبوع تدريب المهارات الرقمية لموظفي البلديات",
        "title_en": "Digital skills training week for municipal staff",
        "provider": "birzeit-university",
        "provider_municipality": None,
        "municipalities": ["ramallah", "al-bireh", "beitunia", "birzeit", "nablus", "jenin"],
        "audience_ar": "موظفو تقنية المعلومات ومسؤولو الخدمات الإلكترونية",
        "audience_en": "IT staff and e-service officers",
        "dates": None,  # the dates of the demo training event
        "topics_ar": "إدارة المشاريع الرقمية\nأمن المعلومات\nتصميم الخدمات حول المواطن",
        "topics_en": "Managing digital projects\nInformation security\nDesigning services around citizens",
        "trained": None,
        "agreement": None,
        "event": "digital-skills-training-week",
        "summary_ar": "دورة مكثفة بالشراكة مع جامعة بيرزيت.",
        "summary_en": "An intensive course in partnership with Birzeit University.",
    },
]


def load(*, stdout=None) -> None:
    with transaction.atomic():
        organisations = _organisations()
        agreements = _agreements(organisations)
        created = _trainings(organisations, agreements)
    if stdout is not None:
        stdout.write(f"Cooperation: {len(agreements)} agreements, {created} training programmes added.")


def _organisations() -> dict:
    from projects_db.models import Organisation
    from projects_db.services import organisation_create

    existing = {o.slug: o for o in Organisation.objects.filter(slug__in=[row[0] for row in ORGANISATIONS])}
    for slug, ar, en, kind, website in ORGANISATIONS:
        if slug not in existing:
            data = {"slug": slug, "name_ar": ar, "name_en": en, "kind": kind, "website": website}
            existing[slug] = organisation_create(user=None, data=data)
    return existing


def _agreements(organisations: dict) -> dict:
    from hub.cooperation import services
    from hub.cooperation.models import Agreement
    from hub.places import selectors as places

    found = {a.title_en: a for a in Agreement.objects.all()}
    for title_en, kind, title_ar, municipality_slugs, organisation_slugs, aims_ar, aims_en in AGREEMENTS:
        if title_en in found:
            continue
        parties = [m for m in (places.municipality_by_slug(slug=s) for s in municipality_slugs) if m is not None]
        if not parties:
            continue
        found[title_en] = services.agreement_create(
            user=None,
            kind=kind,
            title_ar=title_ar,
            title_en=title_en,
            signed_on=SIGNED,
            parties=parties,
            organisations=[organisations[s] for s in organisation_slugs],
            aims_ar=aims_ar,
            aims_en=aims_en,
        )
    return found


def _event(slug: str):
    from hub.models import EventPage

    return EventPage.objects.filter(slug=slug, locale__language_code="ar").first()


def _trainings(organisations: dict, agreements: dict) -> int:
    from hub.cooperation import services
    from hub.cooperation.models import TrainingProgramme
    from hub.places import selectors as places

    existing = set(TrainingProgramme.objects.values_list("slug", flat=True))
    created = 0
    for row in TRAININGS:
        if row["slug"] in existing:
            continue
        event = _event(row["event"]) if row.get("event") else None
        if row["dates"]:
            starts_on, ends_on = (datetime.date.fromisoformat(d) for d in row["dates"])
        elif event is not None:
            starts_on, ends_on = event.start.date(), (event.end.date() + datetime.timedelta(days=4))
        else:
            continue
        municipalities = [m for m in (places.municipality_by_slug(slug=s) for s in row["municipalities"]) if m]
        trainer_slug = row["provider_municipality"]
        trainer = places.municipality_by_slug(slug=trainer_slug) if trainer_slug else None
        if not municipalities:
            continue
        services.training_create(
            user=None,
            data={
                "kind": row["kind"],
                "slug": row["slug"],
                "title_ar": row["title_ar"],
                "title_en": row["title_en"],
                "provider": organisations.get(row["provider"]) if row["provider"] else None,
                "provider_municipality": trainer,
                "municipalities": municipalities,
                "audience_ar": row["audience_ar"],
                "audience_en": row["audience_en"],
                "starts_on": starts_on,
                "ends_on": ends_on,
                "topics_ar": row["topics_ar"],
                "topics_en": row["topics_en"],
                "trained_count": row["trained"],
                "summary_ar": row["summary_ar"],
                "summary_en": row["summary_en"],
                "agreement": agreements.get(row["agreement"]) if row["agreement"] else None,
                "event": event,
            },
        )
        created += 1
    return created
