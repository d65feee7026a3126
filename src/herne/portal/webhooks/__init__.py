"""Signed webhooks: per department, HTTPS endpoints told of each submission and state change through the outbox."""
