"""REST ``@tagesliste``: an office's bookings of one day and booking for a caller, for that office's clerks only."""
