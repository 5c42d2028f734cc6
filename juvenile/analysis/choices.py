"""The choices a caller of the quarterly analysis makes, as plain constants, so that
the command line and the pages can offer them without loading pandas."""

EXPORT_FORMATS = ("xlsx", "pdf", "csv")
DEFAULT_RANK_BY = ("support_end",)
