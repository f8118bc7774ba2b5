import pytest

from visits.importers.people import parse_people
from visits.importers.remarks import kind_from_text, organisations_from_text, purpose_from_text


def pairs(text: str, strict: bool = False) -> list[tuple[str | None, str | None]]:
    return [(p.title, p.name) for p in parse_people(text, strict=strict)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prime Minister Gordon Brown", [("Prime Minister", "Gordon Brown")]),
        ("Prime Minister Churchill", [("Prime Minister", "Churchill")]),
        ("King Abdullah II", [("King", "Abdullah II")]),
        ("Crown Prince Mohammed bin Salman", [("Crown Prince", "Mohammed bin Salman")]),
        ("Foreign Minister Sergey Lavrov", [("Foreign Minister", "Sergey Lavrov")]),
        (
            "Secretary-General of the United Nations Ban Ki-moon",
            [("Secretary-General of the United Nations", "Ban Ki-moon")],
        ),
        (
            "President Andrzej Duda and Prime Minister Donald Tusk",
            [("President", "Andrzej Duda"), ("Prime Minister", "Donald Tusk")],
        ),
        ("President Benigno S. Aquino, 3rd", [("President", "Benigno S. Aquino, 3rd")]),
        ("Premier and Prince Sihanouk", [("Premier and Prince", "Sihanouk")]),
        ("Prime Minster Adrian Nastase", [("Prime Minister", "Adrian Nastase")]),
        ("President- elect Ernesto Zedillo", [("President-elect", "Ernesto Zedillo")]),
        ("Jose Luis Rodriguez Zapatero", [(None, "Jose Luis Rodriguez Zapatero")]),
    ],
)
def test_visitor_string_splits_into_titled_people(text: str, expected: list) -> None:
    assert pairs(text) == expected


def test_meeting_list_drops_groups_and_keeps_bare_titles() -> None:
    text = "the President, Foreign Minister Khoman, senior Thai officials and the Foreign Ministers of Turkey"
    assert pairs(text, strict=True) == [("President", None), ("Foreign Minister", "Khoman")]


def test_kind_is_the_first_stated_kind() -> None:
    assert kind_from_text("State visit.") == "state"
    assert kind_from_text("Official Working Visit.") == "working"
    assert kind_from_text("Working visit. Met with President Bush at the U.S.-EU Summit.") == "working"
    assert kind_from_text("Attended the NATO Summit Meeting.") == "multilateral"
    assert kind_from_text("Met with President Fox.") == "unknown"


def test_organisations_and_purpose_come_from_attended_events() -> None:
    text = "Attended the NATO Summit Meeting. Attended Summit of the Gulf Cooperation Council."
    assert organisations_from_text(text) == ["NATO", "GCC"]
    assert purpose_from_text(text) == "the NATO Summit Meeting"
