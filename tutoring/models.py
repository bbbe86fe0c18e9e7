"""Pairing, tutoring Q&A and the swarming guide: built by the tutoring and guide issues."""
