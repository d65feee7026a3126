"""eID log-in through OpenID Connect (Servicekonto.NRW, BundID) with trust levels."""
