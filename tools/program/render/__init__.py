"""RENDER: the program as docutils nodes and as calendar files; pure, no Sphinx."""
