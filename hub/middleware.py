"""Site-wide request guards that answer before any view runs."""

from __future__ import annotations

from django.http import JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


def _has_nul(request) -> bool:
    if "\x00" in request.path_info:
        return True
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists())


class RefuseNulBytesMiddleware:
    """A NUL byte in the path or the query string is never meaningful, and PostgreSQL refuses it in a query (a 500
    on any route that filters by it). Refuse it once here, for the whole site: a 400 page in the site frame in the
    reader's language, or a JSON body on the API."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _has_nul(request):
            return self.get_response(request)
        message = _("The address contains a character that is not allowed (a NUL byte).")
        if request.path_info.startswith(API_PREFIX):
            return JsonResponse({"detail": message}, status=400)
        return render(request, "400.html", {"message": message}, status=400)


class ApiErrorsAsJsonMiddleware:
    """On the API every error is JSON: the view's own errors already are (projects_db.api's handlers); this also
    turns the few answers made outside them (405 for another method, Django's 500 page) into
    {"detail": reason}, keeping the status and headers such as Allow."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response: HttpResponseBase = self.get_response(request)
        if (
            request.path_info.startswith(API_PREFIX)
            and response.status_code >= 400
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            json_response = JsonResponse({"detail": response.reason_phrase}, status=response.status_code)
            for header in ("Allow", "Retry-After"):
                if response.has_header(header):
                    json_response[header] = response[header]
            return json_response
        return response
