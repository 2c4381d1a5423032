"""Tracker import and sync: CFPs discovered in public conference trackers.

- normalise.py — exact instants from what trackers publish, countries, regions, merge keys
- adapters.py — one parser per kind of source, each yielding normalised records or failures
- fetch.py — conditional GET (ETag / Last-Modified), or a local file
- services.py — a run per source in one transaction, adopting, matching, syncing
- notices.py — telling owners and participants that a source moved a deadline
- selectors.py — the Discover page's question: open CFPs not yet in the plan
"""
