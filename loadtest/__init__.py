"""The load test of the cluster: locust citizens, set-up and verification inside Zope."""
