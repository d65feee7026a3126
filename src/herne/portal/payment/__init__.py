"""E-payment of fees through a payment service that speaks XBezahldienste (issue 19)."""
