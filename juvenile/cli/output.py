"""What the command line prints: errors and rejected rows, in the chosen language."""

import sys
from typing import TYPE_CHECKING

from juvenile.i18n import translate

if TYPE_CHECKING:  # the import module loads pandas; only a failed import needs it
    from juvenile.imports.table import ImportRejected


class CliError(Exception):
    """An expected failure; its text is the one line the user sees."""


def print_rejection(rejection: "ImportRejected", language: str) -> None:
    """One line per bad row and field, then a line saying nothing was written."""
    for error in rejection.errors:
        message = translate(error.key, language, **error.params)
        if error.row == 0:  # the file itself (its format, or unreadable): no row, no field
            print(message, file=sys.stderr)
            continue
        print(translate("import.row_error", language, row=error.row, column=error.column,
                        message=message), file=sys.stderr)
    print(translate("import.rejected", language, count=len(rejection.errors)), file=sys.stderr)
