"""Signals the accounts app sends, for other apps to follow without accounts knowing them (it imports no app that
uses it)."""

from django.dispatch import Signal

# Something other apps derive a person's roles from has changed: an e-mail address was confirmed or removed
# (allauth), or an editor set or withdrew the person's verified municipality. Sent with `user` (the User) inside the
# transaction of the change, so a receiver's writes commit or roll back with it. The forum keeps its role groups in
# step with it (forum/receivers.py).
standing_changed = Signal()
