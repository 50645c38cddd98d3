"""Performance computation in plain Python, with no database: SPC, RAG, trend, periods, units,
series files, the SVG chart and the words an assessment is told in."""
