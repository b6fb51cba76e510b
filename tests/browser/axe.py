"""axe-core (the copy shipped with axe-playwright-python) in the page: its serious and critical violations."""

from axe_playwright_python.sync_playwright import Axe

AXE_SOURCE = Axe().axe_script
# Only what a failure message shows crosses back from the browser: the serious and critical violations, with the
# first three nodes of each (axe's whole answer is a large JSON document that Chromium, Playwright's driver and
# Python would each parse again for every check).
SERIOUS = """
axe.run({resultTypes: ["violations"]}).then((results) => results.violations
  .filter((v) => v.impact === "serious" || v.impact === "critical")
  .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`))
"""


def serious_violations(page) -> list[str]:
    """The page's serious and critical violations, as "rule (impact): [targets of the first three nodes]". axe is
    added to the page once per document: a page checked again after a resize reuses it."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    return page.evaluate(SERIOUS)
