"""Pure-Python readers for structured visit files and articles (file -> rows); no Django imports here.

`READERS` is the registry: the format `detect.detect_format` names picks the reader.
"""

from .articles import read_articles
from .hsg import read_hsg
from .tabular import read_csv, read_json

READERS = {"hsg": read_hsg, "csv": read_csv, "json": read_json, "articles": read_articles}

__all__ = ["READERS", "read_articles", "read_csv", "read_hsg", "read_json"]
