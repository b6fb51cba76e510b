"""Demo data of projects_db: governorates and municipalities, then projects."""


def load_places(*, stdout=None) -> None:
    """The 16 Palestinian governorates, municipalities with their portals, and partners from Jordan."""
    from projects_db import demo_places

    demo_places.load(stdout=stdout)


def load_categories(*, stdout=None) -> None:
    """The project categories (stories use the same list)."""
    from projects_db import demo_projects

    demo_projects.load_categories()


def load_projects(*, stdout=None) -> None:
    """Realistic e-municipality projects across categories, statuses and municipalities."""
    from projects_db import demo_projects

    demo_projects.load(stdout=stdout)
