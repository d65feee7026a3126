"""The parts of scripts/backup.py: shared helpers, blob copies, FileStorage and RelStorage."""
