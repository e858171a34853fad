"""Shared Dutch text machinery for the rules: word lexicons and a small tokeniser."""
