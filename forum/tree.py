"""The forum tree `setup_forum` creates: one stable key per forum, its kind (see forum.permissions.PLAN),
and its name and description in Arabic and English (forum.models.ForumName; machina's own `name` holds the Arabic)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ForumSpec:
    key: str
    kind: str  # public | announcements | staff | moderators
    name_ar: str
    name_en: str
    description_ar: str
    description_en: str
    parent: str | None = None
    is_category: bool = False


TREE = [
    ForumSpec(
        "announcements", "announcements", "الإعلانات", "Announcements",
        "أخبار الوزارة والمنصة.", "Ministry and platform news.",
    ),
    ForumSpec(
        "work", "public", "مجالات العمل", "Areas of work",
        "أسئلة وتجارب في بناء الخدمات البلدية الإلكترونية وتشغيلها.", "Building and running municipal e-services.",
        is_category=True,
    ),
    ForumSpec(
        "e-payment", "public", "الدفع الإلكتروني", "e-Payment",
        "بوابات الدفع، التسويات البنكية، الفوترة.", "Payment gateways, bank reconciliation, billing.",
        parent="work",
    ),
    ForumSpec(
        "permits", "public", "الرخص والتراخيص", "Permits and licensing",
        "رخص البناء والمهن والمعاملات الإلكترونية.", "Building and trade permits, online applications.",
        parent="work",
    ),
    ForumSpec(
        "gis", "public", "نظم المعلومات الجغرافية", "GIS",
        "الخرائط وقواعد البيانات المكانية.", "Maps and spatial data.",
        parent="work",
    ),
    ForumSpec(
        "portals", "public", "البوابات والخدمات الإلكترونية", "Portals and online services",
        "مواقع البلديات والخدمات عبر الإنترنت.", "Municipal websites and online services.",
        parent="work",
    ),
    ForumSpec(
        "infrastructure", "public", "البنية التحتية والحوسبة السحابية", "Infrastructure and cloud",
        "الخوادم والشبكات والنسخ الاحتياطي والسحابة.", "Servers, networks, backups, cloud.",
        parent="work",
    ),
    ForumSpec(
        "security", "public", "أمن المعلومات", "Information security",
        "حماية الأنظمة والبيانات.", "Protecting systems and data.",
        parent="work",
    ),
    ForumSpec(
        "legislation", "public", "التشريعات والسياسات", "Legislation and policy",
        "الأطر القانونية والتنظيمية للخدمات الإلكترونية.", "Legal and regulatory frameworks.",
        parent="work",
    ),
    ForumSpec(
        "training", "public", "التدريب وبناء القدرات", "Training",
        "التدريب وتبادل الخبرات.", "Training and sharing skills.",
        parent="work",
    ),
    ForumSpec(
        "staff-lounge", "staff", "استراحة موظفي البلديات", "Municipal staff lounge",
        "للموظفين البلديين الموثقين فقط.", "Verified municipal staff only.",
    ),
    ForumSpec(
        "moderators", "moderators", "المشرفون", "Moderators",
        "تنسيق الإشراف على المنتدى.", "Coordinating forum moderation.",
    ),
]  # fmt: skip
