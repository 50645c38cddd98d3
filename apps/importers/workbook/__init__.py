"""Plans as spreadsheets: export a plan to .xlsx, and import the edited workbook back."""
