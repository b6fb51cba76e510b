"""One setting, SITE_URL, names the site's public address: the Wagtail site record follows it after migrate, and
canonical links, og:url, hreflang alternates and the sitemap start with it, whatever host the request came by."""

import re
import xml.etree.ElementTree as ET  # noqa: S405  (we parse our own responses)
from email.header import decode_header, make_header

import pytest
from django.core import mail
from django.test import override_settings
from wagtail.models import Site

from hub import receivers, site_address
from tests.hub.factories import make_story, translate

pytestmark = pytest.mark.django_db

PUBLIC = "https://hub.example.ps"


@pytest.fixture
def public_address(settings, home_pages):
    settings.SITE_URL = PUBLIC
    receivers.sync_site_address(sender=None)  # what every `migrate` does (post_migrate)
    return PUBLIC


def test_migrate_gives_the_wagtail_site_the_public_host_and_port(home_pages, settings):
    settings.SITE_URL = "http://hub.example.ps:8804"
    receivers.sync_site_address(sender=None)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("hub.example.ps", 8804)
    settings.SITE_URL = PUBLIC
    receivers.sync_site_address(sender=None)
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("hub.example.ps", 443)


def test_a_page_names_its_public_address_in_canonical_og_url_and_alternates(client, sections, public_address):
    story = make_story(sections["stories"]["ar"], slug="portal")
    translate(story, title="Portal")
    html = client.get("/ar/stories/portal/", HTTP_HOST="127.0.0.1").content.decode()
    assert f'<link rel="canonical" href="{PUBLIC}/ar/stories/portal/">' in html
    assert f'<meta property="og:url" content="{PUBLIC}/ar/stories/portal/">' in html
    assert f'hreflang="en" href="{PUBLIC}/en/stories/portal/"' in html
    assert "127.0.0.1" not in html


def test_the_sitemap_lists_pages_projects_and_municipalities_at_the_public_address(client, sections, public_address):
    from tests.projects_db.factories import ProjectFactory

    make_story(sections["stories"]["ar"], slug="portal")
    project = ProjectFactory(state="published")
    response = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1")
    root = ET.fromstring(response.content)  # noqa: S314
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = {u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)}
    assert f"{PUBLIC}/ar/stories/portal/" in locations
    assert f"{PUBLIC}/ar/projects/{project.slug}/" in locations
    assert f"{PUBLIC}/en/projects/{project.slug}/" in locations
    municipality = project.lead_municipality
    assert f"{PUBLIC}/ar/municipalities/{municipality.slug}/" in locations
    assert f"{PUBLIC}/en/municipalities/{municipality.slug}/" in locations
    assert all(location.startswith(PUBLIC + "/") for location in locations)


@override_settings(SITE_URL=PUBLIC)
def test_a_sign_up_e_mail_greets_from_the_site_name_and_links_to_the_public_address(client):
    password = "olive-Tree-2026!"
    client.post("/ar/accounts/signup/", {"email": "amal@example.org", "password1": password, "password2": password})
    message = mail.outbox[-1]
    assert "مركز معرفة البلديات الإلكترونية" in message.body.splitlines()[0]  # "Hello from <site>!"
    assert "testserver" not in message.body and "testserver" not in message.subject
    assert re.search(rf"{PUBLIC}/ar/accounts/confirm-email/\S+/", message.body)
    assert message.subject.startswith("[مركز معرفة البلديات الإلكترونية]")
    sender = str(make_header(decode_header(message.from_email)))
    assert sender == "مركز معرفة البلديات الإلكترونية <no-reply@localhost>"  # settings: no-reply@ an IP host


def test_the_default_sender_is_the_site_at_the_public_host():
    assert site_address.default_from_email("https://hub.example.ps", "Hub") == "Hub <no-reply@hub.example.ps>"
    assert site_address.default_from_email("http://127.0.0.1:8804", "Hub") == "Hub <no-reply@localhost>"


def test_feeds_link_to_the_public_address(client, sections, public_address):
    from tests.projects_db.factories import ProjectFactory

    make_story(sections["stories"]["ar"], slug="portal")
    project = ProjectFactory(state="published")
    stories = client.get("/ar/stories/feed/rss/", HTTP_HOST="127.0.0.1").content.decode()
    assert f"<link>{PUBLIC}/ar/stories/portal/</link>" in stories
    assert "127.0.0.1" not in stories
    projects = client.get("/en/projects/feed/", HTTP_HOST="127.0.0.1").content.decode()
    assert f'href="{PUBLIC}/en/projects/{project.slug}/"' in projects
    assert "127.0.0.1" not in projects
