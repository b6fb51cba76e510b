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

# What happened to each recommendation, as an editor would note it (the not-started ones have no note yet).
UPDATES = {
    "e-transactions-law": [
        (
            "2014-05-01",
            "عمّمت وزارة الاتصالات مسودة قانون المعاملات الإلكترونية على الوزارات واتحاد الهيئات المحلية "
            "لإبداء الملاحظات.",
            "The telecommunications ministry sent the draft e-transactions law to ministries and the association "
            "of local authorities for comments.",
        ),
        (
            "2018-01-15",
            "صدر القرار بقانون رقم 15 لسنة 2017 بشأن المعاملات الإلكترونية، فصار للتوقيع والمستند الإلكترونيين "
            "أثر قانوني في معاملات البلديات.",
            "Decree-Law No. 15 of 2017 on electronic transactions was issued: electronic signatures and documents "
            "now have legal effect in municipal transactions.",
        ),
    ],
    "information-security-strategy": [
        (
            "2020-12-31",
            "اختُبر دليل أمن المعلومات الأساسي للهيئات المحلية في بلدية البيرة وبلديتين أخريين، ويُعتمد عليه في "
            "مسودة الاستراتيجية الوطنية.",
            "The information-security baseline for local authorities was tested in Al-Bireh and two other "
            "municipalities; the national strategy draft builds on it.",
        ),
    ],
    "best-e-service-award": [
        (
            "2026-09-15",
            "أُقرّت أنظمة الجائزة: خمسة معايير موزونة، ولجنة تحكيم من الخبراء، وتصويت للجمهور يُعلن منفصلاً عن "
            "نتيجة اللجنة.",
            "The award's rules were approved: five weighted criteria, a jury of experts, and a public vote "
            "announced apart from the jury's result.",
        ),
    ],
    "e-municipality-portal": [
        (
            "2013-06-01",
            "اتفقت الوزارة واتحاد الهيئات المحلية على إدارة البوابة معاً، وبدأ البحث عن تمويل لها.",
            "The ministry and the association of local authorities agreed to run the portal together and began "
            "looking for funding.",
        ),
        (
            "2026-09-01",
            "انطلق مركز معرفة البلديات الإلكترونية بقصص النجاح والممارسات الفضلى وقاعدة المشاريع والمنتدى.",
            "The e-Municipality Knowledge Hub went online with success stories, best practices, the project "
            "database and the forum.",
        ),
    ],
    "project-database": [
        (
            "2015-03-01",
            "جمعت الوزارة أول حصر لمشاريع البلديات الإلكترونية في جدول واحد من استبيان أرسلته إلى البلديات.",
            "The ministry gathered a first inventory of municipal e-projects in one spreadsheet, from a survey "
            "sent to municipalities.",
        ),
        (
            "2026-09-01",
            "فُتحت قاعدة بيانات المشاريع على المركز، مع البحث والتصدير وواجهة برمجية للبيانات.",
            "The project database opened on the hub, with search, exports and an API.",
        ),
    ],
    "electronic-forum": [
        (
            "2026-09-01",
            "افتُتح منتدى العاملين في تقنية المعلومات بالبلديات على المركز، بأقسام حسب الموضوع ومشرفين من الاتحاد.",
            "The forum of municipal IT staff opened on the hub, with a section per topic and moderators from the "
            "association.",
        ),
    ],
    "university-partnerships": [
        (
            "2012-06-12",
            "وقّعت بلدية الخليل اتفاقية ثلاثية مع جامعات الخليل واتحاد شركات تكنولوجيا المعلومات ضمن استراتيجية "
            "مدن المعرفة.",
            "Hebron Municipality signed a tripartite agreement with the Hebron universities and the IT companies' "
            "association within the knowledge-cities strategy.",
        ),
        (
            "2019-09-30",
            "أنهى طلبة جامعة بيرزيت تدريباً صيفياً في بلدية بيرزيت على رقمنة سجلات الخدمات.",
            "Birzeit University students finished a summer placement at Birzeit municipality digitising service "
            "records.",
        ),
    ],
    "service-centre-partnerships": [
        (
            "2022-06-01",
            "بدأ مجلس الخدمات المشترك في الخليل وبيت لحم بتشغيل خوادم مشتركة لهيئاته الأعضاء الصغيرة.",
            "The joint services council of Hebron and Bethlehem started running shared servers for its smaller "
            "member councils.",
        ),
    ],
}

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
        stdout.write(
            f"Cooperation: 10 recommendations, award {edition.year} (jury open) and {edition.year + 1} "
            "(call open), Hebron–Karak twinning."
        )


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
        updates = [
            {"date": datetime.date.fromisoformat(day), "text_ar": text_ar, "text_en": text_en}
            for day, text_ar, text_en in UPDATES.get(slug, [])
        ]
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


# The award is tryable whenever the demo is loaded: its windows are set from the day of loading. This year's
# edition has its nominations in and its jury scoring (an editor walks scoring → ranking → closing the jury →
# winners); next year's call is open, with Hebron's nomination made by Hebron's staff account, who can edit it.
# (project slug, users, what the service does, what changed): each nominee's own case, as its staff write it.
JUDGED_NOMINATIONS = [
    (
        "nablus-e-payment",
        41_000,
        "يدفع المشتركون فواتير الماء والكهرباء من تطبيقات أربعة بنوك ومن محفظتين إلكترونيتين، ويصل إشعار الدفع "
        "إلى نظام الفوترة في اللحظة نفسها.",
        "ثلث الفواتير يُدفع اليوم إلكترونياً، وارتفعت نسبة التحصيل 12 نقطة، وأُغلق شباكان من شبابيك القبض الخمسة.",
    ),
    (
        "ramallah-building-permits",
        2_300,
        "يقدّم المهندسون مخططات البناء إلكترونياً، وتسجّل أقسام التنظيم والهندسة والمالية ملاحظاتها على الملف نفسه.",
        "انخفض متوسط مدة الترخيص من 90 يوماً إلى 21 يوماً، ولم يعد الملف الورقي يضيع بين الأقسام.",
    ),
    (
        "jenin-complaints",
        8_000,
        "يسجّل المواطن شكواه عن الإنارة أو النفايات أو المياه من هاتفه مع صورة وموقع، ويتابع حالتها حتى الإغلاق.",
        "صارت الشكوى تُغلق في أربعة أيام بدل أسبوعين، وتنشر البلدية كل شهر عدد الشكاوى حسب الحي.",
    ),
    (
        "jericho-tourism-portal",
        65_000,
        "بوابة بالعربية والإنجليزية للمواقع الأثرية والفنادق والفعاليات في أريحا، مع حجز تذاكر المواقع البلدية.",
        "بيع ربع تذاكر المواقع البلدية عبر البوابة في موسم الشتاء الأول، وتراجعت اتصالات الاستفسار في مكتب السياحة.",
    ),
]
HEBRON_NOMINATION = (
    "hebron-e-portal",
    52_000,
    "بوابة واحدة لخدمات بلدية الخليل: دفع الفواتير وطلبات الرخص ومتابعة المعاملات والشكاوى، أُطلقت في مؤتمر 2012 "
    "وتضم اليوم 42 خدمة.",
    "34% من الفواتير تُدفع عبر البوابة، وتُنجز 12500 معاملة إلكترونية كل شهر، وانخفض زمن إنجاز المعاملة إلى ثلاثة أيام.",
)
# juror username → {project slug: score on every criterion}; the second juror has not scored yet.
DEMO_SCORES = {"juror": {"nablus-e-payment": 8, "ramallah-building-permits": 9, "jenin-complaints": 7}}


def _award():
    from hub.accounts.models import User

    today = timezone.localdate()
    judged = _edition(
        year=today.year,
        days={
            "nominations_open": -75,
            "nominations_close": -5,
            "jury_closes": 25,
            "vote_opens": -30,
            "vote_closes": 20,
            "results_date": 40,
        },
    )
    upcoming = _edition(
        year=today.year + 1,
        days={
            "nominations_open": -3,
            "nominations_close": 70,
            "jury_closes": 100,
            "vote_opens": 75,
            "vote_closes": 100,
            "results_date": 115,
        },
    )
    if not judged.nominations.exists():
        for slug, users_count, what_it_does, what_changed in JUDGED_NOMINATIONS:
            _nominate(judged, slug, users_count, what_it_does, what_changed, user=None)
    if not upcoming.nominations.exists():
        hebron_staff = User.objects.filter(username="hebron", municipality__slug="hebron").first()
        _nominate(upcoming, *HEBRON_NOMINATION, user=hebron_staff)
    if judged.jury_is_open():
        _scores(judged)
    return judged


def _edition(*, year: int, days: dict[str, int]):
    from hub.cooperation import services
    from hub.cooperation.models import AwardEdition

    edition = AwardEdition.objects.filter(year=year).first()
    if edition is not None:
        return edition
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(timezone.localdate(), datetime.time(9), tzinfo=tz)
    data = {name: start + datetime.timedelta(days=offset) for name, offset in days.items()}
    data["results_date"] = data["results_date"].date()
    return services.award_edition_create(
        user=None,
        data=data
        | {
            "year": year,
            "title_ar": f"جائزة أفضل خدمة بلدية إلكترونية {year}",
            "title_en": f"Best municipal e-service award {year}",
            "call_ar": "تدعو وزارة الحكم المحلي البلديات والمجالس القروية إلى ترشيح خدمة إلكترونية عاملة "
            "غيّرت حياة المواطنين، مع أرقام الاستخدام وما تغيّر بفضلها.",
            "call_en": "The Ministry of Local Government invites municipalities and village councils to nominate "
            "a live e-service that changed citizens' lives, with its usage figures and what it changed.",
        },
        criteria=[{"name_ar": ar, "name_en": en, "weight": weight} for ar, en, weight in CRITERIA],
    )


def _nominate(edition, slug: str, users_count: int, what_it_does: str, what_changed: str, *, user) -> None:
    """The nomination of the project `slug`: made by `user` (staff, while the call is open) or by the operator."""
    from hub.cooperation import services
    from projects_db import selectors as projects

    project = projects.published_projects().filter(slug=slug).first()
    if project is None:
        return
    services.nomination_create(
        user=user,
        edition=edition,
        project=project,
        what_it_does=what_it_does,
        users_count=users_count,
        what_changed=what_changed,
    )


def _scores(edition) -> None:
    """One juror's scores, so that the ranking has something in it; the other juror scores while trying it."""
    from hub.accounts.models import User
    from hub.cooperation import services
    from hub.cooperation.models import JuryScore

    criteria = list(edition.criteria.all())
    for username, by_project in DEMO_SCORES.items():
        juror = User.objects.filter(username=username).first()
        if juror is None or JuryScore.objects.filter(juror=juror, criterion__edition=edition).exists():
            continue
        for nomination in edition.nominations.select_related("project"):
            value = by_project.get(nomination.project.slug)
            if value is not None:
                scores = {c.pk: (max(0, value - i % 2), "") for i, c in enumerate(criteria)}
                services.scores_submit(user=juror, nomination=nomination, scores=scores)


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
