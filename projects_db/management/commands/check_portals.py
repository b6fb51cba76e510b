"""`manage.py check_portals`: queue a check of every municipality's portal address (HEAD, then GET; see portals.py)."""

from django.core.management.base import BaseCommand

from hub.places import selectors as places
from projects_db.tasks import check_portal


class Command(BaseCommand):
    help = "Check every municipal portal link in the background and record its status and time."

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10.0, help="Seconds to wait for each portal.")
        parser.add_argument("--municipality", action="append", help="Only this municipality (slug); repeatable.")

    def handle(self, *args, timeout: float, municipality=None, **options):
        municipalities = places.municipalities().exclude(portal_url="").order_by("pk")
        if municipality:
            municipalities = municipalities.filter(slug__in=municipality)
        ids = list(municipalities.values_list("pk", flat=True))
        for pk in ids:
            check_portal.enqueue(municipality_id=pk, timeout=timeout)
        self.stdout.write(self.style.SUCCESS(f"{len(ids)} portal check(s) queued."))
