"""Signals of places: the apps that show a place's name listen to them, since places imports no other app.

Both are sent inside the transaction of the write, after the row is saved, so a receiver's writes (search
documents) commit or roll back with it. `changed` is the set of field names whose value changed.
"""

from django.dispatch import Signal

# sender=Municipality, municipality=<Municipality>, changed=set[str]
municipality_changed = Signal()
# sender=Governorate, governorate=<Governorate>, changed=set[str]
governorate_changed = Signal()

# sender=Governorate or Municipality, instance=<it>: any create, change or delete of a place (what the directories
# list, and the names pages show; the hub makes the cached pages stale on it).
place_written = Signal()

# Fields whose change alters what other apps show about a place (its name, its address, where it lies).
SHOWN_FIELDS = frozenset({"name_ar", "name_en", "slug", "governorate"})
