"""Business rules about people, one module per concept: people (members and their
profiles), roles (roles and terms), tokens (API tokens). The ambassador program's rules are
in members.program.services."""
