"""Names, passwords and addresses of the load test's citizens, shared by all its parts."""

import os


USER_PREFIX = "lasttest-"
PASSWORD = os.environ.get("HERNE_LOADTEST_PASSWORD", "lasttest-Passwort-2026")
SERVICE_PATH = "leistungen/hundesteuer/antrag"


def username(number):
    return f"{USER_PREFIX}{number}"


def email(number):
    return f"{username(number)}@example.org"


def is_loadtest_user(userid):
    return bool(userid) and userid.startswith(USER_PREFIX)
