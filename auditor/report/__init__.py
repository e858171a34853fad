"""Digest and alert reports: `digest.py` builds plain data, `render.py` turns it into mail."""
