"""Keeping and parsing sources: one source per text, parse status and errors kept, the parse queued once."""

import datetime

import pytest

from tests.visits.services.sample import ARTICLE, EXTRACTION, counts, kept_source
from visits.models import Source, Visit
from visits.services import extraction_apply, source_create, source_parse, source_submit


@pytest.mark.django_db
def test_same_text_pasted_twice_is_one_source():
    first, created = source_create(text=ARTICLE)
    again, created_again = source_create(text="  " + ARTICLE.replace(" ", "  ") + "\n")
    assert created and not created_again
    assert first == again


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   \n ", "no text"),
        ("\x00\x01\x02binary\x03\x04" * 50, "does not look like text"),
    ],
)
def test_unparseable_sources_fail_with_a_message_and_are_kept(text, message):
    source, _ = source_create(text=text)
    source = source_parse(source_id=source.pk)
    assert source.status == "failed"
    assert message in source.error
    assert Source.objects.filter(pk=source.pk).exists()


@pytest.mark.django_db
def test_parse_of_a_real_article_writes_records_and_records_the_parser_version():
    source = kept_source()
    source = source_parse(source_id=source.pk)
    assert source.status == "parsed", source.error
    assert source.parser_version
    assert source.parsed_at is not None
    assert Visit.objects.filter(destination_country="TJ").exists()


@pytest.mark.django_db
def test_parse_of_a_text_with_no_visit_says_so():
    source, _ = source_create(text="Le ministre a parlé de la météo. Il fait beau aujourd'hui à Paris.")
    source = source_parse(source_id=source.pk)
    assert source.status == "parsed"
    assert "No visit or meeting was found" in source.error
    assert not Visit.objects.exists()


@pytest.mark.django_db
def test_parser_crash_leaves_source_failed_and_earlier_records_intact(monkeypatch):
    source = kept_source()
    extraction_apply(source=source, extraction=EXTRACTION)
    before = counts()

    def explode(*args, **kwargs):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr("visits.services.sources.extract", explode)
    source = source_parse(source_id=source.pk)
    assert source.status == "failed"
    assert "parser exploded" in source.error
    assert counts() == before


@pytest.mark.django_db(transaction=True)
def test_submit_queues_the_parse_once_and_recognises_a_repeat():
    source, created = source_submit(text=ARTICLE, published=datetime.date(2024, 5, 18))
    again, created_again = source_submit(text=ARTICLE)
    source.refresh_from_db()
    assert created and not created_again and again == source
    assert source.status == "parsed"  # eager in tests: the parse ran on commit
