"""Mail delivery: `smtp.py` sends one message, `outbox.py` makes each mail go out exactly once."""
