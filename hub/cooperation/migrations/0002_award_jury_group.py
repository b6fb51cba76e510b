"""The "Award jury" group (hub.accounts.roles.AWARD_JURY), created idempotently."""

from django.db import migrations

AWARD_JURY = "Award jury"  # frozen copy of hub.accounts.roles.AWARD_JURY


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=AWARD_JURY)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=AWARD_JURY).delete()


class Migration(migrations.Migration):
    dependencies = [("cooperation", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_group, remove_group)]
