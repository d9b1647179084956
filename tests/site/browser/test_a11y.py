"""Accessibility of the pages readers use most: no serious or critical axe-core violation."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.site.browser.axe import describe, run_axe
from tests.site.browser.conftest import KEY_PAGES, KeyPages, Tab

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", KEY_PAGES)
def test_no_serious_accessibility_violation(
    open_tab: Callable[..., Tab], key_pages: KeyPages, name: str
) -> None:
    tab = open_tab()
    tab.visit(key_pages.path(name))
    tab.settle()
    violations = run_axe(tab.page)
    blocking = [v for v in violations if v.blocking]
    others = [v for v in violations if not v.blocking]
    assert not blocking, (
        f"{key_pages.path(name)}: serious or critical axe-core violations:\n{describe(blocking)}"
        + (f"\nminor or moderate:\n{describe(others)}" if others else "")
    )
