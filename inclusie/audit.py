"""Readable text for audit log entries (django-auditlog's changes_str fails on m2m changes)."""

from __future__ import annotations


def changes_text(entry) -> str:
    parts = []
    for field, value in (entry.changes_dict or {}).items():
        if isinstance(
            value, dict
        ):  # many-to-many: {"type": "m2m", "operation": ..., "objects": [...]}
            objects = ", ".join(str(o) for o in value.get("objects", []))
            parts.append(f"{field}: {value.get('operation', '')} {objects}".rstrip())
        elif isinstance(value, list | tuple) and len(value) == 2:
            parts.append(f"{field}: {value[0]} → {value[1]}")
        else:
            parts.append(f"{field}: {value}")
    return "; ".join(parts)
