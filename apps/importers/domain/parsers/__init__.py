"""Parsers for the plan layouts SaferPlan reads: each returns a ParsedPlan, no database."""

from apps.importers.domain.parsers.nsdc import looks_like_nsdc_plan, parse_nsdc_plan

__all__ = ["looks_like_nsdc_plan", "parse_nsdc_plan"]
