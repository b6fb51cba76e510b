"""Django's `{# … #}` comment ends on its own line: one spread over two lines is printed on the page as text."""

from pathlib import Path

from django.conf import settings


def test_no_template_comment_spans_lines():
    broken = []
    for template in sorted((Path(settings.BASE_DIR) / "templates").rglob("*.html")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            if line.count("{#") > line.count("#}"):
                broken.append(f"{template.relative_to(settings.BASE_DIR)}:{number}")
    assert broken == [], "use {% comment %} for comments of several lines: " + ", ".join(broken)
