"""Project images: the documented limit of 40 megapixels is enforced exactly, and a small file that claims
hundreds of megapixels (a decompression bomb) is refused with a message instead of a 500."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model

from projects_db.models import Project

pytestmark = pytest.mark.django_db


def png(width: int, height: int) -> bytes:
    """A real black PNG; in mode "1" Pillow holds one byte per pixel while drawing and compresses it to a few KB."""
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A 48 KB PNG whose header says width × height: what a decompression bomb looks like before it is decoded."""
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (48 * 1024 * 50), 9)  # zeros compress about 1000:1

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    idat = rows + b"\x00" * (48 * 1024 - len(rows))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.fixture
def staff_client(client, staff_hebron):
    client.force_login(staff_hebron)
    return client


def _post(client, form_data, content, lang="en"):
    image = SimpleUploadedFile("photo.png", content, content_type="image/png")
    return client.post(f"/{lang}/projects/new/", {**form_data, "new_image": image})


def test_a_small_file_claiming_400_megapixels_is_refused_with_a_message(staff_client, form_data):
    bomb = png_claiming(20_000, 20_000)
    assert len(bomb) < 50 * 1024
    response = _post(staff_client, form_data, bomb)
    assert response.status_code == 200
    assert "The image has too many pixels (at most 40 megapixels)." in response.content.decode()
    response = _post(staff_client, form_data, bomb, lang="ar")
    assert "تحتوي الصورة على عدد كبير جداً من البكسلات (الحد الأقصى 40 ميغابكسل)." in response.content.decode()
    assert not Project.objects.exists() and not get_image_model().objects.exists()


def test_49_megapixels_is_refused_and_exactly_40_accepted(staff_client, form_data):
    response = _post(staff_client, form_data, png(7_000, 7_000))
    assert "The image has too many pixels (at most 40 megapixels)." in response.content.decode()
    assert not Project.objects.exists() and not get_image_model().objects.exists()

    response = _post(staff_client, form_data, png(8_000, 5_000))
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert (image.width, image.height) == (8_000, 5_000)
    assert list(Project.objects.get().images.all()) == [image]
