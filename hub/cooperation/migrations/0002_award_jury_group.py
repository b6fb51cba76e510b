"""The "Award jury" group (hub.accounts.roles.AWARD_JURY), and ministry editors' rights on the cooperation snippets.

Permissions are fetched with get_or_create (as hub.accounts' 0003 does) because on a fresh database Django creates
permission rows only after all migrations ran. Idempotent.
"""

from django.db import migrations

AWARD_JURY = "Award jury"  # frozen copies of hub.accounts.roles names
MINISTRY_EDITORS = "Ministry editors"
EDITED_MODELS = ["awardedition", "recommendation", "responsiblebody", "agreement"]


def _permission(apps, model, action):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="cooperation", model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
    )
    return permission


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=AWARD_JURY)
    editors, _ = Group.objects.get_or_create(name=MINISTRY_EDITORS)
    for model in EDITED_MODELS:
        for action in ("add", "change", "delete", "view"):
            editors.permissions.add(_permission(apps, model, action))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=AWARD_JURY).delete()
    editors = Group.objects.filter(name=MINISTRY_EDITORS).first()
    if editors is not None:
        editors.permissions.remove(
            *apps.get_model("auth", "Permission").objects.filter(content_type__app_label="cooperation")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0001_initial"),
        ("accounts", "0003_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
