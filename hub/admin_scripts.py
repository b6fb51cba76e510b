"""Wagtail's chooser widgets (page, image, document, snippet) with the request's Content-Security-Policy nonce on
the script that starts each of them, so that the admin runs under the site's nonce policy.

Wagtail's BaseChooser.render writes `<script>new PageChooser(...)</script>` after the widget's HTML, in Python, with
no template to override. Wagtail picks the widget of a ForeignKey from its form-field registry
(register_form_field_override), which the chooser viewsets fill when the admin registers them:
hub/wagtail_hooks.py calls register_nonce_choosers() after the last of them.
"""

from functools import cache

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from hub.headers import current_nonce


class NonceScriptChooserMixin:
    """BaseChooser.render, with the nonce on the script. The script is JSON from render_js_init; "</" is written
    "<\\/" (the same string in JavaScript) so that no value can close the element."""

    def render(self, name, value, attrs=None, renderer=None):
        if not attrs or "id" not in attrs:
            return super().render(name, value, attrs, renderer)  # Wagtail's error for a chooser without an id
        value_data = self.get_value_data(value)
        html = self.render_html(name, value_data, attrs)
        script = self.render_js_init(attrs["id"], name, value_data).replace("</", "<\\/")
        return format_html('{}<script nonce="{}">{}</script>', html, current_nonce(), mark_safe(script))


@cache
def with_nonce(widget_class: type) -> type:
    """widget_class, its script given the request's nonce."""
    return type(widget_class.__name__, (NonceScriptChooserMixin, widget_class), {"__module__": __name__})


def register_nonce_choosers() -> None:
    """Every chooser Wagtail registered for a ForeignKey, registered again with the nonce."""
    from django.db.models import ForeignKey
    from wagtail.admin.forms.models import register_form_field_override, registry
    from wagtail.admin.widgets.chooser import AdminPageChooser, BaseChooser
    from wagtail.models import AbstractPage

    for model, override in list(registry.values_by_fk_related_model.items()):
        widget = override.get("widget") if isinstance(override, dict) else None
        chooser = isinstance(widget, type) and issubclass(widget, BaseChooser)
        if chooser and not issubclass(widget, NonceScriptChooserMixin):
            register_form_field_override(ForeignKey, to=model, override={**override, "widget": with_nonce(widget)})
    # Pages: wagtail.admin.forms.models builds the page chooser for the page type the field points to.
    register_form_field_override(
        ForeignKey,
        to=AbstractPage,
        override=lambda db_field: {"widget": with_nonce(AdminPageChooser)(target_models=[db_field.remote_field.model])},
    )
