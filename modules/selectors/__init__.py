"""Read-only queries of the training-action, one module per concept; each shapes a page."""
