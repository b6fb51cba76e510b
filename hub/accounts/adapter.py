"""allauth adapter: after log-in, sign-up and log-out, stay in the language the person was using; a new account
takes the page's language as its language preference, and allauth's e-mails to a known person use it."""

from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation
from django.utils.translation import get_language

import hub.site_address as site_address


def _in_current_language(url: str) -> str:
    # "/" would let LocaleMiddleware pick a language from the browser, so an Arabic sign-up could land in English.
    return f"/{get_language()}/" if url == "/" else url


class AccountAdapter(DefaultAccountAdapter):
    def get_signup_redirect_url(self, request):
        return _in_current_language(super().get_signup_redirect_url(request))

    def get_login_redirect_url(self, request):
        return _in_current_language(super().get_login_redirect_url(request))

    def get_logout_redirect_url(self, request):
        return _in_current_language(super().get_logout_redirect_url(request))

    def get_email_verification_redirect_url(self, email_address):
        return _in_current_language(super().get_email_verification_redirect_url(email_address))

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            from django.conf import settings

            from hub.accounts import services

            language = get_language()
            if language not in dict(settings.LANGUAGES):  # no page language (a script): the site's default
                language = settings.LANGUAGE_CODE
            services.language_set(user=user, language=language)
        return user

    def send_mail(self, template_prefix, email, context):
        """Verification and password e-mails in the person's language (the page's language for a stranger),
        naming the site (SITE_URL and its name) rather than the host the request came by."""
        user = context.get("user")
        if user is None or not getattr(user, "pk", None):
            return self._send_as_site(template_prefix, email, context)
        from hub.accounts import selectors

        with translation.override(selectors.language_of(user=user)):
            return self._send_as_site(template_prefix, email, context)

    def _send_as_site(self, template_prefix, email, context):
        return super().send_mail(template_prefix, email, {"current_site": site_address.public_site(), **context})

    def format_email_subject(self, subject):
        return f"[{site_address.site_name()}] {subject}"

    def get_from_email(self):
        return site_address.from_email()

    def get_email_confirmation_url(self, request, emailconfirmation):
        return site_address.absolute_url(urlsplit(super().get_email_confirmation_url(request, emailconfirmation)).path)

    def get_reset_password_from_key_url(self, key):
        return site_address.absolute_url(urlsplit(super().get_reset_password_from_key_url(key)).path)
