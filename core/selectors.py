"""Reads about the running system itself: whether what every request and task needs answers now."""

import logging

from celery import current_app
from django.db import Error as DatabaseError
from django.db import connection

logger = logging.getLogger(__name__)


def database_reachable() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.warning("The database did not answer the health check.", exc_info=True)
        return False
    return True


def broker_reachable(*, timeout_seconds: float) -> bool:
    """Whether the broker the app publishes to accepts a connection, tried once and given up after the timeout."""
    options = {"socket_connect_timeout": timeout_seconds, "socket_timeout": timeout_seconds}
    try:
        with current_app.connection_for_write(transport_options=options) as broker:
            broker.ensure_connection(max_retries=0, timeout=timeout_seconds)
    except Exception:  # a refused socket, a timeout, a wrong password, a bad URL: each means "not now"
        logger.warning("The broker did not answer the health check.", exc_info=True)
        return False
    return True
