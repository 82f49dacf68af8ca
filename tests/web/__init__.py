"""Tests of the review workspace (a package, so its conftest does not shadow tests/conftest.py)."""
