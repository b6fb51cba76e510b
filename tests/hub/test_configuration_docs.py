"""Every environment variable the settings read is listed in .env.example and explained in docs/configuration.md."""

import re

from django.conf import settings

ROOT = settings.BASE_DIR


def settings_variables() -> set[str]:
    names = set()
    for path in (ROOT / "hub" / "settings").glob("*.py"):
        names |= set(re.findall(r"\benv(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]+)\"", path.read_text()))
    return names


def example_variables() -> set[str]:
    return set(re.findall(r"^([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), flags=re.MULTILINE))


def test_every_variable_the_settings_read_is_in_env_example():
    assert settings_variables(), "the pattern no longer finds env(...) calls"
    assert settings_variables() - example_variables() == set()


def test_every_variable_in_env_example_is_documented():
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|", (ROOT / "docs" / "configuration.md").read_text(), re.M))
    assert example_variables() - documented == set()
