"""The periodic jobs and their schedule, in one place. `manage.py run_periodic` starts the jobs that are due (each a
management command that queues its django-tasks tasks, which the worker runs); django-tasks has no scheduler of
its own. `make run` keeps it looping beside the worker; production runs it from cron (docs/deployment.md)."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    command: str  # a management command that queues the job's tasks
    args: tuple[str, ...] = ()

    def start(self) -> str:
        out = io.StringIO()
        call_command(self.command, *self.args, stdout=out)
        return out.getvalue().strip()


SCHEDULE = [
    # Followers get what changed in the week (hub/cooperation/tasks.py: send_weekly_digest).
    PeriodicJob(name="weekly-digest", every=timedelta(days=7), command="send_digest"),
    # Every municipal portal address is checked once a day (projects_db/tasks.py: check_portal).
    PeriodicJob(name="portal-checks", every=timedelta(days=1), command="check_portals"),
]


def is_due(job: PeriodicJob, last_started_at: datetime | None, now: datetime) -> bool:
    return last_started_at is None or now - last_started_at >= job.every


def run_due(*, now: datetime | None = None, report: Callable[[str], None] = lambda line: None) -> list[str]:
    """Start every job that is due and record when; returns the names started. Each job's row is locked while it
    is decided and started, so two hosts (or two loops) running this at once start it once."""
    from hub.models import PeriodicJobRun

    now = now or timezone.now()
    started = []
    for job in SCHEDULE:
        with transaction.atomic():
            PeriodicJobRun.objects.get_or_create(name=job.name, defaults={"last_started_at": now - job.every})
            run = PeriodicJobRun.objects.select_for_update().get(name=job.name)
            if not is_due(job, run.last_started_at, now):
                continue
            run.last_started_at = now
            run.save(update_fields=["last_started_at"])
            report(f"{job.name}: {job.start()}")
        started.append(job.name)
    return started
