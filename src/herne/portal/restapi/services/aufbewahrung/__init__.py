"""REST: ``@aufbewahrung``, the retention job for cron (GET: what is due, POST: run it)."""
