"""`manage.py search_eval --corpus FILE --queries FILE [--engine postgres|elasticsearch]`."""

from django.core.management.base import BaseCommand, CommandError

from search import evaluation


class Command(BaseCommand):
    help = (
        "Load a relevance corpus into a throwaway database, run the queries and print recall@10, MRR@10 and "
        "nDCG@10 for the engine and for a naive ILIKE baseline. The last line is the engine's scores."
    )

    def add_arguments(self, parser):
        parser.add_argument("--corpus", required=True, help="JSON lines: id, type, lang, title, body")
        parser.add_argument("--queries", required=True, help="JSON lines: query, relevant (ids), case")
        parser.add_argument("--engine", choices=["postgres", "elasticsearch"], default="postgres")

    def handle(self, *args, corpus, queries, engine, **options):
        try:
            evaluation.evaluate(corpus_path=corpus, queries_path=queries, engine_name=engine, out=self.stdout.write)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"cannot evaluate: {error}") from error
