"""Ministry editors manage the projects database in the Wagtail admin (docs/projects.md, "Admin"): they add, change
and view projects, categories, organisations, municipalities and governorates there. Nobody is given delete: the
documentation promises none, and a project's history must not vanish."""

from django.db import migrations

from hub.accounts import roles

MODELS = ["project", "category", "organisation", "municipality", "governorate"]
ACTIONS = ["add", "change", "view"]


def _permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in MODELS:
        # get_or_create, as Wagtail's migrations do: on a fresh database permissions appear only after migrate.
        content_type, _ = ContentType.objects.get_or_create(app_label="projects_db", model=model)
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
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
