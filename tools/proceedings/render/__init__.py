"""Pure functions from the model to text: pages, citations, calendars. Sorted, deterministic."""
