"""Run every bench/*.py module's main(), or only those named: python -m bench ical."""

import importlib
import pkgutil
import sys
from pathlib import Path


def main(names=None):
    here = Path(__file__).parent
    modules = [
        info.name for info in pkgutil.iter_modules([str(here)]) if not info.name.startswith("_")
    ]
    for name in sorted(modules):
        if names and name not in names:
            continue
        print(f"== bench.{name} ==")
        importlib.import_module(f"bench.{name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
