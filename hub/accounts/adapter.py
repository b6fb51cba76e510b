"""allauth adapter: after log-in, sign-up and log-out, stay in the language the person was using."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import get_language


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
