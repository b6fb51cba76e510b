"""`manage.py import_projects FILE.csv`: import projects, all or nothing (see projects_db/importing.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from projects_db.importing import OPTIONAL, REQUIRED, import_csv


class Command(BaseCommand):
    help = "Import projects from a UTF-8 CSV file. Every row is checked first; nothing is imported if one is bad."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, help="Language of the messages (ar or en).")

    def handle(self, *args, file: Path, language: str, **options):
        translation.activate(language)
        try:
            text = file.read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            raise CommandError(f"No such file: {file}") from None
        except UnicodeDecodeError:
            raise CommandError("The file is not UTF-8 text.") from None
        count, errors = import_csv(text)
        if errors:
            for error in errors:
                self.stderr.write(f"line {error.line}: {error.message}")
            raise CommandError(
                f"{len(errors)} bad row(s): nothing was imported. Columns: required {', '.join(REQUIRED)}; "
                f"optional {', '.join(OPTIONAL)}."
            )
        self.stdout.write(self.style.SUCCESS(f"{count} project(s) imported."))
