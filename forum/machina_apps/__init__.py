"""The site's overrides of django-machina apps, by machina's own mechanism (machina/core/loading.py).

Each package here stands in INSTALLED_APPS in place of the machina app of the same name; its AppConfig subclasses
machina's, so its *label* is the one machina looks up (`forum_conversation`, ...). `get_class("forum_conversation.
views", "TopicView")` then finds the class in `forum.machina_apps.forum_conversation.views` first and falls back
to machina's module for every class not defined here, and machina's URL factories route to these views: no URL is
declared twice. Each package holds only what it changes:

- `apps.py`: the AppConfig (label and models unchanged);
- `models.py`: machina's models, re-exported (Django imports an app's models from its own package);
- `admin.py`: machina's admin, imported (the admin discovers `<app>.admin` of the installed package);
- `views.py` (or `urls.py`): the subclassed views.

The migrations stay machina's (settings.MIGRATION_MODULES points each label at them), so nothing is copied.
"""
