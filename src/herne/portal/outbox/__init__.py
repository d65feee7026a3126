"""The outbox: everything that leaves the portal (mail, webhooks, FIT-Connect) is written here and sent after commit."""
