"""News articles as plain text, HTML, the article JSON of shared/eval/SCHEMA.md, or a zip of those."""

from __future__ import annotations

import datetime
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from visits.extraction.text import VisibleText

from .rows import FileError, ReadWarning, RowError
from .textio import decode

ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json")
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 10_000
# Text compresses about 3-10x (boilerplate-heavy HTML up to ~20x); a member or a whole archive far
# beyond that is built to explode, not to be read. The whole-archive ratio bounds a preview's time and
# memory by the upload's size: a 400 KB zip inflates to at most 12 MB.
MAX_RATIO = 30
RATIO_FLOOR_BYTES = 1024 * 1024


@dataclass(frozen=True)
class ArticleRow:
    """One article, kept whole (the archive checksums its text when it keeps it, to de-duplicate)."""

    text: str
    url: str | None
    outlet: str | None
    published: datetime.date | None
    title: str | None
    filename: str
    external_id: str | None = None


@dataclass(frozen=True)
class Limits:
    """Caps that keep a hostile upload from exhausting memory or disk."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_total_bytes: int = MAX_TOTAL_BYTES
    max_members: int = MAX_MEMBERS
    max_ratio: int = MAX_RATIO


ArticleItem = ArticleRow | RowError | FileError | ReadWarning


def normalise_text(text: str) -> str:
    """Return text in NFC with line endings unified, spaces collapsed and blank-line paragraphs kept."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


def _date(value: Any) -> datetime.date | None:
    if not value:
        return None
    text = str(value).strip()
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _declared_charset(data: bytes) -> str | None:
    match = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", data[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


def _article(text: str, filename: str, **fields: Any) -> ArticleRow:
    return ArticleRow(text=text, filename=filename, **fields)


def _text_value(value: Any) -> str | None:
    """A JSON value as text for a text field: a number is written out, a list or object is refused."""
    if value is None or isinstance(value, bool | list | dict):
        return None
    return str(value).strip() or None


def _from_bytes(data: bytes, filename: str) -> Iterator[ArticleItem]:
    suffix = PurePosixPath(filename.lower()).suffix
    declared = _declared_charset(data) if suffix in (".html", ".htm") else None
    text, codec, guessed = decode(data, declared)
    if guessed:
        yield ReadWarning(
            filename, None, None, "encoding-fallback", f"{filename}: not UTF-8, read as {codec}"
        )
    if suffix == ".json":
        yield from _from_json(text, filename)
        return
    if suffix in (".html", ".htm"):
        page = VisibleText()
        page.feed(text)
        page.close()
        body = normalise_text("".join(page.parts))
        meta = page.meta
        fields = {
            "url": meta.get("og:url") or meta.get("canonical") or None,
            "outlet": meta.get("og:site_name") or None,
            "published": _date(meta.get("article:published_time") or meta.get("date")),
            "title": " ".join("".join(page.title).split()) or meta.get("og:title") or None,
        }
    else:
        body, fields = text.strip(), {"url": None, "outlet": None, "published": None, "title": None}
    if not body.strip():
        yield RowError(filename, None, None, "empty", f"{filename}: no text")
        return
    yield _article(body, filename, **fields)


def _from_json(text: str, filename: str) -> Iterator[ArticleItem]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        yield FileError(filename, exc.lineno, "bad-json", f"{filename}, line {exc.lineno}: {exc.msg}")
        return
    except RecursionError:
        yield FileError(filename, None, "bad-json", f"{filename}: nested too deeply to read")
        return
    # One article per file is the schema; a list of them is accepted too. "gold" is ignored.
    items = document if isinstance(document, list) else [document]
    for index, item in enumerate(items, start=1):
        where = f"{filename}, article #{index}"
        if not isinstance(item, dict) or not str(item.get("text") or "").strip():
            ident = _text_value(item.get("id")) if isinstance(item, dict) else None
            yield RowError(filename, None, ident, "no-text", f"{where}: an article needs a non-empty 'text'")
            continue
        published = _date(item.get("published"))
        if item.get("published") and published is None:
            message = f"{where}: published {item.get('published')!r} is not a date; kept as unknown"
            yield ReadWarning(filename, None, _text_value(item.get("id")), "bad-date", message)
        odd = [k for k in ("url", "outlet", "title") if isinstance(item.get(k), bool | list | dict)]
        if odd:
            message = f"{where}: {', '.join(odd)} not text; left empty"
            yield ReadWarning(filename, None, _text_value(item.get("id")), "bad-field", message)
        yield _article(
            str(item["text"]),
            filename,
            url=_text_value(item.get("url")),
            outlet=_text_value(item.get("outlet")),
            published=published,
            title=_text_value(item.get("title")),
            external_id=_text_value(item.get("id")),
        )


def _unsafe_name(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or re.match(r"^[A-Za-z]:", name) is not None


def _from_zip(path: Path, limits: Limits) -> Iterator[ArticleItem]:
    name = path.name  # never the server's folder: the name reaches the public source page
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield FileError(name, None, "bad-zip", f"{name}: not a readable zip ({exc})")
        return
    with archive:
        members = archive.infolist()
        # Everything is checked from the central directory before a single byte is inflated.
        if len(members) > limits.max_members:
            yield FileError(
                name, None, "zip-bomb", f"{name}: {len(members)} members, limit {limits.max_members}"
            )
            return
        total = sum(m.file_size for m in members)
        if total > limits.max_total_bytes:
            message = f"{name}: {total} bytes uncompressed, limit {limits.max_total_bytes}"
            yield FileError(name, None, "zip-bomb", message)
            return
        packed = max(path.stat().st_size, 1)
        if total > RATIO_FLOOR_BYTES and total / packed > limits.max_ratio:
            message = f"{name}: expands {total / packed:.0f}x in all, limit {limits.max_ratio}x"
            yield FileError(name, None, "zip-bomb", message)
            return
        for member in members:
            if _unsafe_name(member.filename):
                yield FileError(name, None, "unsafe-path", f"{name}: unsafe member path {member.filename!r}")
                return
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > RATIO_FLOOR_BYTES and ratio > limits.max_ratio:
                message = (
                    f"{name}: member {member.filename!r} expands {ratio:.0f}x, limit {limits.max_ratio}x"
                )
                yield FileError(name, None, "zip-bomb", message)
                return
        for member in sorted(members, key=lambda m: m.filename):
            yield from _zip_member(archive, member, name, limits)


def _zip_member(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str, limits: Limits
) -> Iterator[ArticleItem]:
    filename = f"{name}!{member.filename}"
    if member.is_dir() or member.filename.startswith("__MACOSX/"):
        return
    if not member.filename.lower().endswith(ARTICLE_SUFFIXES):
        yield ReadWarning(filename, None, None, "skipped", f"{filename}: not .txt, .html or .json; skipped")
        return
    if member.file_size > limits.max_file_bytes:
        message = f"{filename}: {member.file_size} bytes, limit {limits.max_file_bytes}"
        yield RowError(filename, None, None, "too-large", message)
        return
    try:
        with archive.open(member) as handle:
            # The declared size is not trusted: read one byte past the cap to notice a lie.
            data = handle.read(limits.max_file_bytes + 1)
    except (zipfile.BadZipFile, RuntimeError, OSError, NotImplementedError) as exc:
        yield RowError(filename, None, None, "bad-member", f"{filename}: cannot be read ({exc})")
        return
    if len(data) > limits.max_file_bytes:
        yield RowError(filename, None, None, "too-large", f"{filename}: over {limits.max_file_bytes} bytes")
        return
    yield from _from_bytes(data, filename)


def read_articles(path: str | Path, limits: Limits | None = None) -> Iterator[ArticleItem]:
    """Yield an ArticleRow per article in a .txt, .html, .json or .zip file, and a problem per failure."""
    path = Path(path)
    limits = limits or Limits()
    name = path.name  # never the server's folder: the name reaches the public source page
    if path.suffix.lower() == ".zip":
        yield from _from_zip(path, limits)
        return
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            yield FileError(name, None, "too-large", f"{name}: {size} bytes, limit {limits.max_file_bytes}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield FileError(name, None, "unreadable", f"{name}: {exc}")
        return
    yield from _from_bytes(data, name)
