"""The workshop program: sessions and talks in MyST, linked to the proceedings, as calendars."""
