"""The nightly worker: plain job functions in `jobs.py`, APScheduler wiring in `worker.py`."""
