"""URLs of tutoring's qa pages."""

urlpatterns: list = []
