"""Pairing URLs (urls_proposals)."""

urlpatterns: list = []
