"""Periodic jobs: `run_periodic` starts the weekly digest and the daily portal checks when they are due, once, and
the schedule in hub/periodic.py is the one docs/deployment.md gives operators."""

import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from hub import periodic
from hub.cooperation.models import Follow
from hub.models import PeriodicJobRun
from tests.projects_db.factories import MunicipalityFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command("run_periodic", *args, stdout=out)
    return out.getvalue()


def test_the_first_run_starts_every_job_and_the_next_finds_nothing_due():
    first = _run()
    assert "weekly-digest: Digest queued" in first
    assert "portal-checks: 0 portal check(s) queued." in first
    assert _run().strip() == "Nothing is due."
    assert set(PeriodicJobRun.objects.values_list("name", flat=True)) == {"weekly-digest", "portal-checks"}


def test_portal_checks_come_back_daily_and_the_digest_weekly():
    now = timezone.now()
    assert periodic.run_due(now=now) == ["weekly-digest", "portal-checks"]
    assert periodic.run_due(now=now + timedelta(hours=23)) == []
    assert periodic.run_due(now=now + timedelta(days=1)) == ["portal-checks"]
    assert periodic.run_due(now=now + timedelta(days=7)) == ["weekly-digest", "portal-checks"]


def test_a_follower_gets_the_digest_from_the_scheduled_run(django_capture_on_commit_callbacks):
    member = UserFactory(username="follower", email="follower@example.org")
    municipality = MunicipalityFactory()
    Follow.objects.create(user=member, kind="municipality", target_id=municipality.pk)
    ProjectFactory(lead_municipality=municipality, title="Online water bills")
    with django_capture_on_commit_callbacks(execute=True):
        _run()
    assert [message.to for message in mail.outbox] == [["follower@example.org"]]
    assert "Online water bills" in mail.outbox[0].body
    mail.outbox.clear()
    _run()
    assert mail.outbox == []


def test_the_loop_checks_again_until_its_bound():
    assert _run("--loop", "--interval", "0", "--max-checks", "2").count("weekly-digest") == 1


def test_the_operators_documentation_gives_the_schedule_of_the_code():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "deployment.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (\d+) days? \|", doc, flags=re.M))
    assert rows == {job.name: str(job.every.days) for job in periodic.SCHEDULE}
    assert "manage.py run_periodic" in doc
