"""Reflex states: thin adapters that call the services."""
