"""The demo partnerships `make run` loads, and the data transcribed from the seed documents."""
