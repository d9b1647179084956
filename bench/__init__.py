"""Benchmarks of the site as its series grows and of the edit loop (`python -m bench`)."""
