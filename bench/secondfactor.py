"""The bench signs in like a person: the beheerder and wethouder also enter the app's code.

Codes come from DEMO_TOTP_SECRET (the secret seed_demo enrols them with). django-otp
accepts each time step once per account, so `next_code` hands out steps in order and
waits when the next one is not yet valid; sessions of one user may share one sign-in.
"""

from __future__ import annotations

import base64
import os
import threading
import time

from django_otp.oath import TOTP

SECOND_FACTOR_USERS = {"beheerder", "wethouder"}
SECRET = os.environ.get("DEMO_TOTP_SECRET", "INCLUSIEPORTAALDEMOSLEUTEL234567")
VERIFY_PATH = "/account/tweestaps/"

_lock = threading.Lock()
_last_step: dict[str, int] = {}


def code_at(step: int) -> str:
    key = base64.b32decode(SECRET + "=" * (-len(SECRET) % 8))
    totp = TOTP(key)
    totp.time = step * 30 + 1
    return f"{totp.token():06d}"


def next_code(username: str) -> str:
    """A code for a time step this account has not used yet (the server accepts now +- 1)."""
    while True:
        with _lock:
            now = int(time.time()) // 30
            step = max(now, _last_step.get(username, -1) + 1)
            if step <= now + 1:
                _last_step[username] = step
                return code_at(step)
        time.sleep(1)
