"""Reading CSV and XLSX files for the imports, and reporting their bad rows."""
