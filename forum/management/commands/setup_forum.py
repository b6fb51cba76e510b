"""`manage.py setup_forum`: the forum tree, role groups and permissions; safe to run again."""

from django.core.management.base import BaseCommand

from forum import services


class Command(BaseCommand):
    help = "Create or complete the forum tree and its permissions for each role (idempotent)."

    def handle(self, *args, **options):
        forums = services.setup_forum(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Forum ready: {len(forums)} forums."))
