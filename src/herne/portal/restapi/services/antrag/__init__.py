"""REST: ``GET <application>/@antrag``, one application as its page shows it."""
