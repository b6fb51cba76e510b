"""Demo accounts, one per role."""


def load(*, stdout=None) -> None:
    """Administrator, ministry editor, staff of Hebron and of Nablus, moderator, ordinary member."""
