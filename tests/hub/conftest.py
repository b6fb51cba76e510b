"""CMS fixtures: both home pages with their section indexes, and the story workflow with its roles."""

import pytest


@pytest.fixture
def sections(home_pages):
    """{"stories": {"ar": index, "en": index}, "practices": ..., "events": ..., "news": ...}."""
    from hub import services

    return services.cms_ensure_sections(home=home_pages["ar"])


@pytest.fixture
def workflow(sections):
    from hub import services

    return services.cms_ensure_workflow()
