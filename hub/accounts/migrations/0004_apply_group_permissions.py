"""The role groups get what hub.accounts.group_permissions declares (the one place that says it).

On a fresh database this migration grants everything: the earlier data migrations that each granted a part
(accounts 0003, projects_db 0004, cooperation 0002) are kept as no-ops so the history stays valid. On an existing
database it adds what they did not (idempotent, additive). Going backwards leaves the groups as they are.

It depends on no other app of the project (accounts must not depend on the apps that depend on it): the content
types and permissions it grants are created if missing, and the story index pages it grants on exist only on a
database that already has the CMS's tables (on a new one, `cms_ensure_workflow` grants them when they are made).
"""

from django.db import migrations


def apply(apps, schema_editor):
    from hub.accounts.group_permissions import apply_group_permissions

    apply_group_permissions(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_role_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(apply, migrations.RunPython.noop)]
