"""Each worker's test database made from a migrated template instead of by migrating.

Running the 111 migrations takes about 10 s of CPU per xdist worker (Django renders the
model states again after most operations). The result depends only on the migrations,
the code they and their post_migrate handlers run, and the installed packages' own
migrations. So, on PostgreSQL, the first session after any change to those migrates as
before and then copies its fresh database to a template named after a hash of them
(`test_inclusie_tpl_<hash>`); later sessions create each worker's database from that
template (`CREATE DATABASE ... TEMPLATE`, well under a second) and let Django keep it
(`keepdb`: it checks that every migration is applied and applies none). A change to any
file in an app or to an installed package gives another hash, so a stale template is
never used; older templates are dropped when a new one is made.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import warnings
from pathlib import Path

from django.conf import settings
from django.db import connection

PREFIX = "_tpl_"


def code_hash(root: Path | None = None) -> str:
    """What the migrated database depends on: every file of the local apps (a directory
    with an apps.py) and the installed distributions with their versions."""
    root = root or Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for app in sorted(p.parent for p in root.glob("*/apps.py")):
        for path in sorted(app.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    installed = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    digest.update("\n".join(installed).encode())
    return digest.hexdigest()[:16]


def _template_name(test_name: str) -> str:
    base = test_name.split("_gw")[0]  # one template for all xdist workers
    return f"{base}{PREFIX}{code_hash()}"


def _admin():
    """A connection to the maintenance database of the same server, in autocommit."""
    import psycopg

    params = connection.get_connection_params()
    params["dbname"] = "postgres"
    params.pop("cursor_factory", None)
    params.pop("context", None)
    return psycopg.connect(**params, autocommit=True)


def _exists(cursor, name: str) -> bool:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    return cursor.fetchone() is not None


def create_from_template() -> bool:
    """Make this worker's test database from the template if there is one for this code.
    True when it did (Django is then told to keep the database)."""
    if connection.vendor != "postgresql":
        return False
    import psycopg
    from psycopg import sql

    test_name = connection.creation._get_test_db_name()
    template = _template_name(test_name)
    try:
        with _admin() as admin, admin.cursor() as cursor:
            if not _exists(cursor, template):
                return False
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(test_name))
            )
            cursor.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(test_name), sql.Identifier(template)
                )
            )
    except psycopg.Error as exc:
        warnings.warn(f"test database not made from {template}: {exc}", stacklevel=1)
        return False
    return True


def save_as_template() -> None:
    """Copy the freshly migrated test database to this code's template (once; another
    worker may be doing the same) and drop the templates of earlier code."""
    if connection.vendor != "postgresql":
        return
    import psycopg
    from psycopg import sql

    test_name = connection.settings_dict["NAME"]
    template = _template_name(test_name)
    connection.close()  # no session may be connected to the database being copied
    try:
        with _admin() as admin, admin.cursor() as cursor:
            if _exists(cursor, template):
                return
            cursor.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(template), sql.Identifier(test_name)
                )
            )
            base = template.split(PREFIX)[0] + PREFIX
            cursor.execute(
                "SELECT datname FROM pg_database WHERE starts_with(datname, %s) AND datname <> %s",
                [base, template],
            )
            for (old,) in cursor.fetchall():
                cursor.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(old))
                )
    except psycopg.Error as exc:  # another worker made it first, or the copy was refused
        warnings.warn(f"no template {template}: {exc}", stacklevel=1)
