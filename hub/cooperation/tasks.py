"""Background work of the cooperation app: the weekly digest of what changed in what a user follows."""

from __future__ import annotations

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

import hub.site_address as site_address


@task()
def send_weekly_digest() -> int:
    """One mail per follower with something new since their last digest; nothing when nothing is new.

    Idempotent: each user's `last_sent_at` moves forward only when their mail is sent, and the next run
    looks only at what changed after it.
    """
    from hub.accounts import selectors as accounts_selectors
    from hub.cooperation import selectors, services

    sent = 0
    base = site_address.site_url()
    for user in selectors.digest_recipients():
        now = timezone.now()
        since = selectors.digest_since(user_id=user.pk)
        with translation.override(accounts_selectors.language_of(user=user)):
            groups = selectors.digest_for(user=user, since=since)
            if not groups:
                continue
            token = selectors.digest_unsubscribe_token(user=user)
            context = {
                "user": user,
                "groups": groups,
                "base_url": base,
                "unsubscribe_url": base + reverse("cooperation:unsubscribe", kwargs={"token": token}),
            }
            subject = render_to_string("cooperation/email/digest_subject.txt", context).strip()
            body = render_to_string("cooperation/email/digest_message.txt", context)
            sender = site_address.from_email()  # the site's name in the reader's language
        send_mail(subject, body, sender, [user.email])
        services.digest_mark_sent(user_id=user.pk, when=now)
        sent += 1
    return sent
