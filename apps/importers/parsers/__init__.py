"""Parsers for the plan layouts SaferPlan reads: each returns a ParsedPlan, no database."""
