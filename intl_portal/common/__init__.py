"""Helpers that know no app: time zones, currencies, languages; what every app's services
share to write a row (records.py); and the doors' one way of writing through services
(writes.py: the protocol; admin.py: the admin that follows it; forms.py: a service's
refusal on a form). The bottom layer: everything may import them, they import nothing of
the project."""
