"""Reporting periods (issue 13): built by the periods services."""
