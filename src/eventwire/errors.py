"""Errors that say what to do. Library code raises; only the CLI turns them into exit codes."""


class EventwireError(Exception):
    """Base class for errors meant for the user: the message is one line that says what to do."""


class InputError(EventwireError):
    """Bad input from the user (file, option, document). The CLI exits with code 2."""


class ResourceError(EventwireError):
    """A language resource or model is missing or malformed."""
