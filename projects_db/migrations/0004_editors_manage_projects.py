"""Ministry editors manage the projects database in the Wagtail admin (docs/projects.md, "Admin"): they add, change
and view projects, categories, organisations, municipalities and governorates there. Nobody is given delete: the
documentation promises none, and a project's history must not vanish."""

from django.db import migrations

from hub.accounts import roles

# Governorates and municipalities are in places since issue 12 (places.0002 moved the content types of databases
# where this ran before).
MODELS = [
    ("projects_db", "project"),
    ("projects_db", "category"),
    ("projects_db", "organisation"),
    ("places", "municipality"),
    ("places", "governorate"),
]
ACTIONS = ["add", "change", "view"]


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app_label, model in MODELS:
        # get_or_create, as Wagtail's migrations do: on a fresh database permissions appear only after migrate.
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            yield permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name=roles.MINISTRY_EDITORS)
    editors.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors = Group.objects.filter(name=roles.MINISTRY_EDITORS).first()
    if editors is not None:
        editors.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("projects_db", "0003_project_documents_collection"),
        ("accounts", "0003_role_groups"),
        ("places", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
