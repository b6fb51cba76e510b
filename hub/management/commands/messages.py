"""`manage.py messages extract|check|compile`: the project's translation catalogues without GNU gettext."""

import json

from django.core.management.base import BaseCommand, CommandError

from hub import i18n_catalogue


class Command(BaseCommand):
    help = "Extract translatable strings into each app's Arabic catalogue, list missing translations, or compile."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["extract", "check", "compile", "translate"])
        parser.add_argument(
            "--file", help='With translate: a JSON object {"English msgid": "Arabic", ...} (a list for plurals).'
        )
        parser.add_argument("--prune", action="store_true", help="With extract: drop strings no longer used.")

    def handle(self, *args, action, prune, file=None, **options):
        if action == "translate":
            if not file:
                raise CommandError("translate needs --file")
            with open(file, encoding="utf-8") as fh:
                changed = i18n_catalogue.apply_translations(json.load(fh))
            self.stdout.write(f"{changed} translation(s) set")
            action = "check"
        if action == "extract":
            for catalogue, count in i18n_catalogue.extract(prune=prune).items():
                self.stdout.write(f"{catalogue}: {count} new")
            action = "check"
        if action == "check":
            missing = i18n_catalogue.missing()
            for m in missing:
                self.stdout.write(f"{m.source}: {m.msgid!r}" + (f" (context {m.context!r})" if m.context else ""))
            if missing:
                raise CommandError(f"{len(missing)} string(s) have no Arabic translation.")
            self.stdout.write(self.style.SUCCESS("Every string has an Arabic translation."))
        if action == "compile":
            for path in i18n_catalogue.compile_all():
                self.stdout.write(f"compiled {path.relative_to(i18n_catalogue.ROOT)}")
