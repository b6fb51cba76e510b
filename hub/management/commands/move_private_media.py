"""`manage.py move_private_media [--dry-run]`: move documents and forum attachments out of MEDIA_ROOT into
PRIVATE_MEDIA_ROOT (once, after upgrading to the private media folder; running it again moves nothing)."""

from django.core.management.base import BaseCommand

from hub import services


class Command(BaseCommand):
    help = "Move files that are not public (documents, forum attachments) from MEDIA_ROOT to PRIVATE_MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only list what would move")

    def handle(self, *args, dry_run=False, **options):
        result = services.private_media_move(dry_run=dry_run)
        verb = "would move" if dry_run else "moved"
        for name in result["moved"]:
            self.stdout.write(f"{verb} {name}")
        for name in result["conflicts"]:
            self.stderr.write(f"left in place (a different file of that name is already private): {name}")
        summary = (
            f"{len(result['moved'])} file(s) {verb}, {len(result['duplicates'])} already private, "
            f"{len(result['conflicts'])} conflict(s)."
        )
        self.stdout.write(self.style.WARNING(summary) if result["conflicts"] else self.style.SUCCESS(summary))
        if result["conflicts"]:
            raise SystemExit(1)
