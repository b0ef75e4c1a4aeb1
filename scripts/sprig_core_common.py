"""Shared pieces of the Sprig core corpus tables."""

def R(*rows):
    return list(rows)

