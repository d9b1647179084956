"""Tools of the INET4AI website."""
