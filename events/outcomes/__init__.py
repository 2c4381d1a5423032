"""Outcomes and the year in review (回顾 / 以终为始).

- services.py — every write: outcomes per goal, contacts made, the event's short review
- selectors.py — the year's review (one visibility rule for pages and exports), next year's plan
- regions.py — a country's region for the review's list
- charts.py — count bar charts drawn on the server as SVG
- exports.py — the review as Markdown and PDF
- forms.py, views.py, urls.py — the doors

Money comes from the budget app (budget.reports.event_spending): this package converts nothing.
"""
