"""The Wagtail admin answers under the site's nonce policy for scripts: every inline script it writes (date pickers,
inline panels, page/snippet/image choosers) carries the nonce of the answer's Content-Security-Policy. The few pages
that cannot carry the nonce allow inline scripts instead.
(In Chromium: tests/browser/test_content_security_policy.py.)"""

import re

import pytest

from tests.hub.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r"<script\b([^>]*)>")


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("nonce-admin", "nonce-admin@example.org", "pass-12345")
    client.force_login(admin)
    return client


def script_src(response) -> str:
    policy = response.headers["Content-Security-Policy"]
    return next(d.strip() for d in policy.split(";") if d.strip().startswith("script-src "))


def inline_scripts(html: str) -> list[str]:
    """The attributes of every <script> that runs its own text (not src=, not a JSON or template data block)."""
    return [attrs for attrs in SCRIPT.findall(html) if "src=" not in attrs and "application/json" not in attrs]


def assert_every_inline_script_has_the_nonce(response, path):
    assert response.status_code == 200, path
    directive = script_src(response)
    match = re.fullmatch(r"script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'", directive)
    assert match, (path, directive)
    scripts = inline_scripts(response.content.decode())
    assert scripts, path
    assert all(f'nonce="{match[1]}"' in attrs for attrs in scripts), (path, scripts)
    return scripts


def test_forms_with_date_pickers_inline_panels_and_choosers_give_each_script_the_nonce(admin_client, home_pages):
    municipality = MunicipalityFactory()
    for path in [
        "/admin/snippets/cooperation/awardedition/add/",  # date and date-time pickers, an inline panel
        "/admin/snippets/cooperation/recommendation/add/",  # page and snippet choosers, an inline panel with dates
        "/admin/snippets/projects_db/project/add/",  # snippet choosers, date pickers
        f"/admin/snippets/places/municipality/edit/{municipality.pk}/",  # a chosen snippet
        f"/admin/pages/{home_pages['ar'].pk}/edit/",  # the scheduled publishing dialog's date-time pickers
        "/admin/users/",  # the listing filters' date pickers
    ]:
        assert_every_inline_script_has_the_nonce(admin_client.get(path), path)


def test_pages_whose_chooser_wagtail_builds_itself_allow_inline_scripts_without_a_nonce(admin_client, home_pages):
    for path in ["/admin/redirects/add/", "/admin/sites/new/", f"/admin/pages/{home_pages['ar'].pk}/copy/"]:
        response = admin_client.get(path)
        assert response.status_code == 200, path
        assert script_src(response) == "script-src 'self' 'unsafe-inline'", path


def test_other_admin_pages_keep_the_nonce_policy(admin_client):
    response = admin_client.get("/admin/redirects/")
    assert response.status_code == 200
    assert "unsafe-inline" not in script_src(response)
