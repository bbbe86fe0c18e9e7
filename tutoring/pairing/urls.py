"""URLs of tutoring's pairing pages."""

urlpatterns: list = []
