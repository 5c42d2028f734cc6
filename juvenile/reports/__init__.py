"""Documents: PDF, XLSX and CSV."""
