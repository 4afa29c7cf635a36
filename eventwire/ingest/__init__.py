"""Ingest: files, directories, stdin, article objects and HTML pages to cleaned Articles.

``read_inputs`` is what the CLI and the Python API call for paths; ``article_from_text``
for a string already in memory. Modules: ``text`` (bytes to str), ``html``
(trafilatura), ``objects`` (.json/.jsonl), ``files`` (paths, directories, stdin),
``article`` (one string to one Article).
"""

from .article import article_from_text
from ..errors import UnreadableInput
from .files import read_inputs
from .objects import Defaults, article_from_object

__all__ = ["Defaults", "UnreadableInput", "article_from_object", "article_from_text", "read_inputs"]
