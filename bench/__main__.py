"""Run the benchmarks in bench/ (each module defines main()) and print their figures.

`python -m bench` runs every module, each in a process of its own (they set Django up,
and make throwaway databases, each in their own way); `python -m bench ical` runs one.
"""

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path


def module_names():
    return sorted(
        info.name
        for info in pkgutil.iter_modules([str(Path(__file__).parent)])
        if not info.name.startswith("_")
    )


def main(argv):
    if len(argv) == 1:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
        print(f"=== bench/{argv[0]}.py", flush=True)
        importlib.import_module(f"bench.{argv[0]}").main()
        return 0
    failed = []
    for name in argv or module_names():
        if subprocess.run([sys.executable, "-m", "bench", name], check=False).returncode:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
