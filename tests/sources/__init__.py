"""Tests of the readers in tools/proceedings/sources and of the bad-input catalogue."""
