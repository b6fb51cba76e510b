"""The Wagtail admin answers under the site's nonce policy for scripts: every inline script it writes (date pickers,
inline panels, page/snippet/image/task choosers, in the project's forms and in Wagtail's own) carries the nonce of the
answer's Content-Security-Policy; machina's one fixed admin script runs by its hash. No page allows inline scripts.
(In Chromium: tests/browser/test_content_security_policy.py.)"""

import base64
import hashlib
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
    match = re.fullmatch(r"script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'( 'sha256-[A-Za-z0-9+/=]+')*", directive)
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


def test_wagtails_own_forms_with_a_chooser_give_its_script_the_nonce(admin_client, home_pages):
    for path in [
        "/admin/redirects/add/",
        "/admin/sites/new/",
        f"/admin/pages/{home_pages['ar'].pk}/copy/",
        f"/admin/pages/{home_pages['ar'].pk}/move/",
        "/admin/workflows/add/",  # the task chooser starts with createTaskChooser(...)
        "/admin/groups/new/",  # the page chooser of a page-permission row's <template>
    ]:
        scripts = assert_every_inline_script_has_the_nonce(admin_client.get(path), path)
        assert scripts, path


def test_machinas_forum_permission_pages_run_their_one_script_by_its_hash(admin_client):
    from machina.core.db.models import get_model

    forum = get_model("forum", "Forum").objects.create(name="Hash", type=0)
    paths = [
        f"/django-admin/forum/forum/{forum.pk}/edit-permissions/",
        "/django-admin/forum/forum/edit-global-permissions/",
    ]
    for path in paths:
        response = admin_client.get(path)
        assert response.status_code == 200, path
        body = re.search(r"<script type=\"text/javascript\">(.*?)</script>", response.content.decode(), re.S)[1]
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        directive = script_src(response)
        assert f"'sha256-{digest}'" in directive, (path, directive)
        assert "unsafe-inline" not in directive


@pytest.mark.parametrize(
    "script",
    [
        "alert(1);",
        'new PageChooser("id_x", {}); alert(1); new PageChooser("id_y", {});',
        'new PageChooser("id_x", {"a": alert(1)});',
        'new Function("alert(1)", {});',
        'createTaskChooser("id_x", alert(1));',
        "createTaskChooser(alert(1));",
    ],
)
def test_no_other_inline_script_gets_the_nonce(script):
    from hub.headers import nonce_chooser_scripts

    html = f"<p>x</p><script>{script}</script>"
    assert nonce_chooser_scripts(html, "N0NCE") == html


def test_an_admin_page_with_a_forged_script_in_its_content_does_not_run_it(admin_client):
    """A page title that is a chooser-looking script is escaped by Wagtail: nothing in the answer is stamped but the
    choosers' own scripts."""
    from wagtail.models import Page

    root = Page.objects.get(depth=1)
    page = root.add_child(instance=Page(title="</script><script>alert(1);</script>", slug="forged"))
    response = admin_client.get(f"/admin/pages/{page.pk}/copy/")
    html = response.content.decode()
    assert "<script>alert(1);</script>" not in html
    assert 'nonce="' not in html.split("alert(1)")[0].rsplit("<script", 1)[-1]


def test_other_admin_pages_keep_the_nonce_policy(admin_client):
    response = admin_client.get("/admin/redirects/")
    assert response.status_code == 200
    assert "unsafe-inline" not in script_src(response)
