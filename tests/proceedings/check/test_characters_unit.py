"""The quick tests of textsafety agree with its rule, whatever else the text holds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tools.proceedings.check.characters import has_bad_character, reason

# ASCII text takes a byte-level test, other text searches: the same rule for both.
AROUND = st.sampled_from(["", "ok", "é", "ok\n", "\U0001f600", "\u202a", "\x00", "ok\x7f"])


@settings(database=None, deadline=None, max_examples=500)
@given(AROUND, st.characters(), AROUND)
def test_the_quick_tests_follow_the_rule(before: str, char: str, after: str) -> None:
    text = before + char + after
    assert has_bad_character(text) == any(reason(c) is not None for c in text)
