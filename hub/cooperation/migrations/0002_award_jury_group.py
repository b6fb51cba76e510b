"""The "Award jury" group (hub.accounts.roles.AWARD_JURY), and ministry editors' rights on the cooperation snippets.

Permissions are fetched with get_or_create (as hub.accounts' 0003 does) because on a fresh database Django creates
permission rows only after all migrations ran. Idempotent.

Superseded: hub.accounts.group_permissions declares every role's rights and accounts 0004 grants them.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0001_initial"),
        ("accounts", "0003_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # What this migration granted is now declared in hub.accounts.group_permissions and granted by
    # accounts 0004; kept as a no-op so databases that ran it and databases that did not agree.
    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
