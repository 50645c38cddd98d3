"""Pages for partnership administrators."""
