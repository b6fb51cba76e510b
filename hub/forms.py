"""Admin forms of the hub's CMS: the image upload form with a minimum size (Wagtail checks type and maximums)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

MIN_IMAGE_WIDTH = 200
MIN_IMAGE_HEIGHT = 100


class HubImageForm(BaseImageForm):
    """Refuses images too small to give a usable rendition (format, file size and pixels: WAGTAILIMAGES_* settings)."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        image = getattr(upload, "image", None)  # set by Wagtail's WagtailImageField after it opened the file
        if image is not None:
            width, height = image.get_size() if hasattr(image, "get_size") else image.size
            min_width = getattr(settings, "HUB_MIN_IMAGE_WIDTH", MIN_IMAGE_WIDTH)
            min_height = getattr(settings, "HUB_MIN_IMAGE_HEIGHT", MIN_IMAGE_HEIGHT)
            if width < min_width or height < min_height:
                raise forms.ValidationError(
                    _("This image is %(width)s×%(height)s pixels; it must be at least %(min_width)s×%(min_height)s."),
                    code="too_small",
                    params={"width": width, "height": height, "min_width": min_width, "min_height": min_height},
                )
        return upload
