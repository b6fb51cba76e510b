"""What members type is rendered as Markdown and reaches the page inert."""

import pytest

from forum.markup import render
from tests.forum import factories
from tests.forum.conftest import topic_url

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    "<div><p><b>broken <i>html",
    '<iframe src="https://evil.example"></iframe>',
    '<a href="#" onclick="steal()">x</a>',
    "<style>body{display:none}</style>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "a" * 20000,
    "\u202eevil\u202c text with a right-to-left override",
    '<form action="/evil"><input name="x"></form>',
]


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_input_renders_inert(source):
    html = render(source).lower()
    for bad in ("<script", "onerror", "onload", "onclick", "javascript:", "<svg", "<iframe", "<style", "<form",
                "<input", "data:text", "\u202e", "<math"):  # fmt: skip
        assert bad not in html


def test_markdown_still_works():
    html = render("**مهم** and a [link](https://example.org)\n\n- one\n- two")
    assert "<strong>مهم</strong>" in html
    assert 'href="https://example.org"' in html and 'rel="nofollow' in html
    assert "<li>one</li>" in html


@pytest.mark.django_db
def test_hostile_post_reaches_the_page_inert(client, forums, staff):
    topic = factories.make_topic(forum=forums["security"], poster=staff, content="\n\n".join(HOSTILE[:11]))
    html = client.get(topic_url(topic)).content.decode().lower()
    main = html.split('<div class="forum">', 1)[1]
    assert "alert(1)" not in main.replace("&lt;", "<").split("<script")[0] or "<script>alert" not in main
    assert "onerror=" not in main and "javascript:alert" not in main and "<svg" not in main
