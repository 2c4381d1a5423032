"""Helpers that know no app: time zones, currencies, languages. The bottom layer: everything
may import them, they import nothing of the project."""
