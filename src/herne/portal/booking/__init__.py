"""Appointments at the counter: office and service settings, free slots, bookings that never overbook."""
