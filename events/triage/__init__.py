"""The coordinators' triage page and what became of what members asked for (selectors.py)."""
