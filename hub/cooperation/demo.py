"""Demo data of the cooperation app: the 2012 conference's recommendations, the 2026 award, Hebron–Karak twinning.

Idempotent: rows are found by their natural keys (slug, year) and completed, never duplicated. Every write goes
through hub.cooperation.services as an operator at the command line (user=None), so the rules and the audit log
are those of the Wagtail admin.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

CONFERENCE_SLUG = "first-international-conference-e-municipalities-2012"

BODIES = [
    ("molg", "وزارة الحكم المحلي", "Ministry of Local Government"),
    ("mtit", "وزارة الاتصالات وتكنولوجيا المعلومات", "Ministry of Telecommunications and IT"),
    ("apla", "الاتحاد الفلسطيني للهيئات المحلية", "Association of Palestinian Local Authorities"),
    ("universities", "الجامعات الفلسطينية", "Palestinian universities"),
    ("hebron-municipality", "بلدية الخليل", "Hebron Municipality"),
]

# (slug, body, status, title_ar, title_en)
RECOMMENDATIONS = [
    (
        "e-transactions-law",
        "mtit",
        "done",
        "إقرار قانون المعاملات الإلكترونية والتوقيع الإلكتروني",
        "Adopt a law on electronic transactions and electronic signatures",
    ),
    (
        "information-security-strategy",
        "mtit",
        "in_progress",
        "وضع استراتيجية وطنية لأمن المعلومات",
        "Draw up a national information-security strategy",
    ),
    (
        "best-e-service-award",
        "molg",
        "in_progress",
        "إطلاق جائزة سنوية لأفضل خدمة بلدية إلكترونية",
        "Launch a yearly award for the best municipal e-service",
    ),
    (
        "e-municipality-portal",
        "molg",
        "done",
        "إنشاء بوابة إلكترونية لشؤون البلديات الإلكترونية",
        "Create a portal for e-municipality affairs",
    ),
    (
        "project-database",
        "molg",
        "done",
        "إنشاء قاعدة بيانات لمشاريع البلديات الإلكترونية",
        "Build a database of e-municipality projects",
    ),
    (
        "electronic-forum",
        "apla",
        "done",
        "إطلاق منتدى إلكتروني للعاملين في البلديات الإلكترونية",
        "Open an electronic forum for the people who run municipal e-services",
    ),
    (
        "university-partnerships",
        "universities",
        "in_progress",
        "عقد شراكات بين البلديات والجامعات",
        "Build partnerships between municipalities and universities",
    ),
    (
        "cloud-computing",
        "mtit",
        "not_started",
        "اعتماد الحوسبة السحابية لضمان استقرار الخدمات",
        "Use cloud computing to keep services stable",
    ),
    (
        "service-centre-partnerships",
        "apla",
        "in_progress",
        "شراكات بين مراكز الخدمات الكبيرة والبلديات الأقل تطوراً",
        "Partnerships between large service centres and less-developed municipalities",
    ),
    (
        "follow-up-conference",
        "hebron-municipality",
        "not_started",
        "عقد مؤتمر متابعة للبلديات الإلكترونية",
        "Hold a follow-up conference on e-municipalities",
    ),
]

CRITERIA = [
    ("الفائدة للمواطنين", "Usefulness to citizens", 3),
    ("سهولة الاستخدام", "Ease of use", 2),
    ("مدى الانتشار", "Reach", 2),
    ("الجدوى الاقتصادية", "Cost-effectiveness", 2),
    ("قابلية إعادة الاستخدام في بلديات أخرى", "Reusability by other municipalities", 1),
]


def load(*, stdout=None) -> None:
    with transaction.atomic():
        _recommendations()
        edition = _award()
        _twinning()
    if stdout is not None:
        stdout.write(f"Cooperation: 10 recommendations, award {edition.year}, Hebron–Karak twinning.")


def _conference():
    from wagtail.models import Page

    page = Page.objects.filter(slug=CONFERENCE_SLUG, locale__language_code="ar").first()
    if page is None:
        page = Page.objects.filter(slug=CONFERENCE_SLUG).first()
    return page.specific if page is not None else None


def _recommendations() -> None:
    from hub.cooperation import services
    from hub.cooperation.models import Recommendation, ResponsibleBody

    existing_bodies = {body.slug: body for body in ResponsibleBody.objects.filter(slug__in=[b[0] for b in BODIES])}
    bodies = {}
    for slug, name_ar, name_en in BODIES:
        data = {"slug": slug, "name_ar": name_ar, "name_en": name_en}
        body = existing_bodies.get(slug)
        if body is None:
            body = services.responsible_body_create(user=None, data=data)
        elif (body.name_ar, body.name_en) != (name_ar, name_en):
            body = services.responsible_body_update(user=None, body=body, data=data)
        bodies[slug] = body
    event = _conference()
    existing = set(Recommendation.objects.values_list("slug", flat=True))
    for number, (slug, body, status, title_ar, title_en) in enumerate(RECOMMENDATIONS, start=1):
        if slug in existing:
            continue
        updates = []
        if status != "not_started":
            updates.append(
                {
                    "date": datetime.date(2013, 6, 1),
                    "text_ar": "بدأ العمل على التوصية بعد سنة من المؤتمر.",
                    "text_en": "Work on the recommendation started a year after the conference.",
                }
            )
        if status == "done":
            updates.append(
                {
                    "date": datetime.date(2016, 3, 1),
                    "text_ar": "أُنجزت التوصية.",
                    "text_en": "The recommendation was carried out.",
                }
            )
        services.recommendation_create(
            user=None,
            data={
                "slug": slug,
                "number": number,
                "title_ar": title_ar,
                "title_en": title_en,
                "body": bodies[body],
                "status": status,
                "event": event if event.__class__.__name__ == "EventPage" else None,
            },
            new_updates=updates,
        )


def _award():
    from hub.cooperation import services
    from hub.cooperation.models import AwardEdition
    from projects_db import selectors as projects

    tz = timezone.get_current_timezone()

    def at(year, month, day):
        return datetime.datetime(year, month, day, tzinfo=tz)

    edition = AwardEdition.objects.filter(year=2026).first()
    if edition is None:
        edition = services.award_edition_create(
            user=None,
            data={
                "year": 2026,
                "title_ar": "جائزة أفضل خدمة بلدية إلكترونية 2026",
                "title_en": "Best municipal e-service award 2026",
                "call_ar": "تدعو وزارة الحكم المحلي البلديات والمجالس القروية إلى ترشيح خدمة إلكترونية عاملة "
                "غيّرت حياة المواطنين، مع أرقام الاستخدام وما تغيّر بفضلها.",
                "call_en": "The Ministry of Local Government invites municipalities and village councils to nominate "
                "a live e-service that changed citizens' lives, with its usage figures and what it changed.",
                "nominations_open": at(2026, 10, 1),
                "nominations_close": at(2027, 1, 15),
                "jury_closes": at(2027, 2, 15),
                "results_date": datetime.date(2027, 3, 1),
                "vote_opens": at(2026, 11, 1),
                "vote_closes": at(2027, 2, 1),
            },
            criteria=[{"name_ar": ar, "name_en": en, "weight": weight} for ar, en, weight in CRITERIA],
        )
    if not edition.nominations.exists():
        seen = set()
        for project in projects.published_projects().filter(status="live").order_by("pk"):
            if project.lead_municipality_id in seen:
                continue
            seen.add(project.lead_municipality_id)
            services.nomination_create(
                user=None,
                edition=edition,
                project=project,
                what_it_does=project.summary,
                users_count=1500 * len(seen),
                what_changed="قلّ وقت الانتظار في قاعة الخدمات وزادت نسبة الدفع في موعده.",
            )
            if len(seen) == 2:
                break
    return edition


def _twinning() -> None:
    from hub.cooperation import services
    from hub.cooperation.models import Agreement
    from hub.places import selectors as places

    hebron = places.municipality_by_slug(slug="hebron")
    karak = places.municipality_by_slug(slug="karak")
    if hebron is None or karak is None:
        return
    if Agreement.objects.filter(title_en="Hebron–Karak twinning").exists():
        return
    services.agreement_create(
        user=None,
        kind=Agreement.Kind.TWINNING,
        title_ar="توأمة الخليل والكرك",
        title_en="Hebron–Karak twinning",
        signed_on=datetime.date(2012, 6, 12),  # signed at the Hebron conference
        parties=[hebron, karak],
        aims_ar="تبادل الخبرات في الخدمات الإلكترونية وتدريب الكوادر وتنظيم زيارات متبادلة.",
        aims_en="Exchange experience in e-services, train staff and organise exchange visits.",
    )
