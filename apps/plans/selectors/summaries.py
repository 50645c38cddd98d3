"""Status summaries, as the documents print them ("Green 14/14 (100%)"), for plans and for the
home page's list of a user's partnerships."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Prefetch

from apps.partnerships.models import Membership, Partnership
from apps.partnerships.selectors import administers, role_in, roles_for
from apps.plans.models import Action, Plan, Rating, Status
from apps.plans.selectors.actions import today


@dataclass(frozen=True)
class SummaryLine:
    """One line of a status summary, printed as the documents print it: "Green 14/14 (100%)"."""

    label: str
    count: int
    total: int
    colour: str = ""
    code: str = ""

    @property
    def percentage(self) -> int:
        return round(100 * self.count / self.total) if self.total else 0

    def __str__(self) -> str:
        return f"{self.label} {self.count}/{self.total} ({self.percentage}%)"


@dataclass
class StatusSummary:
    total: int
    by_rating: list[SummaryLine] = field(default_factory=list)
    by_status: list[SummaryLine] = field(default_factory=list)
    overdue: int = 0


def plan_status_summaries(*, plans: list[Plan]) -> dict[int, StatusSummary]:
    """Status summary for several plans in two queries, whatever their size."""
    plan_ids = [p.pk for p in plans]
    ratings_by_plan: dict[int, list[Rating]] = {pk: [] for pk in plan_ids}
    for rating in Rating.objects.filter(plan_id__in=plan_ids).order_by("plan_id", "position"):
        ratings_by_plan[rating.plan_id].append(rating)
    rows = Action.objects.filter(
        objective__theme__plan_id__in=plan_ids, retired_at__isnull=True
    ).values_list("objective__theme__plan_id", "rating_id", "status", "due_date")
    totals: Counter[int] = Counter()
    by_rating: Counter[tuple[int, int | None]] = Counter()
    by_status: Counter[tuple[int, str]] = Counter()
    overdue: Counter[int] = Counter()
    now = today()
    for plan_id, rating_id, status, due_date in rows:
        totals[plan_id] += 1
        by_rating[(plan_id, rating_id)] += 1
        by_status[(plan_id, status)] += 1
        if due_date is not None and due_date < now and status != Status.COMPLETED:
            overdue[plan_id] += 1
    summaries = {}
    for plan_id in plan_ids:
        total = totals[plan_id]
        rating_lines = [
            SummaryLine(r.label, by_rating[(plan_id, r.pk)], total, r.colour, r.code)
            for r in ratings_by_plan[plan_id]
        ]
        unrated = by_rating[(plan_id, None)]
        if unrated:
            rating_lines.append(SummaryLine("Not rated", unrated, total, "", ""))
        status_lines = [
            SummaryLine(str(label), by_status[(plan_id, value)], total, "", value)
            for value, label in Status.choices
            if by_status[(plan_id, value)]
        ]
        summaries[plan_id] = StatusSummary(
            total=total, by_rating=rating_lines, by_status=status_lines, overdue=overdue[plan_id]
        )
    return summaries


def plan_status_summary(*, plan: Plan) -> StatusSummary:
    return plan_status_summaries(plans=[plan])[plan.pk]


@dataclass
class PartnershipWithPlans:
    partnership: Partnership
    role: str
    plans: list[tuple[Plan, StatusSummary]]

    @property
    def role_label(self) -> str:
        return str(Membership.Role(self.role).label)


def plan_visible_to(user: User | AnonymousUser, plan: Plan) -> bool:
    """Whether the user may see the plan: the rule `plans.view_plan` for a list, from the roles
    already looked up (drafts are for the partnership's managers and administrators)."""
    role = role_in(user, plan.partnership_id)
    if role is None:
        return False
    if plan.status != Plan.Status.DRAFT:
        return True
    return role == Membership.Role.MANAGER or administers(user, plan.partnership_id)


def partnership_list_with_plans(*, user: User) -> list[PartnershipWithPlans]:
    """The partnerships a user belongs to, each with the plans they may see (drafts for
    managers and administrators only) and their status summaries."""
    roles = roles_for(user)
    partnerships = list(
        Partnership.objects.filter(pk__in=roles).prefetch_related(
            Prefetch("plans", queryset=Plan.objects.order_by("status", "-starts_on", "-pk"))
        )
    )
    shown = {
        p.pk: [plan for plan in p.plans.all() if plan_visible_to(user, plan)] for p in partnerships
    }
    all_plans = [plan for plans in shown.values() for plan in plans]
    summaries = plan_status_summaries(plans=all_plans)
    status_order: dict[str, int] = {"live": 0, "draft": 1, "archived": 2}
    return [
        PartnershipWithPlans(
            partnership=p,
            role=roles[p.pk],
            plans=[
                (plan, summaries[plan.pk])
                for plan in sorted(shown[p.pk], key=lambda x: (status_order[x.status], -x.pk))
            ],
        )
        for p in partnerships
    ]
