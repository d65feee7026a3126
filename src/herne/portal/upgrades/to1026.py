"""1025 -> 1026: the per-person and per-application booking indexes, built from the stored bookings."""

from herne.portal.booking.booking_indexes import rebuild_indexes
import logging


logger = logging.getLogger(__name__)


def upgrade(setup_tool):
    logger.info("Filed %s open bookings in the booking indexes", rebuild_indexes())
