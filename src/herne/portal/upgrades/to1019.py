"""1018 -> 1019: the city's front page on the site root, the city's placeholder logo and footer links."""

from herne.portal.setuphandlers import show_front_page
from plone import api


def upgrade(setup_tool):
    show_front_page(api.portal.get())
