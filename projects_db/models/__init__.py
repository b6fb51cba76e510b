"""Models of projects_db, by concern: places (governorates, municipalities) and projects."""

from projects_db.models.places import Country, Governorate, Municipality
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
    "Country",
    "Governorate",
    "Municipality",
    "Organisation",
    "Project",
    "ProjectChange",
    "ProjectOutcome",
    "ProjectRevision",
]
