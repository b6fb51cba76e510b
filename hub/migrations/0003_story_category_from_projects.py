"""A story's category becomes a project category (projects_db.Category), so stories and projects share one
list and one facet value. Existing stories keep their meaning: the five slugs that differed are mapped, and a
category a story needs is created (with the projects' names) when the database does not have it yet. Saved
revisions (drafts, history) are rewritten too, so that publishing an old draft keeps its category."""

from django.db import migrations, models
import django.db.models.deletion

# old story slug -> the projects' slug; the other eight were already the same
OLD_TO_NEW = {
    "permits": "e-permits",
    "gis": "gis-planning",
    "portal": "portal-services",
    "finance": "finance-erp",
    "documents": "documents-archiving",
}
# the projects' categories (projects_db/demo_projects.py CATEGORIES), as they were when this migration was written
CATEGORIES = [
    ("e-payment", "الدفع الإلكتروني", "E-payment"),
    ("e-permits", "الرخص والتصاريح الإلكترونية", "E-permits and licensing"),
    ("gis-planning", "نظم المعلومات الجغرافية والتخطيط", "GIS and planning"),
    ("portal-services", "البوابة والخدمات الإلكترونية", "Portal and online services"),
    ("complaints", "الشكاوى والعلاقة مع المواطنين", "Complaints and citizen relations"),
    ("finance-erp", "الأنظمة المالية والفوترة", "Finance/ERP and billing"),
    ("documents-archiving", "إدارة الوثائق والأرشفة", "Document management and archiving"),
    ("infrastructure", "الشبكات والحوسبة السحابية والبنية التحتية", "Networks, cloud and infrastructure"),
    ("security", "أمن المعلومات", "Information security"),
    ("smart-city", "المدينة الذكية والعدادات", "Smart city and metering"),
    ("open-data", "البيانات المفتوحة", "Open data"),
    ("training", "التدريب وبناء القدرات", "Training and capacity building"),
    ("legislation", "التشريعات والسياسات", "Legislation and policy"),
]


def _story_revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="hub", model="storypage").first()
    return Revision.objects.filter(content_type=content_type) if content_type else Revision.objects.none()


def forwards(apps, schema_editor):
    Category = apps.get_model("projects_db", "Category")
    StoryPage = apps.get_model("hub", "StoryPage")
    names = {slug: (i, ar, en) for i, (slug, ar, en) in enumerate(CATEGORIES)}
    ids: dict[str, int] = {}

    def category_id(old: str) -> int | None:
        if not old:
            return None
        slug = OLD_TO_NEW.get(old, old)
        if slug not in ids:
            order, name_ar, name_en = names.get(slug, (len(names), slug, slug))
            category, _ = Category.objects.get_or_create(
                slug=slug, defaults={"name_ar": name_ar, "name_en": name_en, "sort_order": order}
            )
            ids[slug] = category.pk
        return ids[slug]

    for story in StoryPage.objects.exclude(old_category="").only("pk", "old_category"):
        StoryPage.objects.filter(pk=story.pk).update(category=category_id(story.old_category))
    for revision in _story_revisions(apps).iterator():
        content = revision.content or {}
        old = content.get("category")
        if isinstance(old, str) and not old.isdigit():
            content["category"] = category_id(old)
            revision.content = content
            revision.save(update_fields=["content"])


def backwards(apps, schema_editor):
    Category = apps.get_model("projects_db", "Category")
    StoryPage = apps.get_model("hub", "StoryPage")
    new_to_old = {new: old for old, new in OLD_TO_NEW.items()}
    slugs = dict(Category.objects.values_list("pk", "slug"))

    def old_slug(pk) -> str:
        slug = slugs.get(pk, "")
        return new_to_old.get(slug, slug)[:30]

    for story in StoryPage.objects.exclude(category=None).only("pk", "category"):
        StoryPage.objects.filter(pk=story.pk).update(old_category=old_slug(story.category_id))
    for revision in _story_revisions(apps).iterator():
        content = revision.content or {}
        if isinstance(content.get("category"), int):
            content["category"] = old_slug(content["category"])
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("hub", "0002_cms_page_types"),
        ("projects_db", "0002_projects"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RenameField(model_name="storypage", old_name="category", new_name="old_category"),
        migrations.AlterField(
            model_name="storypage",
            name="old_category",
            field=models.CharField(blank=True, default="", max_length=30),
        ),
        migrations.AddField(
            model_name="storypage",
            name="category",
            field=models.ForeignKey(
                help_text="The same categories as the projects database, so that search and filters line up.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="stories",
                to="projects_db.category",
                verbose_name="category",
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="storypage", name="old_category"),
    ]
