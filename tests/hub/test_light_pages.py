"""Light pages (issue 13): the images pages show are WebP renditions of the sizes the layout needs, whatever was
uploaded (a photo saved as PNG weighs several times more); link previews keep a JPEG."""

import io
import random
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage

from tests.hub.factories import make_story

pytestmark = pytest.mark.django_db


def photo(width: int = 1600, height: int = 900):
    """A photograph-like upload (noise compresses like detail does), saved as PNG as phones' screenshots are."""
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    noise = random.Random(13).randbytes(width * height * 3)
    PILImage.frombytes("RGB", (width, height), noise).save(buffer, "PNG")
    return get_image_model().objects.create(title="photo", file=ImageFile(buffer, name="town-hall.png"))


def media_file(settings, url: str) -> Path:
    return Path(settings.MEDIA_ROOT) / unquote(url).removeprefix(settings.MEDIA_URL)


def test_story_images_are_sized_webp_renditions_and_the_link_preview_a_jpeg(client, sections, settings):
    image = photo()
    make_story(sections["stories"]["ar"], slug="photo", title="قصة بصورة", image=image)

    card = re.search(r'<img[^>]+src="([^"]+)"', client.get("/ar/stories/").content.decode()).group(1)
    assert card.endswith(".webp")
    assert PILImage.open(media_file(settings, card)).size == (400, 225)

    page = client.get("/ar/stories/photo/").content.decode()
    sources = re.findall(r'([^\s",]+\.webp) (\d+)w', page)
    assert {width for _, width in sources} == {"480", "800", "1200"}
    for url, _ in sources:  # each less than half what the same picture weighs as PNG
        rendition = PILImage.open(media_file(settings, url))
        as_png = io.BytesIO()
        rendition.convert("RGB").save(as_png, "PNG")
        assert media_file(settings, url).stat().st_size < len(as_png.getvalue()) / 2
    preview = re.search(r'<meta property="og:image" content="[^"]+?(/media/[^"]+)"', page).group(1)
    assert preview.endswith(".jpg")
