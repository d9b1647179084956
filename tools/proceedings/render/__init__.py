"""RENDER, pure: the model as docutils nodes and as text; deterministic, no Sphinx."""
