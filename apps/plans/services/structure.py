"""Building a plan from what another system holds: a plan document or a workbook.

Managers change plans through actions.py and plans.py. An import instead brings in a plan as it
was printed, so these keep what they are given: an action's printed position, by-when and due
date, and an update's printed date, with no author and without touching the action's status.

Each takes ``user: User | None``: None is an import from the command line (``import_plan``, the
demo), where nobody is signed in. A signed-in user is recorded in the audit history of the plan,
its actions and updates (themes, objectives, ratings and tags keep none).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.text import slugify

from apps.core.history import history_user_set
from apps.partnerships.models import Organisation, Partnership, Person
from apps.plans.models import Action, Objective, Plan, Rating, Status, Tag, Theme, Update
from apps.plans.services.actions import action_save_with_relations, rating_check_in_plan


def plan_create(
    *,
    partnership: Partnership,
    title: str,
    period_label: str = "",
    status: str = Plan.Status.DRAFT,
    predecessor: Plan | None = None,
    introduction: str = "",
    source_name: str = "",
    user: User | None,
) -> Plan:
    """An empty plan, to be filled with its RAG scheme, themes, objectives and actions."""
    plan = Plan(
        partnership=partnership,
        title=title,
        period_label=period_label,
        status=status,
        predecessor=predecessor,
        introduction=introduction,
        source_name=source_name,
    )
    plan.full_clean()
    history_user_set(plan, user)
    plan.save()
    return plan


def rating_create(
    *,
    plan: Plan,
    code: str,
    label: str,
    colour: str,
    definition: str = "",
    position: int,
    user: User | None,
) -> Rating:
    """One rating of the plan's RAG scheme.

    A document's own scheme may print a rating SaferPlan has no colour for: it is kept with
    none, and pages style it by its label (``apps.core.rag.rag_modifier``).
    """
    rating = Rating(
        plan=plan,
        code=code,
        label=label,
        colour=colour,
        definition=definition,
        position=position,
    )
    rating.full_clean(exclude=None if colour else ["colour"])
    history_user_set(rating, user)
    rating.save()
    return rating


def theme_create(
    *, plan: Plan, title: str, statement: str = "", position: int, user: User | None
) -> Theme:
    theme = Theme(plan=plan, title=title, statement=statement, position=position)
    theme.full_clean()
    history_user_set(theme, user)
    theme.save()
    return theme


def objective_create(*, theme: Theme, number: int, title: str = "", user: User | None) -> Objective:
    objective = Objective(theme=theme, number=number, title=title)
    objective.full_clean()
    history_user_set(objective, user)
    objective.save()
    return objective


def tags_get_or_create(*, names: Collection[str], user: User | None) -> dict[str, Tag]:
    """The tags with these names, by name, creating the ones that do not exist yet."""
    tags = {t.name: t for t in Tag.objects.filter(name__in=names)}
    for name in set(names) - tags.keys():
        tag = Tag(name=name, slug=slugify(name))
        tag.full_clean()
        history_user_set(tag, user)
        tag.save()
        tags[name] = tag
    return tags


# No savepoint of its own: a plan's import is one transaction, and one per action costs two
# queries each for nothing.
@transaction.atomic(savepoint=False)
def action_import(
    *,
    objective: Objective,
    user: User | None,
    number: str,
    position: int,
    text: str,
    method: str = "",
    sub_items: list[str] | None = None,
    details: dict[str, str] | None = None,
    due_text: str = "",
    due_date: date | None = None,
    status: str = Status.NOT_STARTED,
    rating: Rating | None = None,
    lead_people: Iterable[Person] = (),
    lead_organisations: Iterable[Organisation] = (),
    tags: Iterable[Tag] = (),
) -> Action:
    """An action as the document prints it: its place, wording, by-when and due date kept."""
    rating_check_in_plan(rating, objective.theme.plan_id)
    action = Action(
        objective=objective,
        number=number,
        position=position,
        method=method,
        text=text,
        sub_items=sub_items or [],
        details=details or {},
        due_text=due_text,
        due_date=due_date,
        status=status,
        rating=rating,
    )
    return action_save_with_relations(
        action=action,
        user=user,
        lead_people=lead_people,
        lead_organisations=lead_organisations,
        tags=tags,
    )


def update_import(
    *,
    action: Action,
    user: User | None,
    text: str,
    reported_on: date | None,
    period_label: str = "",
    status: str = "",
    rating: Rating | None = None,
) -> Update:
    """An update as the document prints it: its own date (or none), no author, and the action's
    status and rating left as the document gives them (``action_add_update`` would set them)."""
    rating_check_in_plan(rating, action.objective.theme.plan_id)
    update = Update(
        action=action,
        text=text,
        reported_on=reported_on,
        period_label=period_label,
        status=status,
        rating=rating,
    )
    update.full_clean()
    history_user_set(update, user)
    update.save()
    return update
