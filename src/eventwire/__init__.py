"""eventwire: political event data from French and English news, natively."""
__version__ = "0.1.0"
