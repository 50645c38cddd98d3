"""Entry point for `make bench`: sets up a throwaway database and runs the benchmarks.

`make bench` runs them all; `make bench ONLY=spc` (`python -m bench spc plan`) runs those named.
"""

from __future__ import annotations

import importlib
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")  # noqa: TID251

# Name on the command line → module in bench/ with a run() function, in the order they run.
BENCHES = {
    "plan": "plan_page",
    "documents": "document_import",
    "formats": "document_formats",
    "workbook": "workbook_import",
    "spc": "spc_bench",
    "reports": "report_build",
}


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in BENCHES]
    if unknown:
        print(f"Unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHES)}.")
        return 2
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    chosen = [BENCHES[name] for name in (names or BENCHES)]
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        for module in chosen:
            importlib.import_module(f"bench.{module}").run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
