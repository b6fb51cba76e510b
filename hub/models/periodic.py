"""When each periodic job (hub/periodic.py) last started, so that a restart, or a second host, never runs it twice."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicJobRun(models.Model):
    """One row per job of hub.periodic.SCHEDULE; `run_periodic` locks it while it decides whether the job is due."""

    name = models.CharField(_("job"), max_length=60, unique=True)
    last_started_at = models.DateTimeField(_("last started"))

    class Meta:
        verbose_name = _("periodic job run")
        verbose_name_plural = _("periodic job runs")

    def __str__(self) -> str:
        return f"{self.name} {self.last_started_at:%Y-%m-%d %H:%M}"
