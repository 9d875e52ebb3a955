"""Errors a user can cause: each carries one clear line meant to be shown as it is."""

from __future__ import annotations


class DocqaError(Exception):
    """Base class of every error docqa reports to a user (the CLI prints its message, no traceback)."""


class IndexNotFoundError(DocqaError):
    """There is no index at the given folder."""


class IndexFormatError(DocqaError):
    """The index folder exists but cannot be read: damaged, foreign or from a newer docqa."""


class ModelMismatchError(DocqaError):
    """The index was built with another embedding model than the one asked for."""


class ModelLoadError(DocqaError):
    """The embedding model could not be loaded."""


class IndexLockedError(DocqaError):
    """Another process is writing this index."""


class NoDocumentsError(DocqaError):
    """Nothing readable was found in the paths given to build."""


class UnknownSpeakerError(DocqaError):
    """An explicit speaker name matches nobody in the index."""


class UnreadableFileError(DocqaError):
    """A file that cannot be turned into a Document; the message says why, in a few words."""
