"""Every CLI command and every setting is documented in the README (as datasette checks its docs)."""
from __future__ import annotations

from dataclasses import fields

import pytest

from eventwire.cli import build_parser
from eventwire.settings import Settings

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


@pytest.mark.parametrize("command", commands())
def test_command_is_documented(command):
    assert f"eventwire {command}" in README, f"README does not document `eventwire {command}`"


@pytest.mark.parametrize("name", [f.name for f in fields(Settings)])
def test_setting_is_documented(name):
    assert f"`{name}`" in README, f"README's settings table lacks `{name}`"


def test_readme_opens_with_the_two_commands():
    head = README.split("\n## ", 1)[0]
    assert "make demo" in head and "make test" in head
