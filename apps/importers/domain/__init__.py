"""Pure Python for bringing plans in: reading documents and workbooks, no database."""
