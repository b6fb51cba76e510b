"""CMS fixtures: the story workflow with its roles (the home pages and section indexes: tests/conftest.py)."""

import pytest


@pytest.fixture
def workflow(sections):
    from hub import services

    return services.cms_ensure_workflow()
