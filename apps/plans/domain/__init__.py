"""Pure Python about plans, no ORM: reading a by-when, comparing wordings, matching editions."""
