"""Sending email: one helper that renders a plain-text part and a simple HTML alternative from
templates/email/, and a Django email backend for GOV.UK Notify (ADR 10)."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import TemplateDoesNotExist, render_to_string
from notifications_python_client.notifications import NotificationsAPIClient

logger = logging.getLogger(__name__)


def email_send(*, to: str | Sequence[str], template: str, context: Mapping[str, Any]) -> None:
    """Send the email named `template` to `to`, from DEFAULT_FROM_EMAIL.

    Renders email/<template>_subject.txt (one line), email/<template>.txt (the plain-text
    part, which is all GOV.UK Notify sends) and, if it exists, email/<template>.html.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    context = {"site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"email/{template}_subject.txt", context).split())
    body = render_to_string(f"email/{template}.txt", context)
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=recipients
    )
    try:
        html = render_to_string(f"email/{template}.html", context)
    except TemplateDoesNotExist:
        pass
    else:
        message.attach_alternative(html, "text/html")
    message.send()


class NotifyEmailBackend(BaseEmailBackend):
    """Sends each message through GOV.UK Notify's one generic template.

    Notify sends only from templates, so NOTIFY_TEMPLATE_ID names a template whose subject is
    ((subject)) and whose message is ((body)); the message's plain-text part fills them. One
    notification per recipient (Notify takes one address a call).
    """

    def __init__(self, fail_silently: bool = False, **kwargs: Any) -> None:
        super().__init__(fail_silently=fail_silently, **kwargs)
        self.api_key: str = settings.NOTIFY_API_KEY
        self.template_id: str = settings.NOTIFY_TEMPLATE_ID

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        if not email_messages:
            return 0
        client = NotificationsAPIClient(self.api_key)
        sent = 0
        for message in email_messages:
            personalisation = {"subject": message.subject, "body": message.body}
            try:
                for address in message.recipients():
                    client.send_email_notification(
                        email_address=address,
                        template_id=self.template_id,
                        personalisation=personalisation,
                    )
            except Exception:
                # Notify's own errors (APIError, HTTPError) and requests' connection errors.
                logger.exception("GOV.UK Notify did not accept an email")
                if not self.fail_silently:
                    raise
            else:
                sent += 1
        return sent
