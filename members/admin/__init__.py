"""The coordinators' admin of the members app: people here, the program in
members/program/admin.py (imported last: it builds on .base)."""

from members.program import admin as program_admin  # noqa: F401

from . import base, people  # noqa: F401
