"""`manage.py forum_notifications [--digest]`: send notifications held back by the throttle (and write the topic
views counted in the cache), or the digest."""

from django.core.management.base import BaseCommand

from forum import tasks


class Command(BaseCommand):
    help = (
        "Queue the sending of due forum notifications and the writing of topic views (every few minutes), "
        "or the daily digest (--digest)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--digest", action="store_true", help="Send the daily digest instead.")
        parser.add_argument("--now", action="store_true", help="Run in this process instead of enqueuing.")

    def handle(self, *args, digest=False, now=False, **options):
        job = tasks.send_daily_digests if digest else tasks.send_due_notifications
        if now:
            self.stdout.write(f"{job.call()} e-mail(s) sent")
            if not digest:
                self.stdout.write(f"{tasks.flush_topic_views.call()} topic view(s) written")
        else:
            job.enqueue()
            if not digest:
                tasks.flush_topic_views.enqueue()
            self.stdout.write("queued")
