"""REST: ``GET @ozg-dashboard``, the OZG dashboard's summary and tables as JSON."""
