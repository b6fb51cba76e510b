"""The hub's three roles as groups; ministry editors may use the Wagtail admin on pages, images and documents.

Group names come from hub.accounts.roles (plain constants, safe to import in a migration). Permissions are
fetched with get_or_create, as Wagtail's own migrations do, because on a fresh database Django creates
permission rows only after all migrations ran.
"""

from django.db import migrations

from hub.accounts import roles

ADMIN_PERMISSIONS = [("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")]
PAGE_PERMISSIONS = [
    ("add_page", "Add a page anywhere"),
    ("change_page", "Change any page"),
    ("publish_page", "Publish any page"),
    ("lock_page", "Lock/unlock pages you've locked"),
    ("unlock_page", "Unlock any page"),
]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add_image", "Can add image"),
    ("wagtailimages", "image", "change_image", "Can change image"),
    ("wagtailimages", "image", "choose_image", "Can choose image"),
    ("wagtaildocs", "document", "add_document", "Can add document"),
    ("wagtaildocs", "document", "change_document", "Can change document"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
]


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    for name in roles.ALL_GROUPS:
        Group.objects.get_or_create(name=name)

    editors = Group.objects.get(name=roles.MINISTRY_EDITORS)
    for args in ADMIN_PERMISSIONS:
        editors.permissions.add(_permission(apps, *args))
    root_page = Page.objects.filter(depth=1).order_by("path").first()
    if root_page is not None:
        for codename, name in PAGE_PERMISSIONS:
            permission = _permission(apps, "wagtailcore", "page", codename, name)
            GroupPagePermission.objects.get_or_create(group=editors, page=root_page, permission=permission)
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection is not None:
        for args in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=editors, collection=root_collection, permission=_permission(apps, *args)
            )


def remove_groups(apps, schema_editor):
    # Deleting a group removes its members' links and its page and collection permissions with it.
    apps.get_model("auth", "Group").objects.filter(name__in=roles.ALL_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_membershiprequest"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
