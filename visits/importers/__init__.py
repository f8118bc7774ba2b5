"""Pure-Python readers for structured visit files and articles; no Django imports here."""
