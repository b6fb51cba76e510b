"""/favicon.ico, which browsers ask whatever the page says, is the project's own icon, not a 404."""

from pathlib import Path

from django.contrib.staticfiles import finders


def test_favicon_ico_leads_to_the_projects_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.ico")
    icon = Path(finders.find("favicon.ico")).read_bytes()
    assert icon[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert Path(finders.find("favicon.svg")).read_text().startswith("<svg")


def test_every_page_names_the_svg_icon(client, db):
    html = client.get("/en/no-such-page/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
