"""Decoding files of unknown encoding: a Cyrillic CSV in cp1251 is read as cp1251, Western text as cp1252."""

import pytest

from visits.importers.textio import decode

CYRILLIC_CSV = (
    "visitor_name,visitor_title,origin_country,destination_country,destination_city,start_date,end_date\n"
    "Сергей Лавров,Министр иностранных дел,RU,TJ,Душанбе,2024-05-18,2024-05-19\n"
    "Ёсиф Ким,Посол,RU,KZ,Астана,2024-06-01,2024-06-02\n"
)


def test_a_cp1251_csv_with_much_ascii_is_read_as_cp1251():
    text, codec, guessed = decode(CYRILLIC_CSV.encode("cp1251"))
    assert (codec, guessed) == ("cp1251", True)
    assert "Сергей Лавров" in text and "Ёсиф" in text


@pytest.mark.parametrize(
    "text",
    [
        "name,city\nJosé Müller,São Paulo\nFrançois Hollande,Besançon\n",
        "Ministre des Affaires étrangères, arrivé à Genève le 3 mai.",
        "Łódź? No: Malmö, Göteborg, Århus, Zürich.",
    ],
)
def test_western_text_is_read_as_cp1252(text):
    decoded, codec, guessed = decode(text.encode("cp1252", errors="ignore"))
    assert (codec, guessed) == ("cp1252", True)
    assert decoded == text.encode("cp1252", errors="ignore").decode("cp1252")


def test_an_unknown_declared_charset_falls_back_to_detection():
    text, codec, _ = decode("Визит".encode("cp1251"), declared="punycode")
    assert (text, codec) == ("Визит", "cp1251")
