"""The HSG remarks parser: who was met, as the real remarks word it."""

import pytest

from visits.importers.people import country_of_qualifier, parse_person
from visits.importers.remarks import meetings_from_text


def met(text: str) -> list[tuple[str | None, str | None, str | None]]:
    meetings = meetings_from_text(text, subjects=[], country="XX", city=None, start=None, end=None)
    return [(p.title, p.name, p.country) for m in meetings for p in m.participants]


def test_a_list_ending_in_comma_and_keeps_its_last_person() -> None:
    assert met("Met with General Secretary Brezhnev, President Podgorny, and Premier Kosygin.") == [
        ("General Secretary", "Brezhnev", None),
        ("President", "Podgorny", None),
        ("Premier", "Kosygin", None),
    ]
    assert met(
        "Met with President Alexander Van der Bellen, Chancellor Karl Nehammer, and Foreign Minister "
        "Alexander Schallenberg."
    )[-1] == ("Foreign Minister", "Alexander Schallenberg", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Met with UN High Commissioner for Refugees Filippo Grandi.",
            ("UN High Commissioner for Refugees", "Filippo Grandi", None),
        ),
        ("Met with Secretary for External Affairs Clark.", ("Secretary for External Affairs", "Clark", None)),
        ("Met with Dr. Ahmed from the Arab League.", None),
    ],
)
def test_for_and_from_end_the_list_only_before_lower_case(text: str, expected) -> None:
    people = met(text)
    if expected:
        assert people == [expected]
    else:
        assert all(p[1] != "Ahmed from the Arab League" for p in people)


def test_a_group_does_not_drop_the_people_named_after_it() -> None:
    assert met("Met with the Arab League committee and with Tony Blair.") == [(None, "Tony Blair", None)]
    assert met("Met with President Chirac and with Israeli Prime Minister Netanyahu.") == [
        ("President", "Chirac", None),
        ("Prime Minister", "Netanyahu", "IL"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Discussed the Rhodesian question with Foreign Secretary Owen.",
            [("Foreign Secretary", "Owen", None)],
        ),
        ("Discussed the Middle East peace process with Chairman Arafat.", [("Chairman", "Arafat", None)]),
        (
            "Accompanied President Ford to a discussion on strategic arms limitations with General Secretary "
            "Brezhnev.",
            [("General Secretary", "Brezhnev", None)],
        ),
        ("Greeted Taiwanese President Chen Shu-bian.", [("President", "Chen Shu-bian", "TW")]),
        ("Held talks with Chancellor Kohl.", [("Chancellor", "Kohl", None)]),
        ("Discussed the Kosovo conflict with NATO officials.", []),
    ],
)
def test_discussed_with_greeted_and_talks_are_meetings(text: str, expected) -> None:
    assert met(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Met with the Amir of Kuwait.", [("Amir", None, "KW")]),
        ("Met with King Hussein of Jordan.", [("King", "Hussein", "JO")]),
        (
            "Met with President Nursultan Nazarbayev of Kazakhstan and Premier Hua Guofeng of China.",
            [("President", "Nursultan Nazarbayev", "KZ"), ("Premier", "Hua Guofeng", "CN")],
        ),
        (
            "Met with Crown Prince of Abu Dhabi Sheikh Mohammed bin Zayed Al Nahyan.",
            [("Crown Prince of Abu Dhabi", "Sheikh Mohammed bin Zayed Al Nahyan", None)],
        ),
    ],
)
def test_of_a_country_gives_the_country_never_a_name(text: str, expected) -> None:
    assert met(text) == expected


@pytest.mark.parametrize(
    ("qualifier", "code"),
    [
        ("Israeli", "IL"),
        ("Soviet", "SU"),
        ("Saudi Arabian", "SA"),
        ("United Arab Emirates", "AE"),
        ("Russian Federation", "RU"),
        ("Palestinian Authority", "PS"),
        ("Iraqi", "IQ"),
        ("Turkish Cypriot", None),
    ],
)
def test_a_demonym_before_the_title_states_the_posts_country(qualifier: str, code: str | None) -> None:
    assert country_of_qualifier(qualifier) == code


def test_an_acronym_in_brackets_does_not_end_the_list() -> None:
    assert met("Met with International Atomic Energy Agency (IAEA) Director General Rafael Grossi.") == [
        ("International Atomic Energy Agency Director General", "Rafael Grossi", None)
    ]


def test_a_leader_and_an_adviser_are_people() -> None:
    assert met(
        "Met with Turkish Cypriot leader Mustafa Akinci, and UN Special Adviser Espen Barth Eide."
    ) == [
        ("leader", "Mustafa Akinci", None),
        ("UN Special Adviser", "Espen Barth Eide", None),
    ]


def test_visitor_strings_keep_their_country() -> None:
    person = parse_person("President Rene Preval", "HT")
    assert (person.title, person.name, person.country) == ("President", "Rene Preval", "HT")
    person = parse_person("Nursultan Nazarbayev of Kazakhstan", "NL")
    assert (person.name, person.country) == ("Nursultan Nazarbayev", "KZ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Met with High Representative for Foreign Affairs and Security Policy Federica Mogherini.",
            [("High Representative for Foreign Affairs and Security Policy", "Federica Mogherini", None)],
        ),
        (
            "Met with Minister of Foreign Affairs and Expatriates Ayman Safadi.",
            [("Minister of Foreign Affairs and Expatriates", "Ayman Safadi", None)],
        ),
        (
            "Met with Secretary of National Defense Gilberto Teodoro.",
            [("Secretary of National Defense", "Gilberto Teodoro", None)],
        ),
        ("Met with Minister of Tourism Ali bin Hassan.", [("Minister of Tourism", "Ali bin Hassan", None)]),
    ],
)
def test_a_posts_name_stays_in_the_title(text: str, expected) -> None:
    assert met(text) == expected


def test_reviewed_with_and_present_were_name_people_met() -> None:
    assert met("Reviewed the Middle East peace process with King Hussein.") == [("King", "Hussein", None)]
    assert met(
        "Attended ceremonies. Also present were Prime Minister Trudeau of Canada, Queen Beatrix of the "
        "Netherlands, and King Olav V of Norway."
    ) == [("Prime Minister", "Trudeau", "CA"), ("Queen", "Beatrix", "NL"), ("King", "Olav V", "NO")]
    assert met("Present were the Heads of State and Government of Canada, Federal Republic of Germany.") == []


def test_one_person_holding_two_posts() -> None:
    assert met("Met with Vice President and Foreign Minister Isabel de Saint Malo de Alvarado.") == [
        ("Vice President and Foreign Minister", "Isabel de Saint Malo de Alvarado", None)
    ]
