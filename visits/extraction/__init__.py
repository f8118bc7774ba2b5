"""Pure-Python extraction of official visits and meetings from news text (no Django, no network)."""

from .model import Extraction, Meeting, Official, Organisation, Visit
from .pipeline import extract, extract_file

PARSER_VERSION = "0.4.2"

__all__ = [
    "PARSER_VERSION",
    "Extraction",
    "Meeting",
    "Official",
    "Organisation",
    "Visit",
    "extract",
    "extract_file",
]
