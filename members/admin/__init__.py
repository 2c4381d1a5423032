"""The coordinators' admin of the members app: people here, the program in
members/program/admin.py. Every write goes through the services (intl_portal.common.admin)."""

from members.program import admin as program_admin  # noqa: F401

from . import people  # noqa: F401
