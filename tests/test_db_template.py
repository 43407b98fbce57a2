"""The migrated template is named after what the migrated database depends on."""

from pathlib import Path

from tests.db_template import code_hash


def _app(root: Path) -> Path:
    app = root / "voorbeeld"
    (app / "migrations").mkdir(parents=True)
    (app / "apps.py").write_text("class VoorbeeldConfig: ...\n")
    (app / "migrations" / "0001_initial.py").write_text("operations = []\n")
    return app


def test_the_same_code_gives_the_same_template(tmp_path):
    _app(tmp_path)
    assert code_hash(tmp_path) == code_hash(tmp_path)


def test_any_change_in_an_app_gives_another_template(tmp_path):
    app = _app(tmp_path)
    before = code_hash(tmp_path)
    (app / "migrations" / "0002_data.py").write_text("operations = ['RunPython']\n")
    added = code_hash(tmp_path)
    (app / "models.py").write_text("# a post_migrate handler could read this\n")
    assert len({before, added, code_hash(tmp_path)}) == 3


def test_files_outside_the_apps_do_not_count(tmp_path):
    _app(tmp_path)
    before = code_hash(tmp_path)
    (tmp_path / "README.md").write_text("Lees mij\n")
    (tmp_path / "voorbeeld" / "__pycache__").mkdir()
    (tmp_path / "voorbeeld" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert code_hash(tmp_path) == before
