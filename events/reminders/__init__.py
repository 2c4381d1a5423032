"""Deadline reminders: planning the outbox, dispatching it, rendering and sending messages.

- planning.py — which rows should exist; written in the caller's transaction.
- dispatch.py — one pass: claim due rows (SKIP LOCKED + lease), decide, send, record.
- messages.py — the text of a reminder in the recipient's language.
- channels.py — e-mail, Feishu/Lark, Slack and generic webhook delivery.
- signals.py — model receivers that call planning inside the saving transaction.
"""
