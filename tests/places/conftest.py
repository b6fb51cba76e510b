"""Places tests use the named places of projects_db's tests (Hebron, Nablus)."""

from tests.projects_db.conftest import hebron, nablus  # noqa: F401
