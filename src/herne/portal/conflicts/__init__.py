"""Conflict errors that Zope retries: counted per process, logged, shown to managers as JSON."""
