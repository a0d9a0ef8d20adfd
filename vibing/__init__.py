"""Vibing's runtime: the bus, the worker base, config, logging and the command line."""

__version__ = "0.1.0"
