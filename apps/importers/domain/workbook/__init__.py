"""The plan spreadsheet as plain data: its layout, its cells, reading it and checking its rows."""
