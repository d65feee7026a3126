"""REST: ``POST <application>/@antwort``, the citizen's answer to an information request."""
