"""The semantic search's vectors (search.embeddings): created only where PostgreSQL can create the `vector`
extension (pgvector). Elsewhere this migration applies and changes nothing, and the search is lexical-only;
running `migrate hub_search 0003` then `migrate` again once pgvector is installed creates the table."""

from django.db import migrations


def create(apps, schema_editor):
    from search.embeddings import create_storage

    create_storage(schema_editor)


def drop(apps, schema_editor):
    from search.embeddings import DROP_SQL

    for statement in DROP_SQL:
        schema_editor.execute(statement)
    schema_editor.connection._hub_search_embedding_table = False


class Migration(migrations.Migration):
    dependencies = [("hub_search", "0004_title_tier")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
