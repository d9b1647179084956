"""RENDER: the pages as docutils nodes (paper, volume, author index, Cite tabs, lists)."""
