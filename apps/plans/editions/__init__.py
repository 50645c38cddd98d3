"""Editions of a plan: linking each action to the earlier edition's and saying what changed."""
