"""`manage.py load_demo_data`: the demo content, loaded step by step; safe to run again (idempotent)."""

from importlib import import_module

from django.core.management.base import BaseCommand

# Each step is "module:function", called with stdout=...; order matters (places before people before content).
STEPS = [
    "projects_db.demo:load_places",
    "hub.accounts.demo:load",
    "hub.demo:load",
    "projects_db.demo:load_projects",
    "hub.cooperation.demo:load",
    "hub.cooperation.demo_training:load",
    "forum.demo:load",
    "search.demo:load",
]


class Command(BaseCommand):
    help = "Load (or complete) the demo content. Running it again changes nothing that is already there."

    def handle(self, *args, **options):
        for step in STEPS:
            module, function = step.split(":")
            getattr(import_module(module), function)(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
