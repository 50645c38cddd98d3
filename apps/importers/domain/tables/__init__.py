"""Reading tables of any document by what their headings mean, not by a named layout."""
