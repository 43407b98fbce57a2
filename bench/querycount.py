"""Print the number of SQL queries per key page as JSON (run with DATABASE_URL set)."""

import json
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inclusie.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

from bench.pages import key_pages  # noqa: E402
from inclusie import fragments  # noqa: E402
from inclusie.models import User  # noqa: E402


def signed_in_client(role: str) -> Client:
    """A test client signed in as the demo user `role`, past the second factor."""
    client = Client()
    user = User.objects.get(username=role)
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:  # past the second factor, like a person who entered the code
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def main() -> None:
    from django.conf import settings

    # The test client calls itself "testserver"; the bench's ALLOWED_HOSTS would refuse it.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    counts = {}
    for label, role, path, _kind in key_pages():
        client = signed_in_client(role) if role else Client()
        client.get(path)  # warm caches (gemeente profile, content types)
        # Count what a page costs when its cached fragments are stale (after any write):
        # the home panels' own queries, which must not grow with the data.
        fragments.bump()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{label}: {path} answered {response.status_code}, not 200")
        counts[label] = {"queries": len(ctx.captured_queries), "status": response.status_code}
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
