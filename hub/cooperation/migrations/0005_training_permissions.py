"""Ministry editors may manage training programmes: grant what hub.accounts.group_permissions now declares on a
database that already ran accounts 0004 (additive and idempotent; going backwards leaves the groups as they are)."""

from django.db import migrations


def apply(apps, schema_editor):
    from hub.accounts.group_permissions import apply_group_permissions

    apply_group_permissions(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0004_agreement_organisations_training"),
        ("accounts", "0004_apply_group_permissions"),
    ]

    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]
