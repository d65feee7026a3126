"""The FIT-Connect client secret, kept on the site outside the registry so that no channel reads it back."""

from herne.portal.site_secret import SiteSecret


#: The online service's client secret at FIT-Connect's token service.
CLIENT_SECRET = SiteSecret("herne.portal.fitconnect.client_secret")

client_secret = CLIENT_SECRET.value
set_client_secret = CLIENT_SECRET.store
