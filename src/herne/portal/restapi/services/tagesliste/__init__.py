"""REST ``@tagesliste``: an office's bookings of one day, for that office's clerks only."""
