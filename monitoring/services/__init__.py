"""Writes and business rules of monitoring, one module per concern.

measurements (content and measurements), imports (CSV), snapshots (frozen half-year
figures), raadsmededeling (drafting, approval, publication), redaction (Woo) and
reports (report rows and PDF rendering). Keyword-only, transactional, validated.
"""
