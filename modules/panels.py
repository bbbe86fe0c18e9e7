"""Dashboard panels of the training-action (registered on import by modules/contrib.py)."""
