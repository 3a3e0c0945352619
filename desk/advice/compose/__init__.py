"""Replies composed from what the customer wrote: reading the review (read), putting the
parts together (compose), and the phrasing of each language (nl, en)."""
