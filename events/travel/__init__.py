"""Travel readiness: entry requirements per passport and destination, a timeline of steps per
trip with due dates counted back from the event, reminders for those steps, the coordinators'
travel board and the community's support letters.

- seed.py — the Passport Index snapshot and the default lead times (data, no rules)
- timeline.py — the steps of a trip and their due dates (pure computation)
- selectors.py — trips and steps, and who may see them
- services.py — every write: requirements, steps, passport country, support letters
- letters.py — the support letter's PDF (fpdf2, a CJK font from the system)
- views.py, forms.py, urls.py, admin.py — the doors
"""
