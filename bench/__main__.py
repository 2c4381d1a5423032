"""Run every benchmark module in bench/ (each defines main()) and print its figures.

`python -m bench` runs them all; `python -m bench ical` runs one.
"""

import importlib
import os
import pkgutil
import sys
from pathlib import Path

import django


def main(argv):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    wanted = set(argv)
    names = sorted(
        info.name
        for info in pkgutil.iter_modules([str(Path(__file__).parent)])
        if not info.name.startswith("_") and (not wanted or info.name in wanted)
    )
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"=== bench/{name}.py")
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
