"""Importer pages: plan documents (documents.py) and plan workbooks (workbooks.py)."""
