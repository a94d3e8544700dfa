"""Input errors: a file nianbao cannot read as a report.

An input error is not a finding: the file gets ``error`` in the JSON output, the
run exits 2, and the other files of the batch are still checked.
"""


class InputError(Exception):
    """A file that cannot be read. ``code`` is stable (for JSON), ``message`` Chinese."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message}
