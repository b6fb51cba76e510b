"""Background work of the accounts app: telling an applicant what an editor decided."""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

import hub.site_address as site_address


@task()
def send_membership_decision(*, membership_request_id: int) -> bool:
    """E-mail the applicant the decision, in their language; sends at most once (idempotent)."""
    from hub.accounts.models import MembershipRequest
    from hub.accounts.selectors import language_of

    with transaction.atomic():
        membership_request = (
            MembershipRequest.objects.select_for_update(of=("self",))
            .select_related("user", "municipality")
            .filter(pk=membership_request_id)
            .first()
        )
        if membership_request is None or membership_request.is_pending or membership_request.notified_at:
            return False
        user = membership_request.user
        if not user.email:
            return False
        with translation.override(language_of(user=user)):
            context = {
                "membership_request": membership_request,
                "user": user,
                "municipality": membership_request.municipality,
                "profile_url": site_address.absolute_url(reverse("accounts:profile")),
            }
            subject = render_to_string("accounts/email/membership_decision_subject.txt", context).strip()
            body = render_to_string("accounts/email/membership_decision_message.txt", context)
            sender = site_address.from_email()  # the site's name in the reader's language
        send_mail(subject, body, sender, [user.email])
        membership_request.notified_at = timezone.now()
        membership_request.save(update_fields=["notified_at"])
    return True
