"""Word lists the rules load with importlib.resources; see config/lexicons/README.md."""
