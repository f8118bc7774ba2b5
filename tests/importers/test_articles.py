import io
import json
import zipfile
from pathlib import Path

from visits.importers.articles import ArticleRow, Limits, read_articles
from visits.importers.detect import detect_format, iter_paths
from visits.importers.rows import FileError, ReadWarning, RowError

ARTICLE = {
    "id": "a01",
    "url": "https://example.org/a01",
    "outlet": "Azernews",
    "published": "2024-05-18",
    "title": "Prosecutor General visits Dushanbe",
    "text": "Prosecutor General Kamran Aliyev met Yusuf Rahmon in Dushanbe.\n\nThey discussed cooperation.",
    "gold": {"visits": []},
}


def rows_of(items: list) -> list[ArticleRow]:
    return [i for i in items if isinstance(i, ArticleRow)]


def test_article_json_is_read_and_gold_ignored(tmp_path: Path) -> None:
    path = tmp_path / "a01.json"
    path.write_text(json.dumps(ARTICLE))
    [row] = list(read_articles(path))
    assert isinstance(row, ArticleRow)
    assert (row.outlet, row.title, row.external_id) == ("Azernews", ARTICLE["title"], "a01")
    assert row.published is not None and row.published.isoformat() == "2024-05-18"


def test_html_gives_text_title_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Visit</title><meta property='og:url' content='https://x.test/1'>"
        "<meta property='article:published_time' content='2024-05-18T09:00:00Z'>"
        "<script>var x = 1;</script></head>"
        "<body><p>President A met B.</p><p>Second &amp; last.</p></body></html>"
    )
    [row] = list(read_articles(path))
    assert row.text == "President A met B.\n\nSecond & last."
    assert (row.title, row.url, str(row.published)) == ("Visit", "https://x.test/1", "2024-05-18")


def test_html_declared_legacy_charset_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "ru.html"
    path.write_bytes("<meta charset='windows-1251'><p>Визит президента</p>".encode("cp1251"))
    [row] = list(read_articles(path))
    assert row.text == "Визит президента"


def test_undeclared_cyrillic_text_is_guessed_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes("Визит президента в Душанбе".encode("cp1251"))
    warning, row = list(read_articles(path))
    assert isinstance(warning, ReadWarning) and "cp1251" in warning.message
    assert row.text == "Визит президента в Душанбе"


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_zip_of_articles_is_read_in_order(tmp_path: Path) -> None:
    path = make_zip(
        tmp_path / "batch.zip",
        {"b/two.txt": b"Second article.", "a01.json": json.dumps(ARTICLE).encode(), "img.png": b"\x89PNG"},
    )
    items = list(read_articles(path))
    assert [r.filename.split("!")[1] for r in rows_of(items)] == ["a01.json", "b/two.txt"]
    assert [i.code for i in items if isinstance(i, ReadWarning)] == ["skipped"]


def test_zip_bomb_is_rejected_before_inflating(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "bomb.zip", {"big.txt": b"0" * (30 * 1024 * 1024)})
    items = list(read_articles(path))
    assert len(items) == 1 and isinstance(items[0], FileError) and items[0].code == "zip-bomb"
    small_cap = list(read_articles(path, Limits(max_total_bytes=1024)))
    assert isinstance(small_cap[0], FileError) and "uncompressed" in small_cap[0].message


def test_zip_with_too_many_members_or_path_traversal_is_rejected(tmp_path: Path) -> None:
    many = make_zip(tmp_path / "many.zip", {f"{i}.txt": b"x" for i in range(20)})
    [error] = list(read_articles(many, Limits(max_members=10)))
    assert isinstance(error, FileError) and error.code == "zip-bomb"
    for name in ("../evil.txt", "/etc/passwd.txt"):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(zipfile.ZipInfo(name), b"x")
        path = tmp_path / "evil.zip"
        path.write_bytes(buffer.getvalue())
        [error] = list(read_articles(path))
        assert isinstance(error, FileError) and error.code == "unsafe-path"


def test_oversized_single_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    [error] = list(read_articles(path, Limits(max_file_bytes=100)))
    assert isinstance(error, FileError) and error.code == "too-large"
    archive = make_zip(tmp_path / "one.zip", {"big.txt": b"word " * 1000})
    [error] = list(read_articles(archive, Limits(max_file_bytes=100)))
    assert isinstance(error, RowError) and error.code == "too-large"


def test_detect_format_and_sorted_walk(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "visits.xml").write_text('<?xml version="1.0"?>\n<visits></visits>')
    (tmp_path / "b.csv").write_text("external_scheme,external_id\n")
    (tmp_path / "a.json").write_text(json.dumps(ARTICLE))
    (tmp_path / "export.json").write_text(json.dumps({"format": "visits-archive/1", "visits": []}))
    (tmp_path / "c.txt").write_text("text")
    (tmp_path / ".hidden.txt").write_text("x")
    found = list(iter_paths([tmp_path]))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.json",
        "b.csv",
        "c.txt",
        "export.json",
        "sub/visits.xml",
    ]
    assert [detect_format(p) for p in found] == ["articles", "csv", "articles", "json", "hsg"]
