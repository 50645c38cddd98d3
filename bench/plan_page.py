"""How the plan page scales: render time for 64, 1,000 and 10,000 actions, as ratios to 64."""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from apps.partnerships.models import Membership
from bench.harness import Measurement, measure, report
from tests import builders

SIZES = [64, 1_000, 10_000]


def run() -> None:
    partnership = builders.partnership(name="Bench CSP")
    user = builders.member(partnership=partnership, role=Membership.Role.MANAGER)
    client = Client()
    client.force_login(user)
    results: list[Measurement] = []
    queries: dict[int, int] = {}
    for size in SIZES:
        plan = builders.large_plan(partnership=partnership, actions=size)
        url = f"/plans/{plan.pk}/"

        def render(url: str = url) -> None:
            response = client.get(url)
            assert response.status_code == 200, response.status_code

        with CaptureQueriesContext(connection) as context:
            render()
        queries[size] = len(context.captured_queries)
        results.append(
            measure(f"plan page, {size:,} actions", render, repeat=3 if size > 1000 else 5)
        )
    report("Plan page", results, baseline=results[0])
    print("  SQL queries per page: " + ", ".join(f"{n:,} actions: {q}" for n, q in queries.items()))
