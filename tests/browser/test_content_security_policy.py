"""In a real Chromium: the site's pages in both languages, the Wagtail admin, the Django admin and the API docs
render under the Content-Security-Policy without a single violation, and every page sends the policy headers. The
admin runs under the site's nonce policy for scripts; its date pickers, inline panels and choosers still work."""

import pytest

from tests.browser.signing_in import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Records violations before any script of the page runs (Playwright's init scripts are not subject to the CSP).
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def demo(demo_database):
    """The whole demo (load_demo_data: its accounts, and with them the forum's demo topics), a fresh copy of this
    worker's demo database for each test (tests/conftest.py `demo_database`)."""


@pytest.fixture
def watched(page):
    """The tab, recording CSP violations (event and console) and script errors."""
    page.add_init_script(RECORD_VIOLATIONS)
    page.csp_console = []
    page.on(
        "console",
        lambda m: page.csp_console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.page_errors = []
    page.on("pageerror", lambda error: page.page_errors.append(str(error)))
    return page


def visit(page, url, until="networkidle"):
    """Open `url`; `until="load"` where only the page's own scripts matter (an inline script without the nonce is
    refused while the document is parsed, before its load event)."""
    response = page.goto(url)
    page.wait_for_load_state(until)
    assert response.status == 200, (url, response.status)
    return response


def violations(page) -> list[str]:
    return page.evaluate("window.__csp || []") + page.csp_console


def assert_no_violation(page, where):
    found = violations(page)
    assert not found, f"{where}:\n" + "\n".join(found)


def site_pages():
    from machina.core.db.models import get_model
    from wagtail.models import Page

    from hub.places.models import Municipality
    from projects_db.models import Project

    Topic = get_model("forum_conversation", "Topic")
    topic = Topic.objects.filter(approved=True).select_related("forum").order_by("pk").first()
    project = Project.objects.filter(status="published").order_by("pk").first()
    municipality = Municipality.objects.order_by("pk").first()
    story = Page.objects.live().filter(depth__gte=4).order_by("pk").first()
    paths = [
        "/",
        "/search/?q=دفع",
        "/projects/",
        "/municipalities/",
        f"/municipalities/{municipality.slug}/",
        "/forum/",
        f"/forum/forum/{topic.forum.slug}-{topic.forum_id}/topic/{topic.slug}-{topic.pk}/",
        "/accounts/login/",
        "/accounts/signup/",
    ]
    if project is not None:
        paths.append(f"/projects/{project.slug}/")
    urls = []
    for language in ("ar", "en"):
        urls += [f"/{language}{path}" for path in paths]
    if story is not None:
        urls.append(story.url)
    return urls


def test_site_pages_in_both_languages_show_no_csp_violation(watched, live_server, demo):
    for path in site_pages():
        response = visit(watched, live_server.url + path, until="load")
        policy = response.header_value("content-security-policy")
        assert "script-src 'self' 'nonce-" in policy or "script-src 'self'" in policy, path
        assert "unsafe-inline" not in policy.split("style-src")[0], path
        assert response.header_value("permissions-policy"), path
        assert_no_violation(watched, path)
    assert watched.page_errors == []


def script_src(response) -> str:
    policy = response.header_value("content-security-policy")
    return next(d for d in policy.split(";") if d.strip().startswith("script-src ")).strip()


def assert_nonce_policy(response, path):
    """Scripts from the site or with the nonce; no inline script without it."""
    directive = script_src(response)
    assert directive.startswith("script-src 'self'"), (path, directive)
    assert "unsafe-inline" not in directive, (path, directive)


def admin_pages(admin):
    """The pages editors and administrators use: dashboard, explorer, page editors (every page type's add form, a
    story's edit form), every registered snippet's list, add and edit, images, documents, reports, settings and
    users; and the Django admin."""
    from django.urls import reverse
    from wagtail.admin.admin_url_finder import AdminURLFinder
    from wagtail.documents.models import Document
    from wagtail.images import get_image_model
    from wagtail.models import Page
    from wagtail.snippets.models import get_snippet_models

    story = Page.objects.live().filter(depth__gte=4).order_by("pk").first()
    pages = ["/admin/", "/admin/pages/", f"/admin/pages/{story.get_parent().pk}/", f"/admin/pages/{story.pk}/edit/"]
    added = set()
    for parent in Page.objects.filter(depth__gte=2).order_by("depth", "pk"):
        for model in parent.specific.creatable_subpage_models():
            if model not in added:
                added.add(model)
                pages.append(f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/")
    finder = AdminURLFinder(admin)
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        pages += [reverse(viewset.get_url_name("list")), reverse(viewset.get_url_name("add"))]
        instance = model.objects.order_by("pk").first()
        if instance is not None:
            pages.append(finder.get_edit_url(instance))
    image = get_image_model().objects.order_by("pk").first()
    document, _ = Document.objects.get_or_create(title="Guide", defaults={"file": "documents/guide.pdf"})
    pages += [
        "/admin/images/",
        f"/admin/images/{image.pk}/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        f"/admin/documents/edit/{document.pk}/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/site-history/",
        "/admin/sites/",
        "/admin/locales/",
        "/admin/collections/",
        "/admin/redirects/",
        "/admin/workflows/list/",
        "/admin/users/",
        "/admin/users/new/",
        f"/admin/users/edit/{admin.pk}/",
        "/admin/groups/",
        "/admin/account/",
        "/django-admin/",
        "/django-admin/accounts/user/",
        f"/django-admin/accounts/user/{admin.pk}/change/",
        "/django-admin/accounts/membershiprequest/",
    ]
    return pages


def test_wagtail_and_django_admin_run_under_the_nonce_policy_without_violation(watched, live_server, demo):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("csp-admin", "csp-admin@example.org", "pass-12345")
    sign_in(watched, live_server, admin)
    for path in admin_pages(admin):
        response = visit(watched, live_server.url + path, until="load")
        assert_nonce_policy(response, path)
        assert_no_violation(watched, path)
    assert watched.page_errors == []


def test_admin_pages_whose_choosers_wagtail_builds_itself_run_under_the_nonce_policy(watched, live_server, demo):
    """Wagtail's own forms that build a page or task chooser in their code (copy, move, workflows, groups, sites,
    redirects) and machina's forum permissions: no inline script allowed in general, no violation, and the choosers
    work, cloned ones included."""
    from django.contrib.auth import get_user_model
    from machina.core.db.models import get_model
    from wagtail.models import Page

    admin = get_user_model().objects.create_superuser("csp-admin", "csp-admin@example.org", "pass-12345")
    sign_in(watched, live_server, admin)
    story = Page.objects.live().filter(depth__gte=4).order_by("pk").first()
    forum = get_model("forum", "Forum").objects.order_by("pk").first()
    for path in [
        f"/admin/pages/{story.pk}/copy/",
        f"/admin/pages/{story.pk}/move/",
        "/admin/workflows/add/",
        "/admin/groups/new/",
        "/admin/sites/new/",
        "/admin/redirects/add/",
        f"/django-admin/forum/forum/{forum.pk}/edit-permissions/",
        "/django-admin/forum/forum/edit-global-permissions/",
    ]:
        response = visit(watched, live_server.url + path)
        assert_nonce_policy(response, path)
        assert_no_violation(watched, path)
    # The redirect form's page chooser opens its modal.
    visit(watched, f"{live_server.url}/admin/redirects/add/")
    watched.locator("#id_redirect_page-chooser [data-chooser-action-choose]").last.click()
    watched.wait_for_selector(".modal-content", timeout=15_000)
    # A group's "add a page permission" clones a row from a <template>: its page chooser starts and opens too.
    visit(watched, f"{live_server.url}/admin/groups/new/")
    watched.locator("#id_page_permissions-ADD").click()
    watched.locator("#id_page_permissions-0-page-chooser [data-chooser-action-choose]").last.click()
    watched.wait_for_selector(".modal-content", timeout=15_000)
    watched.wait_for_load_state("networkidle")
    assert_no_violation(watched, "group page permission")
    assert watched.page_errors == []


def test_admin_scripts_with_the_nonce_work_date_picker_inline_panel_and_choosers(watched, live_server, demo):
    from django.contrib.auth import get_user_model
    from wagtail.documents.models import Document
    from wagtail.models import Page

    admin = get_user_model().objects.create_superuser("csp-admin", "csp-admin@example.org", "pass-12345")
    sign_in(watched, live_server, admin)

    # An award edition's date pickers open.
    response = visit(watched, f"{live_server.url}/admin/snippets/cooperation/awardedition/add/")
    assert_nonce_policy(response, "award edition")
    watched.locator("#id_results_date").click()
    watched.wait_for_selector(".xdsoft_datetimepicker:visible", timeout=10_000)

    # A recommendation's "add a progress update" (InlinePanel) adds a form whose own date picker opens.
    visit(watched, f"{live_server.url}/admin/snippets/cooperation/recommendation/add/")
    watched.locator("#id_updates-ADD").click()
    watched.locator("#id_updates-0-date").click()
    watched.wait_for_selector(".xdsoft_datetimepicker:visible", timeout=10_000)
    # Its snippet chooser (responsible body) opens its modal.
    watched.locator("#id_body-chooser [data-chooser-action-choose]").last.click()
    watched.wait_for_selector(".modal-content", timeout=15_000)
    watched.wait_for_load_state("networkidle")
    assert_no_violation(watched, "recommendation")

    # A news item's image chooser (its own script, with the nonce) opens the image chooser modal.
    from hub.models.news import NewsIndexPage

    news_index = NewsIndexPage.objects.order_by("pk").first()
    visit(watched, f"{live_server.url}/admin/pages/add/hub/newspage/{news_index.pk}/")
    watched.locator("#id_lead_image-chooser [data-chooser-action-choose]").last.click()
    watched.wait_for_selector(".modal-content img", timeout=15_000)
    watched.wait_for_load_state("networkidle")
    assert_no_violation(watched, "image chooser")

    # The document chooser, as an editor opens it from a rich-text field of the page editor.
    story = Page.objects.live().filter(depth__gte=4).order_by("pk").first()
    Document.objects.get_or_create(title="Guide", defaults={"file": "documents/guide.pdf"})
    visit(watched, f"{live_server.url}/admin/pages/{story.pk}/edit/")
    text = watched.locator(".Draftail-Editor .public-DraftEditor-content").first
    text.click()
    watched.keyboard.press("End")
    watched.keyboard.press("Enter")
    watched.keyboard.type("/")
    watched.locator(".Draftail-ComboBox__option, [role=option]").filter(has_text="Document").first.click()
    watched.wait_for_selector(".modal-content", timeout=15_000)
    watched.wait_for_load_state("networkidle")
    assert "Guide" in watched.locator(".modal-content").inner_text()
    assert_no_violation(watched, "document chooser")
    assert watched.page_errors == []


def test_api_docs_render_swagger_ui_from_the_site(watched, live_server, demo):
    requested = []
    watched.on("request", lambda request: requested.append(request.url))
    response = visit(watched, f"{live_server.url}/api/v1/docs")
    assert response.header_value("content-security-policy")
    watched.wait_for_selector(".swagger-ui .opblock", timeout=15_000)
    assert watched.locator(".swagger-ui .opblock").count() > 0
    assert all(url.startswith(live_server.url) or url.startswith("data:") for url in requested), requested
    assert_no_violation(watched, "/api/v1/docs")
