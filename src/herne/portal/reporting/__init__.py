"""Reporting for the digitalisation unit: OZG coverage, maturity, trend and application statistics."""
