"""Entry point for `make bench`: sets up a throwaway database and runs every benchmark."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")  # noqa: TID251


def main() -> int:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    from bench import (
        document_formats,
        document_import,
        plan_page,
        report_build,
        spc_bench,
        workbook_import,
    )

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        plan_page.run()
        document_import.run()
        document_formats.run()
        workbook_import.run()
        spc_bench.run()
        report_build.run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
