"""Every string our code and templates show has an Arabic translation, and the catalogue compiles."""

from hub import i18n_catalogue


def test_every_project_string_has_an_arabic_translation():
    missing = i18n_catalogue.missing()
    assert not missing, "No Arabic translation for:\n" + "\n".join(f"{m.source}: {m.msgid!r}" for m in missing)


def test_a_new_untranslated_template_string_is_caught(tmp_path, monkeypatch):
    template = tmp_path / "templates" / "hub" / "new.html"
    template.parent.mkdir(parents=True)
    template.write_text('{% load i18n %}<p>{% translate "A sentence nobody translated yet" %}</p>')
    monkeypatch.setattr(i18n_catalogue, "ROOT", tmp_path)
    monkeypatch.setattr(i18n_catalogue, "APPS", ())
    assert [m.msgid for m in i18n_catalogue.missing()] == ["A sentence nobody translated yet"]


def test_arabic_catalogue_is_active(settings):
    from django.utils import translation

    with translation.override("ar"):
        assert translation.gettext("Success stories") == "قصص النجاح"
