"""REST: ``GET @postkorb``, the caller's applications as the Postkorb page lists them."""
