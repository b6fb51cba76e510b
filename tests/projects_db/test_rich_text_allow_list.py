"""One HTML allow-list: what a project's description keeps when saved is exactly what a page shows of it."""

import re
from pathlib import Path

import pytest

from hub.templatetags.hub_tags import safe_richtext
from projects_db import services

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = (
    '<h2>Plan</h2><p onclick="x()">A <b>bold</b> <em>step</em><script>alert(1)</script></p>'
    "<blockquote>quoted</blockquote><ul><li>one</li></ul><iframe src=//evil.example></iframe>"
    '<a href="javascript:alert(1)">bad</a> <a href="https://example.org/" style="color:red">good</a>'
)


def _tags(html: str) -> list[str]:
    return sorted(set(re.findall(r"<([a-z0-9]+)", html)))


def test_stored_description_and_shown_description_keep_the_same_tags(committed, staff_hebron, project_data):
    project = committed(services.project_create, user=staff_hebron, data={**project_data, "description": HOSTILE})
    stored = project.description
    shown = str(safe_richtext(stored))
    assert _tags(stored) == _tags(shown) == ["a", "b", "blockquote", "em", "h2", "li", "p", "ul"]
    for html in (stored, shown):
        assert "script" not in html and "onclick" not in html and "javascript:" not in html and "style=" not in html
        assert 'href="https://example.org/"' in html


def test_the_allow_list_is_written_once():
    """nh3 is called only by hub/text.py."""
    callers = sorted(
        str(path.relative_to(ROOT))
        for app in ("hub", "projects_db", "forum", "search")
        for path in (ROOT / app).rglob("*.py")
        if "nh3.clean(" in path.read_text()
    )
    assert callers == ["hub/text.py"]
