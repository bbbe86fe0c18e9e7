"""URLs of tutoring's profiles pages."""

urlpatterns: list = []
