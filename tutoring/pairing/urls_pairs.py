"""Pairing URLs (urls_pairs)."""

urlpatterns: list = []
