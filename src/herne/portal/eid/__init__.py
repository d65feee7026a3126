"""eID log-in through OpenID Connect (BundID or any other provider) with trust levels."""
