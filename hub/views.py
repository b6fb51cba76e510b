"""Site-level views that are not Wagtail pages."""

from django.db import DatabaseError, connection
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """200 with {"status": "ok"} when the database answers, 503 otherwise (for load balancers). "search" says
    whether the site search is hybrid or lexical-only (without pgvector), which is not a failure."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return JsonResponse(
            {"status": "unavailable", "database": "error", "detail": exc.__class__.__name__}, status=503
        )
    from search import selectors

    search = selectors.semantic_status()
    return JsonResponse(
        {
            "status": "ok",
            "database": "ok",
            "search": {"mode": "hybrid" if search["semantic"] else "lexical", "detail": search["detail"]},
        }
    )


@require_GET
def favicon(request):
    """Browsers ask /favicon.ico whatever the page says: send them to the project's icon among the static files."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))
