import pytest


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Uploads in a temporary private storage, never in the checkout."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
    }
