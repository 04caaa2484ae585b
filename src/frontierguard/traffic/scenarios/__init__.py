"""Shipped simulation scenarios (YAML)."""
