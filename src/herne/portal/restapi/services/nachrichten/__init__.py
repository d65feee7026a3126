"""REST: ``POST <application>/@nachrichten``, a message with files, checked as on the page."""
