"""StreamField blocks of the hub's pages; each renders with its own template under templates/blocks/.

No RawHTMLBlock is offered: every block escapes its text, and rich text goes through Wagtail's whitelist.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    """A section heading (h2)."""

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class ImageWithCaptionBlock(blocks.StructBlock):
    """An image with required alternative text and an optional caption, served as responsive renditions."""

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"), max_length=250, help_text=_("Describe the image for readers who cannot see it.")
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person (and role) it comes from."""

    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class KeyFigureBlock(blocks.StructBlock):
    """One figure: "70%" with "of permits now requested online"."""

    value = blocks.CharBlock(label=_("figure"), max_length=30)
    label = blocks.CharBlock(label=_("what it measures"), max_length=150)


class KeyFiguresBlock(blocks.ListBlock):
    """A row of key figures."""

    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "list-ol"
        label = _("Key figures")
        template = "blocks/key_figures_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document in the library, served with its collection's permissions."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "blocks/document_block.html"


class HubEmbedBlock(EmbedBlock):
    """A video or other embed from a provider Wagtail knows (oEmbed), never raw HTML."""

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "blocks/embed_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The body of stories, practices, news and standard pages."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html"
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    document = DocumentLinkBlock()
    embed = HubEmbedBlock()


class AgendaItemBlock(blocks.StructBlock):
    """One slot of an event's programme."""

    time = blocks.CharBlock(label=_("time"), max_length=30, required=False, help_text=_("For example 09:30–10:15."))
    title = blocks.CharBlock(label=_("title"), max_length=250)
    speakers = blocks.CharBlock(label=_("speakers"), max_length=250, required=False)
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "time"
        label = _("Agenda item")
        template = "blocks/agenda_item_block.html"


class AgendaStreamBlock(blocks.StreamBlock):
    """An event's agenda: days (headings) and items."""

    heading = HeadingBlock()
    item = AgendaItemBlock()


class MaterialsStreamBlock(blocks.StreamBlock):
    """Documents and links published after an event, or attached to a practice."""

    document = DocumentLinkBlock()
    link = blocks.StructBlock(
        [("url", blocks.URLBlock(label=_("address"))), ("title", blocks.CharBlock(label=_("link text")))],
        label=_("Link"),
        icon="link",
        template="blocks/link_block.html",
    )
