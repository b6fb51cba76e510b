"""Move the content types of governorates and municipalities from projects_db to places.

Renaming the rows keeps their ids, so the editors' permissions, Wagtail's history (audit log, references) and
anything else pointing at them follow the models. On a new database there is nothing to rename yet.
"""

from django.db import migrations

MODELS = ("governorate", "municipality")


def _move(apps, old_label: str, new_label: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=old_label, model=model).first()
        if old is None:
            continue
        new = ContentType.objects.filter(app_label=new_label, model=model).first()
        if new is None:
            old.app_label = new_label
            old.save(update_fields=["app_label"])
            continue
        # Both exist (permissions were created under the new label already): give the new permissions to
        # the groups that had the old ones (roles are groups here), and leave the old rows unused.
        for permission in Permission.objects.filter(content_type=old):
            twin = Permission.objects.filter(content_type=new, codename=permission.codename).first()
            if twin is not None:
                for group in permission.group_set.all():
                    group.permissions.add(twin)


def forwards(apps, schema_editor):
    _move(apps, "projects_db", "places")


def backwards(apps, schema_editor):
    _move(apps, "places", "projects_db")


class Migration(migrations.Migration):
    dependencies = [
        ("places", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
