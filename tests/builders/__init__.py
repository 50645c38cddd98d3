"""Test data, built the way the apps build it: through their services where one exists.

`from tests import builders`, then `builders.small_plan(partnership=builders.partnership())`.
Plain functions rather than a factory DSL: each says what it makes in its own words.
"""

from tests.builders.importers import (
    Editions,
    document_upload,
    editions_get,
    import_editions,
    import_plan,
    parsed_seed,
    seed_action,
)
from tests.builders.partnerships import administrator, invitation, member, partnership, person
from tests.builders.performance import alignment, figures, measure, month, priority
from tests.builders.plans import RAG, SmallPlan, large_plan, plan, small_plan, small_plan_get
from tests.builders.reports import definition

__all__ = [
    "RAG",
    "Editions",
    "SmallPlan",
    "administrator",
    "alignment",
    "definition",
    "document_upload",
    "editions_get",
    "figures",
    "import_editions",
    "import_plan",
    "invitation",
    "large_plan",
    "measure",
    "member",
    "month",
    "parsed_seed",
    "partnership",
    "person",
    "plan",
    "priority",
    "seed_action",
    "small_plan",
    "small_plan_get",
]
