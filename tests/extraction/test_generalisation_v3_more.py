"""Parser v3 invented cases, second file (one file would pass 600 lines): time clauses, routes, tours
kicked off and onward legs; same contract as test_generalisation.py."""

from __future__ import annotations

import pytest

from visits.extraction import extract

from .test_generalisation import Case, D
from .test_generalisation import test_generalisation as check

CASES = [
    Case(
        "someone_in_a_leading_time_clause_is_not_at_the_talks",
        "2023-03-01",
        "Before Foreign Minister Tariq Haidari of Afghanistan arrived in Delhi, External Affairs Minister "
        "Vikram Rao held talks with Nepalese Foreign Minister Hari Thapa in New Delhi.",
        visits=[dict(visitor="Tariq Haidari", to="IN"), dict(visitor="Hari Thapa", to="IN")],
        meetings=[{"Vikram Rao", "Hari Thapa"}],
    ),
    Case(
        "a_place_on_the_way_is_not_where_they_met",
        "2023-09-17",
        "On his way to the UN General Assembly in New York, President Sipho Dlamini of Eswatini made a "
        "stopover in Dakar, where he met Senegalese President Amadou Ba.",
        visits=[dict(visitor="Sipho Dlamini", to="SN", city="Dakar")],
        meetings=[{"Sipho Dlamini", "Amadou Ba"}],
    ),
    Case(
        "a_tour_kicked_off_in_a_country_and_the_legs_that_follow",
        "2023-04-29",
        "Korean Prime Minister Han Seung-ho kicked off a four-nation African tour in Egypt on Saturday, and "
        "will also visit Ghana, Kenya and Mozambique.",
        visits=[
            dict(visitor="Han Seung-ho", to="EG", status="completed"),
            dict(visitor="Han Seung-ho", to="GH", status="planned"),
            dict(visitor="Han Seung-ho", to="KE", status="planned"),
            dict(visitor="Han Seung-ho", to="MZ", status="planned"),
        ],
    ),
    Case(
        "visited_two_countries_before_leaving_for_a_third",
        "2023-01-15",
        "Turkish Foreign Minister Selim Aydin visited Eritrea and Kenya last week before leaving for the "
        "Comoros on Saturday.",
        visits=[
            dict(visitor="Selim Aydin", to="ER"),
            dict(visitor="Selim Aydin", to="KE"),
            dict(visitor="Selim Aydin", to="KM"),
        ],
    ),
]


CASES += [
    Case(
        "currently_in_a_city_as_an_aside",
        "2023-06-05",
        "Malaysian Foreign Minister Zambry Kadir, currently in Wellington, said the partnership was strong.",
        visits=[dict(visitor="Zambry Kadir", to="NZ", city="Wellington")],
    ),
    Case(
        "the_visit_of_someone_to_a_country",
        "2023-06-05",
        "The visit of Uruguayan President Luis Pou to Paraguay is the first since he took office.",
        visits=[dict(visitor="Luis Pou", to="PY", visitor_country="UY")],
    ),
    Case(
        "will_be_in_a_city",
        "2023-06-05",
        "Belgian Prime Minister Jan De Wever will be in Kyiv on Saturday, his office said.",
        visits=[dict(visitor="Jan De Wever", to="UA", city="Kyiv", status="planned", start=D("2023-06-10"))],
    ),
    Case(
        "inverted_arrivals_at_a_summit_whose_host_is_told_last",
        "2018-08-17",
        "Leaders of the East African Community flew in yesterday for the regional summit. Among the first "
        "to land at the international airport was the President of Burundi, Alain Ndikumana; an hour after "
        "him came Kenyan President Daniel Kiprop. Ugandan President Samuel Okello landed shortly after "
        "Kiprop. The summit is hosted by Tanzania.",
        visits=[
            dict(visitor="Alain Ndikumana", to="TZ", kind="multilateral"),
            dict(visitor="Daniel Kiprop", to="TZ", kind="multilateral"),
            dict(visitor="Samuel Okello", to="TZ", kind="multilateral"),
        ],
    ),
]


CASES += [
    Case(
        "a_welcome_home_after_a_tour_is_no_meeting",
        "2001-05-22",
        "On Tuesday Chinese Premier Li Peng was back in Beijing, having completed a tour of Laos and "
        "Cambodia. At the Great Hall of the People the premier was received by Vice-Premier Wu Bangguo and "
        "State Councillor Luo Gan.",
        visits=[dict(visitor="Li Peng", to="LA"), dict(visitor="Li Peng", to="KH")],
        officials={"Wu Bangguo": dict(title="Vice-Premier"), "Luo Gan": dict(title="State Councillor")},
    ),
    Case(
        "he_as_a_chinese_name_inside_and_after_a_post",
        "2023-05-10",
        "Vice Premier He Xiaoming arrived in London on Monday. Chancellor Rachel Reeves met Vice-Premier "
        "Zhang He at the Treasury.",
        visits=[dict(visitor="He Xiaoming", to="GB", city="London")],
        meetings=[{"Rachel Reeves", "Zhang He"}],
    ),
]


CASES += [
    Case(
        "a_host_receiving_two_ministers_of_one_country_and_both_delegations",
        "2024-03-01",
        "Deputy Secretary of Defense Laura Chen hosted Peru's Minister of Defense, Mr. Jorge Chavez, and "
        "Minister of the Interior, Mr. Raul Ortiz, at the Pentagon on February 28. The visiting delegation "
        "also included Mr. Luis Paredes, Charge d'Affaires at the Embassy of Peru. The United States "
        "delegation included Mr. Mark Brown, Deputy Assistant Secretary; and Mr. Tom Hale, Principal "
        "Director. Under Secretary Ann Lowe joined the meeting to stress the partnership.",
        visits=[dict(visitor="Jorge Chavez", to="US"), dict(visitor="Raul Ortiz", to="US")],
        meetings=[
            {"Laura Chen", "Jorge Chavez", "Raul Ortiz", "Luis Paredes", "Mark Brown", "Tom Hale", "Ann Lowe"}
        ],
    ),
    Case(
        "separately_received_two_ministers_are_two_meetings",
        "2024-03-01",
        "President Amina Diallo separately received Ghana's Foreign Minister Kwame Mensah and Trade Minister "
        "Ama Boateng in Dakar on Tuesday.",
        visits=[dict(visitor="Kwame Mensah", to="SN"), dict(visitor="Ama Boateng", to="SN")],
        meetings=[{"Amina Diallo", "Kwame Mensah"}, {"Amina Diallo", "Ama Boateng"}],
    ),
]


CASES += [
    Case(
        "attendees_join_the_talks_not_a_quoted_restatement_and_the_guests_party_has_no_visits",
        "2021-07-19",
        "Doha: Sheikh Tamim bin Hamad Al Thani, Emir of Qatar, was received in Muscat on Monday by Sultan "
        'Haitham bin Tariq of Oman. "My brother and I met in Muscat and talked about our ties," Sheikh '
        "Tamim wrote on Twitter. Attending the talks were Sheikh Mohammed bin Abdulrahman Al Thani, Minister "
        "of Foreign Affairs; and Khalid bin Khalifa Al Thani, Secretary-General of the Supreme National "
        "Security Council.",
        visits=[dict(visitor="Tamim bin Hamad Al Thani", to="OM", city="Muscat")],
        meetings=[
            {
                "Tamim bin Hamad Al Thani",
                "Haitham bin Tariq",
                "Mohammed bin Abdulrahman Al Thani",
                "Khalid bin Khalifa Al Thani",
            }
        ],
        officials={"Khalid bin Khalifa Al Thani": dict(organisation=None)},
    ),
]


CASES += [
    Case(
        "a_range_across_two_months",
        "2024-06-20",
        "Mongolian President Batbayar Enkh will pay a state visit to Korea from June 30 to July 2.",
        visits=[
            dict(
                visitor="Batbayar Enkh", to="KR", status="planned", start=D("2024-06-30"), end=D("2024-07-02")
            )
        ],
    ),
    Case(
        "a_range_with_each_month_written",
        "2024-05-10",
        "Kyrgyz President Almaz Sadykov paid a state visit to Hungary from May 6 to May 8.",
        visits=[
            dict(visitor="Almaz Sadykov", to="HU", kind="state", start=D("2024-05-06"), end=D("2024-05-08"))
        ],
    ),
    Case(
        "a_visit_that_ends_on_a_later_date",
        "2024-05-10",
        "Kyrgyz President Almaz Sadykov arrived in Budapest on May 6 for a state visit that ends on May 8.",
        visits=[dict(visitor="Almaz Sadykov", to="HU", start=D("2024-05-06"), end=D("2024-05-08"))],
    ),
    Case(
        "a_brief_stop_is_one_day",
        "2001-02-01",
        "South African President Sipho Mbeki stopped briefly yesterday in Accra, at the international "
        "airport.",
        visits=[dict(visitor="Sipho Mbeki", to="GH", start=D("2001-01-31"), end=D("2001-01-31"))],
    ),
    Case(
        "flying_home_on_a_date_ends_the_trip",
        "1999-07-11",
        "Ukrainian President Petro Kovalenko flew to Moscow on July 4 for talks with Russian President Ivan "
        "Sokolov. Before flying home to Kyiv on July 5, Kovalenko toured a tractor plant.",
        visits=[dict(visitor="Petro Kovalenko", to="RU", start=D("1999-07-04"), end=D("1999-07-05"))],
    ),
]


CASES += [
    Case(
        "two_clauses_joined_by_while_are_two_meetings_and_abbreviated_posts_resolve",
        "2023-03-01",
        "Bangladeshi Prime Minister Rahima Khan and Foreign Minister Tarek Alam arrived in Kathmandu on "
        "Friday. The PM met Nepalese President Ram Paudel, while the FM held talks with Foreign Minister "
        "Narayan Saud.",
        visits=[dict(visitor="Rahima Khan", to="NP"), dict(visitor="Tarek Alam", to="NP")],
        meetings=[{"Rahima Khan", "Ram Paudel"}, {"Tarek Alam", "Narayan Saud"}],
    ),
]


CASES += [
    Case(
        "two_travellers_named_together_one_with_an_initial_share_the_trip_and_the_country",
        "2023-03-01",
        "Pakistani Prime Minister Imran Qadir and Foreign Minister M. Farooq arrived in Colombo on Friday.",
        visits=[
            dict(visitor="Imran Qadir", to="LK", visitor_country="PK"),
            dict(visitor="M. Farooq", to="LK", visitor_country="PK"),
        ],
    ),
]


CASES += [
    Case(
        "left_a_capital_for_another",
        "2023-06-05",
        "President Mahamat Deby left N'Djamena on Sunday for Addis Ababa, Ethiopia, to attend the AU summit.",
        visits=[dict(visitor="Mahamat Deby", to="ET", city="Addis Ababa", visitor_country="TD")],
    ),
    Case(
        "jetted_off_and_headed_for",
        "2023-06-05",
        "President Samuel Kiptoo jetted off to Washington on Sunday. Japanese Prime Minister Taro Ishida "
        "headed for Seoul on Monday for a two-day visit.",
        visits=[
            dict(visitor="Samuel Kiptoo", to="US", city="Washington"),
            dict(visitor="Taro Ishida", to="KR", city="Seoul"),
        ],
    ),
    Case(
        "led_a_delegation_to_a_city",
        "2023-06-05",
        "Ghanaian Vice President Kofi Asante led a high-level delegation to Beijing for the forum.",
        visits=[dict(visitor="Kofi Asante", to="CN", city="Beijing", visitor_country="GH")],
    ),
    Case(
        "a_trip_that_took_him_to_two_countries",
        "2023-06-05",
        "Vietnamese Premier Tran Quang's first overseas trip since taking office took him to Germany and "
        "France.",
        visits=[dict(visitor="Tran Quang", to="DE"), dict(visitor="Tran Quang", to="FR")],
    ),
]


CASES += [
    Case(
        "a_present_tense_trip_this_week_is_planned",
        "2023-06-05",
        "Peru's President Dina Salas travels to Colombia this week, her office said.",
        visits=[dict(visitor="Dina Salas", to="CO", status="planned", visitor_country="PE")],
    ),
]


CASES += [
    Case(
        "a_visit_to_a_body_the_article_named_with_its_country",
        "2023-03-03",
        "On March 2, at the head office of the Central Bank of Kenya (CBK), Deputy Governor Sheila Mwangi "
        "met Tom Okello, the Deputy Governor of the Bank of Uganda (BOU). The BOU delegation, which Deputy "
        "Governor Tom Okello headed on its working visit to the CBK, discussed payments.",
        visits=[dict(visitor="Tom Okello", to="KE", kind="working", visitor_country="UG")],
        meetings=[{"Sheila Mwangi", "Tom Okello"}],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_generalisation_v3_more(case: Case):
    check(case)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The Prime Minister will see how the Bright Road, Green Steppe and Zhasyl El programmes go.",
            [],
        ),
        (
            "Prime Minister Li Wei visited the Wat Phou and That Luang temples in Vientiane on Monday.",
            ["Li Wei"],
        ),
        (
            "President Ali Hassan awarded the Order of Friendship to Ambassador Li Jun in Tashkent.",
            ["Ali Hassan", "Li Jun"],
        ),
    ],
)
def test_lists_before_a_facility_noun_are_no_people_and_a_month_can_end_a_name(text: str, names: list[str]):
    result = extract(text, D("2023-06-05"))
    assert [o.name for o in result.officials if o.name] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Yang Amat Berhormat Dato' Seri Anwar Rahman met Singapore Prime Minister Lee Wong in Singapore.",
            ["Anwar Rahman", "Lee Wong"],
        ),
        ("Chinese Foreign Minister Yang Jiechi arrived in Moscow on Monday.", ["Yang Jiechi"]),
        ("Prof. Dr. Ir. Ahmad Basuki, Minister of Public Works, visited Dili on Monday.", ["Ahmad Basuki"]),
        (
            "Ravi Sharma, Speaker of the Lok Sabha of India, met Nepal's Speaker Dev Ghimire.",
            ["Ravi Sharma", "Dev Ghimire"],
        ),
        ("The Speaker of the Wolesi Jirga, Mir Rahman, arrived in Tashkent.", ["Mir Rahman"]),
    ],
)
def test_styles_of_address_are_not_names_but_a_surname_stays(text: str, names: list[str]):
    result = extract(text, D("2023-06-05"))
    assert [o.name for o in result.officials if o.name] == names
