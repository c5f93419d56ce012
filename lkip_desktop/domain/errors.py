"""Errors the domain raises. Messages are Indonesian: they reach the user as they are."""


class InputError(ValueError):
    """A value typed, pasted or imported that cannot be accepted. Nothing is stored."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class FormulaError(InputError):
    """A komponen formula that cannot be parsed or evaluated."""
