"""Unsubscribe links: the one token scheme for every e-mail that can be stopped in one click.

A token is `django.core.signing` over {"u": user id, plus what it stops}, with one salt per purpose, so a token
made for the forum cannot stop the digest and no token can be forged without SECRET_KEY. Tokens do not expire
(an e-mail may be read months later); changing SECRET_KEY invalidates them all.
"""

from __future__ import annotations

from django.core import signing

# The salts are those the two apps used before they shared this module, so links already sent keep working.
SALTS = {
    "digest": "cooperation.digest.unsubscribe",  # the weekly digest of followed things (hub.cooperation)
    "forum": "forum.unsubscribe",  # notifications of one forum topic or forum
}


def make_token(*, purpose: str, user_id: int, **scope: int | None) -> str:
    """A token that lets its holder stop `purpose` e-mails for `user_id` (and `scope`, e.g. topic=3)."""
    return signing.dumps({"u": user_id, **scope}, salt=SALTS[purpose])


def read_token(token: str, *, purpose: str) -> dict:
    """The payload, always with "u"; raises signing.BadSignature when the token was not made for `purpose`."""
    data = signing.loads(token, salt=SALTS[purpose])
    if isinstance(data, int):  # digest links sent before this module signed the bare user id
        data = {"u": data}
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise signing.BadSignature("Malformed unsubscribe token")
    return data
