"""The payment service's password, kept on the site outside the registry so that no channel reads it back."""

from herne.portal.site_secret import SiteSecret


#: The password of the portal's account at the payment service.
PAYMENT_PASSWORD = SiteSecret("herne.portal.payment.password")

payment_password = PAYMENT_PASSWORD.value
has_payment_password = PAYMENT_PASSWORD.is_set
set_payment_password = PAYMENT_PASSWORD.store
