"""Benchmarks of the proceedings pipeline on synthetic PMLR-style volumes (`python -m bench`)."""
