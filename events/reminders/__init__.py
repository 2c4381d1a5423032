"""Deadline reminders and the weekly digest: planning the outbox, dispatching it, rendering
and sending messages.

Domain:
- planning.py — which rows should exist; called explicitly by the services that change
  what reminders depend on, inside their transaction.
- dispatch.py — one pass: claim due rows (SKIP LOCKED + lease), decide, send, record.
- decisions.py — what to do with one due row (send, skip, cancel, wait, fail) and why.
- delivery.py — one row's message, its target and the adapter that sends it.
- digests.py — the weekly digest: its rows (one per recipient and week), its words.
- messages.py — the text of a reminder in the recipient's language.
- channels/ — one adapter per channel (e-mail, Feishu/Lark cards, WeCom and DingTalk robots,
  Slack, generic webhooks): payload, size and rate limits, the channel's error codes.
- pacing.py — each robot's rate limits kept across dispatcher processes.
- services.py — writes: a member's preferences, group channels, the defaults, retries,
  a dispatch pass.
Doors:
- views.py, forms.py — the member's page /me/reminders/.
- admin.py — the outbox, channels, defaults and preferences in Django admin.
- tasks.py — the Celery tasks (dispatch every minute, a re-plan after a group change).
- the command `send_due_reminders` (events/management/commands/, where Django finds it).
"""
