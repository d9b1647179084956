"""Proceedings generator: accepted-paper data in, one page and citation per paper out."""
