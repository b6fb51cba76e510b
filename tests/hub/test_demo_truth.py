"""The demo content tells the truth: each story, practice and event has an illustration of its own, a story's key
figures appear once, and dates agree with the projects and with the 2012 conference."""

import datetime

import pytest
from PIL import Image, ImageOps

from hub import demo_content
from hub.models import EventPage, PracticePage, StoryPage
from projects_db.demo_projects import PROJECTS


def _signature(image) -> list[float]:
    """The picture's shape in grey, 32×18, normalised: a recoloured copy of the same drawing has the same one."""
    with image.file.open("rb") as handle:
        grey = ImageOps.grayscale(Image.open(handle)).resize((32, 18))
    pixels = list(grey.tobytes())
    mean = sum(pixels) / len(pixels)
    spread = (sum((p - mean) ** 2 for p in pixels) / len(pixels)) ** 0.5 or 1
    return [(p - mean) / spread for p in pixels]


@pytest.mark.django_db
def test_each_story_practice_and_event_has_an_illustration_of_its_own_and_figures_once(demo_module, client):
    # demo_module: the whole demo (load_demo_data), a fresh copy of this worker's demo database (tests/conftest.py)
    pages = [
        page
        for model in (StoryPage, PracticePage, EventPage)
        for page in model.objects.filter(locale__language_code="ar").select_related("lead_image")
    ]
    assert len(pages) == len(demo_content.STORIES) + len(demo_content.PRACTICES) + len(demo_content.EVENTS)
    assert all(page.lead_image and page.lead_image_alt.strip() for page in pages)
    signatures = {page.slug: _signature(page.lead_image) for page in pages}
    slugs = sorted(signatures)
    for i, first in enumerate(slugs):
        for second in slugs[i + 1 :]:
            difference = sum(abs(a - b) for a, b in zip(signatures[first], signatures[second], strict=True))
            assert difference / len(signatures[first]) > 0.25, (first, second)

    practice = client.get("/en/practices/information-security-basics/").content.decode()
    assert 'class="lead-image"' in practice and "Drawing of a shield with a padlock" in practice
    story = client.get("/en/stories/hebron-e-portal-launch/").content.decode()
    assert story.count("services available on the portal") == 1
    assert '<time datetime="2012-06-12">' in story


def test_every_demo_story_is_dated_on_or_after_the_launch_of_its_municipalitys_project():
    launches = {(p["lead"], p["category"]): p["dates"][1] for p in PROJECTS if p["dates"][1]}
    checked = 0
    for story in demo_content.STORIES:
        launch = launches.get((story["municipality"], story["category"]))
        if launch:
            assert story["date"] >= launch, story["slug"]
            checked += 1
    assert checked >= 4
    hebron_story = next(s for s in demo_content.STORIES if s["slug"] == "hebron-e-portal-launch")
    conference = next(e for e in demo_content.EVENTS if e["kind"] == "conference")
    # The portal was launched at the conference, in June 2012, as the story and the agenda say.
    assert launches[("hebron", "portal-services")] == hebron_story["date"] == "2012-06-12"
    assert conference["start"].startswith("2012-06-11")
    assert all(datetime.date.fromisoformat(s["date"]) <= datetime.date(2026, 1, 1) for s in demo_content.STORIES)
