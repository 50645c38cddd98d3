"""Who may read and define board reports (loaded by rules' autodiscovery).

Members of the partnership read its reports in either version and download them; its managers
define and change them.
"""

from __future__ import annotations

import rules

from apps.partnerships.rules import is_manager, is_member

rules.add_perm("reports.view_report", is_member)
rules.add_perm("reports.define_report", is_manager)
