"""How pytest-xdist shares the suite between workers (`--dist loadscope`): a module's tests go to
one worker, as loadscope does, and so do all the tests of a directory in SHARED_DIRECTORIES."""

from __future__ import annotations

from typing import Any

import pytest

SHARED_DIRECTORIES = (
    # One browser and one live server for every journey, and never two Chromiums at once on a
    # two-core machine (their 10-second timeouts are for one).
    "tests/e2e/",
    # The demo is loaded once for the package (tests/reports/demo/conftest.py).
    "tests/reports/demo/",
)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling  # type: ignore[import-untyped]

    class LoadScopeSharingDirectories(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            for directory in SHARED_DIRECTORIES:
                if nodeid.startswith(directory):
                    return directory
            return str(super()._split_scope(nodeid))

    return LoadScopeSharingDirectories(config, log)
