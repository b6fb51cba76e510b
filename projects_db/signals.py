"""Signals other apps may listen to, so they need not import projects_db's models to keep their copies current."""

from django.dispatch import Signal

# Sent inside the transaction of projects_db.services.category_update when a category's name or slug changed,
# with `category`: pages that show the category (success stories) re-index their search documents.
category_renamed = Signal()
