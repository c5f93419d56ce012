"""Moving data in and out of a workbook: the importers (JSON, published reference, Excel
sheets), carry-over to a new year and the demo. They only build ops; ``store`` owns the
file and applies them."""
