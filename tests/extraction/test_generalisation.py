"""Short articles written for this suite, in the styles of outlets and phrasings the dev set does not cover.

Each case lists every visit and meeting a careful annotator would record (so extra records fail too) and
some fields of the officials. Names are matched the way the project scorer matches them: the tokens of one
name are a subset of the other's, accents and case ignored.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

import pytest

from visits.extraction import Extraction, extract


def _tokens(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return frozenset(w for w in re.split(r"[^a-z0-9]+", text) if w and w not in ("h", "e", "mr", "dr"))


def same(a: str | None, b: str | None) -> bool:
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta) and bool(tb) and (ta <= tb or tb <= ta)


D = dt.date.fromisoformat


@dataclass
class Case:
    id: str
    published: str
    text: str
    # visitor, destination country, then fields to check (status, kind, city, start, end, visitor_country)
    visits: list[dict] = field(default_factory=list)
    meetings: list[set[str | None] | list[str | None]] = field(default_factory=list)
    officials: dict[str, dict] = field(default_factory=dict)


CASES = [
    Case(
        "state_visit_at_invitation",
        "2024-06-25",
        "BUDAPEST, June 25 (MTI) - Kyrgyz President Sadyr Japarov paid a state visit to Hungary at the "
        "invitation of Hungarian President Tamas Sulyok. Japarov held talks with Prime Minister Viktor Orban "
        "in Budapest on Tuesday, focusing on energy and transport.",
        visits=[dict(visitor="Sadyr Japarov", to="HU", kind="state", city="Budapest", visitor_country="KG")],
        meetings=[{"Sadyr Japarov", "Viktor Orban"}],
        officials={
            "Viktor Orban": dict(country="HU", title="Prime Minister"),
            "Sadyr Japarov": dict(country="KG"),
        },
    ),
    Case(
        "xinhua_met_with_visiting",
        "2024-06-24",
        "BEIJING, June 24 (Xinhua) -- Chinese Premier Li Qiang met with visiting Vietnamese Prime Minister "
        "Pham Minh Chinh in Beijing on Monday. The two sides exchanged views on trade and railway links.",
        visits=[dict(visitor="Pham Minh Chinh", to="CN", city="Beijing", visitor_country="VN")],
        meetings=[{"Li Qiang", "Pham Minh Chinh"}],
        officials={"Li Qiang": dict(country="CN", title="Premier"), "Pham Minh Chinh": dict(country="VN")},
    ),
    Case(
        "tass_will_travel_next_week",
        "2024-10-07",
        "MOSCOW, October 7. /TASS/. Turkish Foreign Minister Hakan Fidan will travel to Moscow next week for "
        "talks with his Russian counterpart, the Turkish Foreign Ministry said on Monday.",
        visits=[dict(visitor="Hakan Fidan", to="RU", status="planned", city="Moscow", visitor_country="TR")],
        officials={"Hakan Fidan": dict(country="TR", title="Foreign Minister")},
    ),
    Case(
        "irna_arrived_at_head_of_delegation",
        "2024-03-03",
        "TEHRAN, March 3 (IRNA) - Iran's Foreign Minister Hossein Amir-Abdollahian arrived in Muscat on "
        "Sunday at the head of a high-ranking delegation to meet Omani officials.",
        visits=[dict(visitor="Hossein Amir-Abdollahian", to="OM", city="Muscat", start=D("2024-03-03"))],
        officials={"Hossein Amir-Abdollahian": dict(country="IR")},
    ),
    Case(
        "wam_his_highness_received",
        "2024-05-05",
        "ABU DHABI, 5th May, 2024 (WAM) -- His Highness Sheikh Mohamed bin Zayed Al Nahyan, President of the "
        "UAE, today received Egyptian President Abdel Fattah El-Sisi at Qasr Al Shati in Abu Dhabi. "
        "The two leaders discussed regional developments.",
        visits=[dict(visitor="Abdel Fattah El-Sisi", to="AE", city="Abu Dhabi", visitor_country="EG")],
        meetings=[{"Mohamed bin Zayed Al Nahyan", "Abdel Fattah El-Sisi"}],
        officials={"Mohamed bin Zayed Al Nahyan": dict(country="AE", title="President")},
    ),
    Case(
        "spa_received_the_visiting_minister_of",
        "2024-02-18",
        "RIYADH, Feb 18 (SPA) -- Saudi Minister of Foreign Affairs Prince Faisal bin Farhan received the "
        "visiting Minister of Foreign Affairs of Pakistan, Ishaq Dar, in Riyadh on Sunday.",
        visits=[dict(visitor="Ishaq Dar", to="SA", city="Riyadh", visitor_country="PK")],
        meetings=[{"Faisal bin Farhan", "Ishaq Dar"}],
        officials={
            "Ishaq Dar": dict(country="PK", title="Minister of Foreign Affairs"),
            "Faisal bin Farhan": dict(country="SA"),
        },
    ),
    Case(
        "app_chief_of_general_staff",
        "2024-04-09",
        "ISLAMABAD: Chief of Army Staff General Asim Munir held a meeting with the visiting Chief of General "
        "Staff of the Turkish Armed Forces, General Metin Gurak, at the GHQ on Tuesday.",
        visits=[dict(visitor="Metin Gurak", to="PK", city="Islamabad", visitor_country="TR")],
        meetings=[{"Asim Munir", "Metin Gurak"}],
        officials={"Asim Munir": dict(country="PK")},
    ),
    Case(
        "azertac_dateline",
        "2024-05-05",
        "Baku, May 5, AZERTAC. Azerbaijan's Minister of Economy Mikayil Jabbarov has met with Georgian "
        "Minister of Economy Levan Davitashvili, who is on a working visit to Baku.",
        visits=[
            dict(visitor="Levan Davitashvili", to="AZ", city="Baku", kind="working", visitor_country="GE")
        ],
        meetings=[{"Mikayil Jabbarov", "Levan Davitashvili"}],
        officials={"Mikayil Jabbarov": dict(country="AZ"), "Levan Davitashvili": dict(country="GE")},
    ),
    Case(
        "phone_conversation_is_nothing",
        "2024-05-20",
        "French President Emmanuel Macron and German Chancellor Olaf Scholz held a phone conversation on "
        "Monday to discuss support for Ukraine.",
        officials={"Emmanuel Macron": dict(country="FR"), "Olaf Scholz": dict(country="DE")},
    ),
    Case(
        "domestic_region_trip",
        "2024-07-05",
        "ASTANA, July 5 (Kazinform) - Prime Minister Olzhas Bektenov visited the Turkistan region on Friday "
        "to inspect irrigation projects and met local farmers.",
        officials={"Olzhas Bektenov": dict(country="KZ")},
    ),
    Case(
        "sco_sidelines_separately",
        "2024-07-04",
        "On the sidelines of the SCO summit in Astana on Thursday, Indian External Affairs Minister "
        "S. Jaishankar met separately with Belarusian Prime Minister Roman Golovchenko and Mongolian "
        "President Ukhnaagiin Khurelsukh.",
        visits=[
            dict(visitor="Jaishankar", to="KZ", kind="multilateral", city="Astana"),
            dict(visitor="Roman Golovchenko", to="KZ", kind="multilateral"),
            dict(visitor="Ukhnaagiin Khurelsukh", to="KZ", kind="multilateral"),
        ],
        meetings=[{"Jaishankar", "Roman Golovchenko"}, {"Jaishankar", "Ukhnaagiin Khurelsukh"}],
    ),
    Case(
        "arrived_two_day_official_visit",
        "2024-05-20",
        "Georgian Prime Minister Irakli Kobakhidze arrived in Baku on Monday on a two-day official visit.",
        visits=[
            dict(
                visitor="Irakli Kobakhidze",
                to="AZ",
                city="Baku",
                kind="official",
                start=D("2024-05-20"),
                end=D("2024-05-21"),
                visitor_country="GE",
            )
        ],
    ),
    Case(
        "wrapped_up_visit",
        "2024-02-16",
        "KUALA LUMPUR (Bernama) -- Prime Minister Datuk Seri Anwar Ibrahim wrapped up his three-day official "
        "visit to Japan on Friday and flew home.",
        visits=[
            dict(visitor="Anwar Ibrahim", to="JP", kind="official", end=D("2024-02-16"), visitor_country="MY")
        ],
    ),
    Case(
        "planned_state_visit_day_range",
        "2024-05-06",
        "Mongolian President Ukhnaagiin Khurelsukh will pay a state visit to Japan on 12-14 May, the "
        "Mongolian presidential office said.",
        visits=[
            dict(
                visitor="Ukhnaagiin Khurelsukh",
                to="JP",
                status="planned",
                kind="state",
                start=D("2024-05-12"),
                end=D("2024-05-14"),
                visitor_country="MN",
            )
        ],
    ),
    Case(
        "from_monday_to_wednesday",
        "2024-11-14",
        "NAIROBI, Kenya - Kenyan President William Ruto was in Tanzania from Monday to Wednesday on a state "
        "visit, during which he held talks with President Samia Suluhu Hassan in Dodoma.",
        visits=[
            dict(
                visitor="William Ruto",
                to="TZ",
                kind="state",
                city="Dodoma",
                start=D("2024-11-11"),
                end=D("2024-11-13"),
                visitor_country="KE",
            )
        ],
        meetings=[{"William Ruto", "Samia Suluhu Hassan"}],
        officials={"Samia Suluhu Hassan": dict(country="TZ")},
    ),
    Case(
        "oic_secretary_general_received",
        "2024-10-02",
        "JEDDAH, Oct 2 (SPA) -- Secretary-General of the Organization of Islamic Cooperation (OIC) Hissein "
        "Brahim Taha received Mauritanian Foreign Minister Mohamed Salem Ould Merzoug at the General "
        "Secretariat in Jeddah on Wednesday.",
        visits=[dict(visitor="Mohamed Salem Ould Merzoug", to="SA", city="Jeddah", visitor_country="MR")],
        meetings=[{"Hissein Brahim Taha", "Mohamed Salem Ould Merzoug"}],
        officials={
            "Hissein Brahim Taha": dict(country=None, title="Secretary-General"),
            "Mohamed Salem Ould Merzoug": dict(country="MR"),
        },
    ),
    Case(
        "speaker_of_the_majlis",
        "2024-08-13",
        "TEHRAN (IRNA) -- Speaker of the Majlis Mohammad Bagher Ghalibaf received the visiting Speaker of "
        "the National Assembly of Pakistan, Ayaz Sadiq, in Tehran on Tuesday.",
        visits=[dict(visitor="Ayaz Sadiq", to="IR", city="Tehran", visitor_country="PK")],
        meetings=[{"Mohammad Bagher Ghalibaf", "Ayaz Sadiq"}],
        officials={"Mohammad Bagher Ghalibaf": dict(country="IR"), "Ayaz Sadiq": dict(country="PK")},
    ),
    Case(
        "yonhap_korean_names_counterpart",
        "2024-06-03",
        "SEOUL, June 3 (Yonhap) -- South Korean Foreign Minister Cho Tae-yul held talks with his Japanese "
        "counterpart Yoko Kamikawa in Seoul on Monday, discussing North Korea.",
        visits=[dict(visitor="Yoko Kamikawa", to="KR", city="Seoul", visitor_country="JP")],
        meetings=[{"Cho Tae-yul", "Yoko Kamikawa"}],
        officials={"Cho Tae-yul": dict(country="KR"), "Yoko Kamikawa": dict(country="JP")},
    ),
    Case(
        "talks_with_counterpart_in_capital_city",
        "2024-11-06",
        "Dutch Prime Minister Dick Schoof held talks with his Vietnamese counterpart Pham Minh Chinh "
        "in Hanoi on Wednesday.",
        visits=[dict(visitor="Dick Schoof", to="VN", city="Hanoi", visitor_country="NL")],
        meetings=[{"Dick Schoof", "Pham Minh Chinh"}],
        officials={"Pham Minh Chinh": dict(country="VN")},
    ),
    Case(
        "von_der_leyen_particles",
        "2024-03-17",
        "European Commission President Ursula von der Leyen arrived in Cairo on Sunday. Von der Leyen met "
        "Egyptian President Abdel Fattah al-Sisi at the Ittihadiya Palace.",
        visits=[dict(visitor="Ursula von der Leyen", to="EG", city="Cairo", start=D("2024-03-17"))],
        meetings=[{"Ursula von der Leyen", "Abdel Fattah al-Sisi"}],
        officials={"Ursula von der Leyen": dict(country=None)},
    ),
    Case(
        "travelled_to_kyiv_where_he_met",
        "2024-12-02",
        "German Chancellor Olaf Scholz travelled to Kyiv on Monday, where he met President "
        "Volodymyr Zelensky.",
        visits=[
            dict(visitor="Olaf Scholz", to="UA", city="Kyiv", start=D("2024-12-02"), visitor_country="DE")
        ],
        meetings=[{"Olaf Scholz", "Volodymyr Zelensky"}],
        officials={"Volodymyr Zelensky": dict(country="UA")},
    ),
    Case(
        "in_the_capital",
        "2024-04-08",
        "Kazakh Foreign Minister Murat Nurtleu arrived in Armenia on Monday. In the capital, Nurtleu held "
        "talks with Armenian Foreign Minister Ararat Mirzoyan.",
        visits=[dict(visitor="Murat Nurtleu", to="AM", city="Yerevan", start=D("2024-04-08"))],
        meetings=[{"Murat Nurtleu", "Ararat Mirzoyan"}],
    ),
    Case(
        "au_summit_multilateral",
        "2024-02-18",
        "Kenyan President William Ruto arrived in Addis Ababa on Saturday to attend the 37th African Union "
        "summit.",
        visits=[
            dict(
                visitor="William Ruto",
                to="ET",
                city="Addis Ababa",
                kind="multilateral",
                start=D("2024-02-17"),
            )
        ],
    ),
    Case(
        "received_the_visiting_foreign_minister_of",
        "2024-11-14",
        "ANKARA (AA) - Turkish Vice President Cevdet Yilmaz received the visiting Foreign Minister of "
        "Bosnia and Herzegovina, Elmedin Konakovic, at the Presidential Complex on Thursday.",
        visits=[dict(visitor="Elmedin Konakovic", to="TR", visitor_country="BA")],
        meetings=[{"Cevdet Yilmaz", "Elmedin Konakovic"}],
        officials={"Elmedin Konakovic": dict(country="BA"), "Cevdet Yilmaz": dict(country="TR")},
    ),
    Case(
        "planned_visit_announced_by_host",
        "2024-09-02",
        "President of Uzbekistan Shavkat Mirziyoyev is expected to visit Kazakhstan on September 10, the "
        "press service said. Earlier, Kazakh President Kassym-Jomart Tokayev visited Pakistan.",
        visits=[
            dict(
                visitor="Mirziyoyev", to="KZ", status="planned", start=D("2024-09-10"), visitor_country="UZ"
            ),
            dict(visitor="Kassym-Jomart Tokayev", to="PK", visitor_country="KZ"),
        ],
    ),
    Case(
        "vna_short_name_after_post",
        "2024-08-20",
        "HANOI, Aug 20 (VNA) - Vietnamese President To Lam received the visiting Foreign Minister of "
        "Cambodia, Sok Chenda Sophea, in Hanoi on Tuesday.",
        visits=[dict(visitor="Sok Chenda Sophea", to="VN", city="Hanoi", visitor_country="KH")],
        meetings=[{"To Lam", "Sok Chenda Sophea"}],
        officials={"To Lam": dict(country="VN", title="President"), "Sok Chenda Sophea": dict(country="KH")},
    ),
    Case(
        "tass_will_hold_talks_counterpart_title",
        "2024-10-07",
        "MOSCOW, October 7. /TASS/. Russian Foreign Minister Sergei Lavrov will hold talks with his Omani "
        "counterpart Badr Albusaidi in Moscow on Thursday, the ministry said.",
        officials={"Badr Albusaidi": dict(country="OM", title="Foreign Minister")},
    ),
    Case(
        "emir_arrived_palace_welcome",
        "2024-05-19",
        "TEHRAN (IRNA) - Emir of Qatar Sheikh Tamim bin Hamad Al Thani arrived in Tehran on Sunday for talks "
        "with Iranian President Ebrahim Raisi. Raisi welcomed the emir at the Saadabad Palace.",
        visits=[dict(visitor="Tamim bin Hamad Al Thani", to="IR", city="Tehran", start=D("2024-05-19"))],
        meetings=[{"Tamim bin Hamad Al Thani", "Ebrahim Raisi"}],
        officials={"Tamim bin Hamad Al Thani": dict(country="QA", title="Emir")},
    ),
    Case(
        "postponed_visit_said_on_day",
        "2024-03-12",
        "Nepalese Prime Minister Ram Bahadur Thapa postponed his visit to Bhutan due to bad weather, the "
        "Ministry of Foreign Affairs said on Tuesday.",
        visits=[dict(visitor="Ram Bahadur Thapa", to="BT", status="planned", start=None)],
    ),
    Case(
        "day_long_visit_called_on",
        "2024-06-20",
        "NEW DELHI: External Affairs Minister S Jaishankar arrived in Colombo on Thursday on a day-long "
        "visit. He called on President Ranil Sirisena and held talks with Foreign Minister Ali Sabry.",
        visits=[
            dict(visitor="Jaishankar", to="LK", city="Colombo", start=D("2024-06-20"), end=D("2024-06-20"))
        ],
        meetings=[{"Jaishankar", "Ranil Sirisena"}, {"Jaishankar", "Ali Sabry"}],
        officials={"Ali Sabry": dict(country="LK"), "Jaishankar": dict(country="IN")},
    ),
    Case(
        "concluded_and_left_for_next_leg",
        "2024-04-24",
        "ISLAMABAD: Iranian President Ebrahim Raisi concluded his three-day visit to Pakistan on Wednesday "
        "and left for Colombo.",
        visits=[
            dict(visitor="Ebrahim Raisi", to="PK", end=D("2024-04-24"), start=None),
            dict(visitor="Ebrahim Raisi", to="LK", city="Colombo"),
        ],
    ),
    Case(
        "nan_working_visit_state_house",
        "2024-02-05",
        "ABUJA (NAN) - The President of the Republic of Senegal, Macky Sall, on Monday paid a working visit "
        "to Nigeria, where he held a closed-door meeting with President Bola Tinubu at the State House.",
        visits=[dict(visitor="Macky Sall", to="NG", city="Abuja", kind="working", start=D("2024-02-05"))],
        meetings=[{"Macky Sall", "Bola Tinubu"}],
        officials={"Bola Tinubu": dict(country="NG"), "Macky Sall": dict(country="SN")},
    ),
]


def _fmt(result: Extraction) -> str:
    vis = [(v.visitor, v.destination_country, v.status, v.kind, v.destination_city) for v in result.visits]
    meet = [m.participants for m in result.meetings]
    return f"visits={vis} meetings={meet}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_generalisation(case: Case):
    result = extract(case.text, D(case.published))
    info = _fmt(result)
    # visits: every expected one found with its fields, and nothing more
    for exp in case.visits:
        found = [
            v
            for v in result.visits
            if v.destination_country == exp["to"]
            and (
                same(v.visitor, exp["visitor"])
                # a visitor named only by post: the place and the visitor's country decide
                or (
                    exp["visitor"] is None
                    and v.visitor is None
                    and v.visitor_country == exp["visitor_country"]
                )
            )
        ]
        assert found, f"missing visit {exp['visitor']} -> {exp['to']}; {info}"
        v = found[0]
        checks = {
            "status": v.status,
            "kind": v.kind,
            "city": v.destination_city,
            "start": v.start_date,
            "end": v.end_date,
            "visitor_country": v.visitor_country,
        }
        for key, got in checks.items():
            if key in exp:
                assert got == exp[key], f"{exp['visitor']}: {key} {got!r} != {exp[key]!r}; {info}"
    assert len(result.visits) == len(case.visits), f"extra visits; {info}"
    # meetings: participant sets as the scorer matches them
    for exp_people in case.meetings:
        assert any(
            len(m.participants) == len(exp_people)
            # None stands for an official the article names by post only
            and all(any(same(p, q) or p is q is None for q in m.participants) for p in exp_people)
            for m in result.meetings
        ), f"missing meeting {sorted(exp_people, key=str)}; {info}"
    assert len(result.meetings) == len(case.meetings), f"extra meetings; {info}"
    # officials' fields
    for name, fields in case.officials.items():
        found = [o for o in result.officials if same(o.name, name)]
        assert found, f"missing official {name}; {[o.name for o in result.officials]}"
        for key, want in fields.items():
            got = getattr(found[0], key)
            assert got == want, f"{name}: {key} {got!r} != {want!r}"
