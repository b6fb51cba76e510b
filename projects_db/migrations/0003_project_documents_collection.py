"""Documents uploaded with projects go into their own Wagtail collection ("Project documents"), so the serve view
and the admin chooser can tell them apart (projects_db.selectors.documents_visible_to). Documents already attached
to a project move into it; reversing leaves them there (moving them back would lose nothing but is not needed)."""

from django.db import migrations

NAME = "Project documents"  # projects_db.selectors.PROJECT_DOCUMENTS_COLLECTION
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path alphabet, 4 characters per level
STEP = 4


def _next_step(path: str) -> str:
    number = 0
    for char in path:
        number = number * len(ALPHABET) + ALPHABET.index(char)
    number += 1
    digits = ""
    for _ in range(STEP):
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits


def create_collection(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Document = apps.get_model("wagtaildocs", "Document")
    Project = apps.get_model("projects_db", "Project")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    collection = Collection.objects.filter(name=NAME).first()
    if collection is None:
        last = Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
        step = _next_step(last.path[-STEP:]) if last else "0" * (STEP - 1) + "1"
        collection = Collection.objects.create(name=NAME, path=root.path + step, depth=2, numchild=0)
        Collection.objects.filter(pk=root.pk).update(numchild=Collection.objects.filter(depth=2).count())
    attached = Project.documents.through.objects.values("document_id")
    Document.objects.filter(pk__in=attached).update(collection=collection)


class Migration(migrations.Migration):
    dependencies = [
        ("projects_db", "0002_projects"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_collection, migrations.RunPython.noop)]
