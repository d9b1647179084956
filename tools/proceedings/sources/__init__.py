"""Readers, one per input format. Raw dicts never leave this package."""
