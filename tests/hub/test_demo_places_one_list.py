"""The demo's municipalities are listed once (projects_db's demo places); the CMS demo only names them by slug."""

from hub import demo_content
from projects_db import demo_places


def _slugs_named_by_cms_demo() -> set[str]:
    found = set()
    for collection in (
        demo_content.STORIES,
        getattr(demo_content, "PRACTICES", []),
        getattr(demo_content, "EVENTS", []),
    ):
        for entry in collection:
            if isinstance(entry, dict) and entry.get("municipality"):
                found.add(entry["municipality"])
    return found


def test_every_municipality_the_cms_demo_names_is_a_demo_place():
    places = {row[0] for row in demo_places.MUNICIPALITIES + demo_places.PARTNERS}
    named = _slugs_named_by_cms_demo()
    assert named and named <= places
    assert not hasattr(demo_content, "MUNICIPALITIES")
