"""Reporting periods: each partnership's quarters (or months, or board meetings), their update
windows and deadlines, and the lock after the board has met (issue 13)."""
