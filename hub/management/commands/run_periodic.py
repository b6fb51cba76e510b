"""`manage.py run_periodic [--loop]`: start the periodic jobs that are due (schedule: hub/periodic.py)."""

import time

from django.core.management.base import BaseCommand

from hub import periodic


class Command(BaseCommand):
    help = "Start the periodic jobs that are due (weekly digest, portal checks); --loop keeps checking every minute."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running, checking every --interval seconds.")
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between checks with --loop.")
        parser.add_argument("--max-checks", type=int, default=0, help="With --loop, stop after this many (0: never).")

    def handle(self, *args, loop: bool, interval: float, max_checks: int, **options):
        checks = 0
        while True:
            started = periodic.run_due(report=self.stdout.write)
            if not started and not loop:
                self.stdout.write("Nothing is due.")
            checks += 1
            if not loop or (max_checks and checks >= max_checks):
                return
            time.sleep(interval)
