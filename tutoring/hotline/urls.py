"""URLs of tutoring's hotline pages."""

urlpatterns: list = []
