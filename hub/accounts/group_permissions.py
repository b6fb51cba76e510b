"""What each role's group may do in the admins: the one declaration, and the one function that grants it.

Migrations (hub.accounts 0004), the demo loader and `cms_ensure_workflow` (run by setup and by tests) all call
`apply_group_permissions`; nothing else adds permissions to the role groups (the forum's machina permissions are
machina's own, set by `setup_forum`). Granting is additive and idempotent: a right an administrator added by hand is
kept. The module imports no model, so a migration can pass its historical `apps`.
"""

from __future__ import annotations

from django.apps import apps as live_apps

from hub.accounts import roles

ADD_CHANGE_VIEW = ("add", "change", "view")
ALL_ACTIONS = ("add", "change", "delete", "view")

# Model permissions: {group: [(app label, model, codename), ...]}.
MODEL_PERMISSIONS: dict[str, list[tuple[str, str, str]]] = {
    roles.MINISTRY_EDITORS: [
        ("wagtailadmin", "admin", "access_admin"),
        ("simple_translation", "simpletranslation", "submit_translation"),
        # The projects database in the Wagtail admin (docs/projects.md): no delete, a project's history must stay.
        *[
            ("projects_db", model, f"{action}_{model}")
            for model in ("project", "category", "organisation")
            for action in ADD_CHANGE_VIEW
        ],
        # Municipalities and governorates (hub.places, shown in the Wagtail admin's Places menu).
        *[
            ("places", model, f"{action}_{model}")
            for model in ("municipality", "governorate")
            for action in ADD_CHANGE_VIEW
        ],
        # The cooperation snippets (docs/cooperation.md).
        *[
            ("cooperation", model, f"{action}_{model}")
            for model in ("awardedition", "recommendation", "responsiblebody", "agreement", "trainingprogramme")
            for action in ALL_ACTIONS
        ],
    ],
    roles.MUNICIPAL_STAFF: [("wagtailadmin", "admin", "access_admin")],
    roles.FORUM_MODERATORS: [],
    roles.AWARD_JURY: [],
}

# Page permissions: {group: (which pages, [codename, ...])}. "root": the tree's root, so every page of every
# language; "story indexes": each StoryIndexPage (staff draft stories there, the workflow sends them to editors).
PAGE_PERMISSIONS: dict[str, tuple[str, list[str]]] = {
    roles.MINISTRY_EDITORS: ("root", ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]),
    roles.MUNICIPAL_STAFF: ("story indexes", ["add_page"]),
}

# Image and document permissions on the root collection: {group: [(app label, model, codename), ...]}.
COLLECTION_PERMISSIONS: dict[str, list[tuple[str, str, str]]] = {
    roles.MINISTRY_EDITORS: [
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "change_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "change_document"),
        ("wagtaildocs", "document", "choose_document"),
    ],
    roles.MUNICIPAL_STAFF: [
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "choose_document"),
    ],
}

# The names Django or Wagtail give permissions that are not "Can <action> <model>".
NAMES = {
    "access_admin": "Can access Wagtail admin",
    "submit_translation": "Can submit translations",
    "add_page": "Add a page anywhere",
    "change_page": "Change any page",
    "publish_page": "Publish any page",
    "lock_page": "Lock/unlock pages you've locked",
    "unlock_page": "Unlock any page",
}


def _permission(apps, app_label: str, model: str, codename: str):
    """The permission row, created if missing: on a fresh database Django creates permissions only after the last
    migration, so a data migration must (as Wagtail's own do)."""
    content_type, _ = apps.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label=app_label, model=model
    )
    name = NAMES.get(codename) or f"Can {codename.replace('_', ' ', 1)}"
    permission, _ = apps.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _pages(apps, scope: str) -> list:
    if scope == "root":
        return list(apps.get_model("wagtailcore", "Page").objects.filter(depth=1).order_by("path")[:1])
    if scope == "story indexes":
        try:  # in a migration on a new database the CMS's tables may come later; there are no pages yet then
            return list(apps.get_model("hub", "StoryIndexPage").objects.all())
        except LookupError:
            return []
    raise ValueError(scope)


def apply_group_permissions(*, apps=live_apps) -> None:
    """Create the role groups and grant them what the declarations above say; idempotent."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in MODEL_PERMISSIONS}
    for name, triples in MODEL_PERMISSIONS.items():
        groups[name].permissions.add(*[_permission(apps, *triple) for triple in triples])
    for name, (scope, codenames) in PAGE_PERMISSIONS.items():
        for page in _pages(apps, scope):
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page=page, permission=_permission(apps, "wagtailcore", "page", codename)
                )
    root_collection = apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).order_by("path").first()
    if root_collection is not None:
        for name, triples in COLLECTION_PERMISSIONS.items():
            for triple in triples:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root_collection, permission=_permission(apps, *triple)
                )
