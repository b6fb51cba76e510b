"""The accessibility check itself: the crawls' "no violation" means something only if it reports one."""

import pytest

from tests.browser.axe import serious_violations

pytestmark = pytest.mark.browser

BAD_PAGE = """<!doctype html><html lang="en"><head><title>Bad</title></head><body><main>
<p style="color:#bbb;background:#fff">Pale grey text on white</p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
</main></body></html>"""


def test_the_check_reports_serious_violations_and_survives_a_resize(page):
    page.set_content(BAD_PAGE)
    found = serious_violations(page)
    assert [v.split(" ")[0] for v in found] == ["color-contrast", "image-alt"]
    assert "(serious)" in found[0] and "(critical)" in found[1]
    page.set_viewport_size({"width": 360, "height": 900})  # checked again on the same document: axe is reused
    assert serious_violations(page) == found
