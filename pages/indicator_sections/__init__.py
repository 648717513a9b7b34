"""The secretary's sections of the movement-indicators page (pages/indicators.py), one module each."""
