"""FIT-Connect delivery: applications handed to the departments' own software, end-to-end encrypted."""
