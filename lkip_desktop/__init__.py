"""LKIP Desktop: the yearly SAKIP performance workbook of one OPD, offline."""

__version__ = "0.1.0"
APP_NAME = "LKIP Desktop"
