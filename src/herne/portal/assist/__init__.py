"""Applying for someone else: Digitallotsen, counter entries, claim codes and provenance (issue 18)."""
