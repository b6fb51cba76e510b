"""Ministry editors manage the projects database in the Wagtail admin (docs/projects.md, "Admin"): they add, change
and view projects, categories, organisations, municipalities and governorates there. Nobody is given delete: the
documentation promises none, and a project's history must not vanish.

Superseded: hub.accounts.group_permissions declares every role's rights and accounts 0004 grants them.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("projects_db", "0003_project_documents_collection"),
        ("accounts", "0003_role_groups"),
        ("places", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # What this migration granted is now declared in hub.accounts.group_permissions and granted by
    # accounts 0004; kept as a no-op so databases that ran it and databases that did not agree.
    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
