"""The hub's three roles as groups; ministry editors may use the Wagtail admin on pages, images and documents.

Group names come from hub.accounts.roles (plain constants, safe to import in a migration). Permissions are
fetched with get_or_create, as Wagtail's own migrations do, because on a fresh database Django creates
permission rows only after all migrations ran.

Superseded: hub.accounts.group_permissions declares every role's rights and accounts 0004 grants them.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_membershiprequest"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    # What this migration granted is now declared in hub.accounts.group_permissions and granted by
    # accounts 0004; kept as a no-op so databases that ran it and databases that did not agree.
    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
