from . import people, program  # noqa: F401
