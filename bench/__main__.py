"""Run every bench/<topic>.py module's main()."""

import importlib
import pkgutil
from pathlib import Path

for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda i: i.name):
    if not info.name.startswith("_"):
        importlib.import_module(f"bench.{info.name}").main()
