"""Models of projects_db: projects and what describes them (places are in hub.places)."""

from projects_db.models.projects import (
    Category,
    Organisation,
    Project,
    ProjectChange,
    ProjectOutcome,
    ProjectRevision,
)

__all__ = [
    "Category",
    "Organisation",
    "Project",
    "ProjectChange",
    "ProjectOutcome",
    "ProjectRevision",
]
