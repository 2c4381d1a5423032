from . import people  # noqa: F401
