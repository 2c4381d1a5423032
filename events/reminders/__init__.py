"""Deadline reminders: planning the outbox, dispatching it, rendering and sending messages.

Domain:
- planning.py — which rows should exist; called explicitly by the services that change
  what reminders depend on, inside their transaction.
- dispatch.py — one pass: claim due rows (SKIP LOCKED + lease), decide, send, record.
- messages.py — the text of a reminder in the recipient's language.
- channels.py — e-mail, Feishu/Lark, Slack and generic webhook delivery.
- services.py — writes: a member's preferences, group channels, the defaults, retries,
  a dispatch pass.
Doors:
- views.py, forms.py — the member's page /me/reminders/.
- admin.py — the outbox, channels, defaults and preferences in Django admin.
- tasks.py — the Celery tasks (dispatch every minute, a re-plan after a group change).
- the command `send_due_reminders` (events/management/commands/, where Django finds it).
"""
