"""`manage.py load_demo_data`: the demo content, loaded step by step; safe to run again (idempotent)."""

from importlib import import_module

from django.core.management.base import BaseCommand

# Each step is an app's demo module with a `load(*, stdout)` function; order matters (places before people).
STEPS = ["hub.demo"]


class Command(BaseCommand):
    help = "Load (or complete) the demo content. Running it again changes nothing that is already there."

    def handle(self, *args, **options):
        for step in STEPS:
            import_module(step).load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
