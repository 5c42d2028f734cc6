"""Reusable page parts."""
