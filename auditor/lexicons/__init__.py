"""Word lists the rules load with importlib.resources; see auditor/lexicons/README.md."""
