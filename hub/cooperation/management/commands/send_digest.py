"""`manage.py send_digest`: queue (or, with --now, run) the weekly digest; schedule it weekly with cron."""

from django.core.management.base import BaseCommand

from hub.cooperation.tasks import send_weekly_digest


class Command(BaseCommand):
    help = "Send the weekly digest to everyone who follows something that changed."

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Run here instead of queueing a background task.")

    def handle(self, *args, **options):
        if options["now"]:
            sent = send_weekly_digest.call()
            self.stdout.write(f"Digest sent to {sent} people.")
        else:
            result = send_weekly_digest.enqueue()
            self.stdout.write(f"Digest queued ({result.id}).")
