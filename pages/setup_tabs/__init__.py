"""The tabs of the secretary's setup page (pages/setup.py), one module each, and their shared widgets."""
