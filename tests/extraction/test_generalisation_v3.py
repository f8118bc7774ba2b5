"""Parser v3 invented cases: summits whose venue is told by their host, arrivals listed, travelling
parties and escorts (same contract as test_generalisation.py)."""

from __future__ import annotations

import pytest

from visits.extraction import extract

from .test_generalisation import Case, D
from .test_generalisation import test_generalisation as check

CASES = [
    Case(
        "summit_hosted_by_a_leader_gives_the_venue_and_the_host_sits_in",
        "2018-08-17",
        "Malawian President Peter Banda on Friday hosted the 12th Lakes Region Summit of Heads of State. "
        "Leaders attending the summit include Tanzanian President Amina Msuya, Zambian President Joseph "
        "Phiri and Mozambican President Carlos Nhaca.",
        visits=[
            dict(visitor="Amina Msuya", to="MW", kind="multilateral"),
            dict(visitor="Joseph Phiri", to="MW", kind="multilateral"),
            dict(visitor="Carlos Nhaca", to="MW", kind="multilateral"),
        ],
        meetings=[{"Peter Banda", "Amina Msuya", "Joseph Phiri", "Carlos Nhaca"}],
        officials={"Peter Banda": dict(country="MW")},
    ),
    Case(
        "a_country_that_hosts_the_summit_and_one_represented_by_its_deputy",
        "2019-11-02",
        "Ecuador is hosting the Andean Community summit this week. Among those attending are President Luis "
        "Arce of Bolivia and President Martin Vizcarra of Peru, while Colombia is represented by Vice "
        "President Marta Ramirez.",
        visits=[
            dict(visitor="Luis Arce", to="EC", kind="multilateral"),
            dict(visitor="Martin Vizcarra", to="EC", kind="multilateral"),
            dict(visitor="Marta Ramirez", to="EC", kind="multilateral", visitor_country="CO"),
        ],
        meetings=[{"Luis Arce", "Martin Vizcarra", "Marta Ramirez"}],
    ),
    Case(
        "summit_hosted_by_a_country_and_a_meeting_on_its_sidelines",
        "2016-07-17",
        "Ghanaian President John Mensah took part in the African Union summit hosted by Ethiopia. On the "
        "sidelines, Mensah met Ethiopian Prime Minister Abiy Tesfaye.",
        visits=[dict(visitor="John Mensah", to="ET", kind="multilateral")],
        meetings=[{"John Mensah"}, {"John Mensah", "Abiy Tesfaye"}],
    ),
    Case(
        "will_attend_a_summit_taking_place_in_a_country",
        "2018-08-16",
        "President Thabo Nkosi will attend the Ordinary Summit of Heads of State and Government taking place "
        "in Botswana from 17 to 18 August 2018.",
        visits=[
            dict(
                visitor="Thabo Nkosi",
                to="BW",
                status="planned",
                kind="multilateral",
                start=D("2018-08-17"),
                end=D("2018-08-18"),
            )
        ],
    ),
    Case(
        "leaders_who_arrived_include_a_list",
        "2018-08-16",
        "LUSAKA - Leaders have started arriving for the regional summit. Heads of State who arrived in the "
        "country on Thursday include President Ana Tembo of Malawi, Paul Ndayishimiye of Burundi and Samuel "
        "Gatete of Rwanda.",
        visits=[
            dict(visitor="Ana Tembo", to="ZM", city="Lusaka", kind="multilateral"),
            dict(visitor="Paul Ndayishimiye", to="ZM", kind="multilateral"),
            dict(visitor="Samuel Gatete", to="ZM", kind="multilateral"),
        ],
    ),
    Case(
        "a_list_that_arrived_at_the_summit_venue",
        "2018-08-16",
        "Zimbabwe is hosting the regional summit. Malawi's Ana Tembo, Burundi's Paul Ndayishimiye and "
        "Rwanda's Samuel Gatete arrived on Thursday and were welcomed at the airport by Vice President "
        "Grace Moyo.",
        visits=[
            dict(visitor="Ana Tembo", to="ZW", kind="multilateral"),
            dict(visitor="Paul Ndayishimiye", to="ZW", kind="multilateral"),
            dict(visitor="Samuel Gatete", to="ZW", kind="multilateral"),
        ],
    ),
]

CASES += [
    Case(
        "together_with_aside_leaves_the_head_as_traveller",
        "2023-06-03",
        "Prime Minister Kenji Sato, together with Foreign Minister Aya Mori, arrived in Canberra on Sunday "
        "for talks.",
        visits=[dict(visitor="Kenji Sato", to="AU", city="Canberra")],
        officials={"Aya Mori": dict(country=None)},
    ),
    Case(
        "an_escort_accompanied_the_head_to_a_city",
        "2023-06-03",
        "Foreign Minister Aya Mori accompanied Prime Minister Kenji Sato to Canberra on Sunday.",
        visits=[dict(visitor="Kenji Sato", to="AU"), dict(visitor="Aya Mori", to="AU")],
    ),
]


CASES += [
    Case(
        "called_on_an_official_named_by_post_only",
        "2023-09-06",
        "TASHKENT - Pakistan's Chief of Naval Staff Admiral Naveed Ashraf called on the Uzbek Defence "
        "Minister on Tuesday and discussed training cooperation.",
        visits=[dict(visitor="Naveed Ashraf", to="UZ", city="Tashkent", visitor_country="PK")],
        meetings=[{"Naveed Ashraf", None}],
        officials={"Naveed Ashraf": dict(country="PK")},
    ),
    Case(
        "a_post_met_is_not_the_subject_who_met_it",
        "2016-07-17",
        "President Hassan Mahmoud arrived in Kigali on Saturday to take part in the African Union summit. On "
        "Sunday, Mahmoud held talks with the Chadian president, the current AU chairman.",
        visits=[
            dict(visitor="Hassan Mahmoud", to="RW", kind="multilateral"),
            dict(visitor=None, to="RW", visitor_country="TD"),
        ],
        meetings=[{"Hassan Mahmoud", None}],
        officials={"Hassan Mahmoud": dict(country=None)},
    ),
    Case(
        "two_officials_met_by_post_are_one_session_and_an_apposition_is_nobody_new",
        "2023-09-06",
        "General Tariq Hameed of Pakistan held talks with Kazakhstan's Defence Minister and the Chief of "
        "General Staff of Kazakhstan in Astana on Tuesday. He also met Marat Nurlan, the Deputy Minister of "
        "Defence of Kazakhstan.",
        visits=[dict(visitor="Tariq Hameed", to="KZ", city="Astana")],
        meetings=[["Tariq Hameed", None, None], {"Tariq Hameed", "Marat Nurlan"}],
    ),
    Case(
        "his_counterpart_by_demonym_alone",
        "2023-05-18",
        "Canadian Prime Minister Mark Lambert held talks with his Japanese counterpart in Hiroshima on "
        "Thursday ahead of the G7 summit.",
        visits=[dict(visitor="Mark Lambert", to="JP", city="Hiroshima")],
        meetings=[{"Mark Lambert", None}],
    ),
]


CASES += [
    Case(
        "a_message_handed_in_person_and_the_party_joining",
        "2023-03-14",
        "Zambia's President Hakainde Mwale has sent a special message to President Lazarus Banda. The "
        "Minister of Commerce, Hon. Chipoka Mulenga, handed the message to President Banda today at State "
        "House in Lilongwe. With the minister was the Zambian High Commissioner to Malawi, Hon. Grace "
        "Tembo.",
        visits=[dict(visitor="Chipoka Mulenga", to="MW", city="Lilongwe")],
        meetings=[{"Chipoka Mulenga", "Lazarus Banda", "Grace Tembo"}],
    ),
    Case(
        "a_phone_call_in_another_clause_does_not_cancel_the_trip",
        "2023-03-01",
        "After a phone call with President Louis Martel last week, German Chancellor Otto Brandt travelled "
        "to Paris on Monday for talks.",
        visits=[dict(visitor="Otto Brandt", to="FR", city="Paris", start=D("2023-02-27"))],
    ),
    Case(
        "at_their_meeting_the_two_named_after",
        "2023-04-14",
        "At their meeting in Beijing on Friday, Chinese Premier Zhou Ming and Argentine President Lucia "
        "Ferraro signed 12 agreements.",
        visits=[dict(visitor="Lucia Ferraro", to="CN", city="Beijing", visitor_country="AR")],
        meetings=[{"Zhou Ming", "Lucia Ferraro"}],
    ),
    Case(
        "an_audience_granted_by_a_king_named_by_post",
        "2023-03-01",
        "His Majesty the King granted an audience to the visiting Korean Foreign Minister Park Min-jun at "
        "the Royal Palace in Bangkok.",
        visits=[dict(visitor="Park Min-jun", to="TH", city="Bangkok", visitor_country="KR")],
        meetings=[{"Park Min-jun"}],
    ),
    Case(
        "a_subject_named_by_post_met_a_named_host",
        "2023-05-18",
        "The Italian Prime Minister met Japanese Prime Minister Kenta Mori in Hiroshima on Thursday, ahead "
        "of the G7 Summit.",
        visits=[dict(visitor=None, to="JP", visitor_country="IT", city="Hiroshima")],
        meetings=[{None, "Kenta Mori"}],
    ),
]


CASES += [
    Case(
        "a_trip_recalled_from_months_before_is_another_visit",
        "2019-10-24",
        "SOCHI, October 24. /TASS/. Russian President Vladimir Putin met Namibian President Hage Nangolo on "
        "Thursday. In early April, Nangolo paid an official visit to Moscow, where he held talks with Putin.",
        visits=[
            dict(visitor="Hage Nangolo", to="RU", city="Moscow", kind="official"),
            dict(visitor="Hage Nangolo", to="RU"),  # the Sochi one: the count tells them apart
        ],
        meetings=[{"Vladimir Putin", "Hage Nangolo"}, {"Vladimir Putin", "Hage Nangolo"}],
    ),
    Case(
        "an_indefinite_post_is_nobody_in_particular",
        "2020-02-14",
        "Greek President Eleni Pavlou is making her first visit to Chile. A Greek President last came to "
        "Chile in 2009.",
        visits=[dict(visitor="Eleni Pavlou", to="CL")],
    ),
    Case(
        "a_trip_since_a_year_is_the_same_trip",
        "2023-11-01",
        "UN Secretary-General Antonio Gomes arrived in Kathmandu on Sunday. Gomes, on his first trip to "
        "Nepal since taking up his post in 2017, met Prime Minister Pushpa Dahal.",
        visits=[dict(visitor="Antonio Gomes", to="NP", city="Kathmandu")],
        meetings=[{"Antonio Gomes", "Pushpa Dahal"}],
    ),
]


CASES += [
    Case(
        "a_nickname_run_together_from_two_names_is_the_same_person",
        "2023-02-03",
        "MANILA - President Bongani Marcos received Asian foreign ministers at the palace. President Bomar "
        "said the region must stay united.",
        meetings=[{"Bongani Marcos"}],  # with the ministers, named by post only
        officials={"Bongani Marcos": dict(country="PH")},
    ),
    Case(
        "a_nickname_of_initials_is_the_same_person",
        "2022-05-08",
        "Mexican President Andres Manuel Lopez Obrador arrived in Havana on Saturday. AMLO met Cuban "
        "President Miguel Diaz-Canel.",
        visits=[dict(visitor="Andres Manuel Lopez Obrador", to="CU", city="Havana")],
        meetings=[{"Andres Manuel Lopez Obrador", "Miguel Diaz-Canel"}],
    ),
    Case(
        "a_host_side_summit_with_no_place_the_pair_of_countries_tells_the_host",
        "2003-07-16",
        "At the Prime Minister's Official Residence, Prime Minister Kenji Watanabe met Mr. Paul Keating, the "
        "Prime Minister of New Zealand, for summit talks. The two leaders agreed a New Zealand-Japan trade "
        "framework and a joint statement on counter-terrorism.",
        visits=[dict(visitor="Paul Keating", to="JP", visitor_country="NZ")],
        meetings=[{"Kenji Watanabe", "Paul Keating"}],
        officials={"Kenji Watanabe": dict(country="JP")},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_generalisation_v3(case: Case):
    check(case)


def test_a_nickname_is_no_second_official():
    result = extract(
        "MANILA - President Bongani Marcos received Asian foreign ministers at the palace. President Bomar "
        "said the region must stay united.",
        D("2023-02-03"),
    )
    assert [o.name for o in result.officials if o.name] == ["Bongani Marcos"]
