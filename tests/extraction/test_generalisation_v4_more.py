"""Parser v4 invented cases, continued: meeting cues, reports from the host's side, nationality at third
countries and datelines, and trips (announced, continued, dated by ranges) (same contract as
test_generalisation.py)."""

from __future__ import annotations

import pytest

from .test_generalisation import Case, D
from .test_generalisation import test_generalisation as check

CASES = [
    # --- meeting cues ---
    Case(
        "paid_a_call_on",
        "2021-06-15",
        "DHAKA (BSS) - Visiting Maldivian Foreign Minister Ahmed Zahir paid a call on Prime Minister Nasrin "
        "Haque at her office on Tuesday.",
        visits=[dict(visitor="Ahmed Zahir", to="BD", city="Dhaka", visitor_country="MV")],
        meetings=[{"Ahmed Zahir", "Nasrin Haque"}],
        officials={"Nasrin Haque": dict(country="BD")},
    ),
    Case(
        "granted_him_an_audience",
        "2020-01-21",
        "MUSCAT (ONA) - His Majesty Sultan Fahad bin Said granted an audience to Tunisian Foreign Minister "
        "Karim Ben Salah at Al Alam Palace on Tuesday.",
        visits=[dict(visitor="Karim Ben Salah", to="OM", city="Muscat", visitor_country="TN")],
        meetings=[{"Fahad bin Said", "Karim Ben Salah"}],
    ),
    Case(
        "the_meeting_between_a_and_b",
        "2022-10-05",
        "The meeting between Argentine Foreign Minister Lucia Ferraro and Uruguayan Foreign Minister Diego "
        "Alvez took place in Montevideo on Wednesday.",
        visits=[dict(visitor="Lucia Ferraro", to="UY", city="Montevideo", visitor_country="AR")],
        meetings=[{"Lucia Ferraro", "Diego Alvez"}],
    ),
    Case(
        "at_their_meeting_in_a_country",
        "2023-04-07",
        "At their meeting in Beijing, Chinese Premier Wang Jianguo and Laotian Prime Minister Sonexay "
        "Phomvihane signed a railway agreement.",
        visits=[dict(visitor="Sonexay Phomvihane", to="CN", city="Beijing", visitor_country="LA")],
        meetings=[{"Wang Jianguo", "Sonexay Phomvihane"}],
    ),
    Case(
        "granted_him_an_audience_after_arrival",
        "2020-01-22",
        "Tunisian Foreign Minister Karim Ben Salah arrived in Amman on Wednesday. King Faisal Hashem granted "
        "him an audience at the Royal Palace.",
        visits=[dict(visitor="Karim Ben Salah", to="JO", city="Amman", visitor_country="TN")],
        meetings=[{"Faisal Hashem", "Karim Ben Salah"}],
    ),
    Case(
        "at_their_meeting_in_a_country_not_a_city",
        "2023-04-08",
        "At their meeting in China, Laotian President Bounmy Vongsa and Chinese President Zhao Minghui "
        "agreed to expand the railway.",
        visits=[dict(visitor="Bounmy Vongsa", to="CN", visitor_country="LA")],
        meetings=[{"Bounmy Vongsa", "Zhao Minghui"}],
    ),
    # --- host side ---
    Case(
        "welcomed_the_visiting_who_paid_a_courtesy_call",
        "2019-09-12",
        "LILONGWE - President Chikondi Phiri on Thursday welcomed the visiting Zambian Minister of Finance, "
        "Bwalya Mulenga, who paid him a courtesy call at Kamuzu Palace.",
        visits=[dict(visitor="Bwalya Mulenga", to="MW", city="Lilongwe", visitor_country="ZM")],
        meetings=[{"Chikondi Phiri", "Bwalya Mulenga"}],
        officials={"Chikondi Phiri": dict(country="MW")},
    ),
    # --- nationality ---
    Case(
        "a_dateline_is_where_the_story_was_filed",
        "2024-01-30",
        "NAIROBI (Reuters) - Somali President Abdirahman Warsame arrived in Addis Ababa on Tuesday and held "
        "talks with Ethiopian Prime Minister Tesfaye Alemu.",
        visits=[dict(visitor="Abdirahman Warsame", to="ET", city="Addis Ababa", visitor_country="SO")],
        meetings=[{"Abdirahman Warsame", "Tesfaye Alemu"}],
        officials={"Tesfaye Alemu": dict(country="ET")},
    ),
    Case(
        "kazakh_and_uzbek_ministers_group_phrase",
        "2023-05-16",
        "Kazakh and Uzbek foreign ministers Yerlan Nurlanov and Jasur Tursunov met in Baku on Tuesday.",
        visits=[
            dict(visitor="Yerlan Nurlanov", to="AZ", city="Baku", visitor_country="KZ"),
            dict(visitor="Jasur Tursunov", to="AZ", city="Baku", visitor_country="UZ"),
        ],
        meetings=[{"Yerlan Nurlanov", "Jasur Tursunov"}],
    ),
    Case(
        "hosts_take_the_meetings_country",
        "2022-03-08",
        "Vietnamese Prime Minister Tran Van Long arrived in Vientiane on Tuesday. He held talks with Prime "
        "Minister Khamphanh Sisavath and met President Bounmy Vongsa.",
        visits=[dict(visitor="Tran Van Long", to="LA", city="Vientiane", visitor_country="VN")],
        meetings=[{"Tran Van Long", "Khamphanh Sisavath"}, {"Tran Van Long", "Bounmy Vongsa"}],
        officials={"Khamphanh Sisavath": dict(country="LA"), "Bounmy Vongsa": dict(country="LA")},
    ),
    Case(
        "possessive_country_and_host_default_at_home",
        "2023-09-06",
        "JAKARTA (Antara) - Timor-Leste's Prime Minister Xanana Ximenes met President Budi Santoso at the "
        "Merdeka Palace on Wednesday.",
        visits=[dict(visitor="Xanana Ximenes", to="ID", city="Jakarta", visitor_country="TL")],
        meetings=[{"Xanana Ximenes", "Budi Santoso"}],
        officials={"Budi Santoso": dict(country="ID"), "Xanana Ximenes": dict(country="TL")},
    ),
    # --- trips ---
    Case(
        "is_set_to_travel",
        "2024-03-11",
        "Brazilian President Renato Albuquerque is set to travel to Luanda next week for a state visit.",
        visits=[dict(visitor="Renato Albuquerque", to="AO", city="Luanda", status="planned", kind="state")],
    ),
    Case(
        "will_continue_to_another_country",
        "2023-11-20",
        "Mongolian President Batbayar Ganbold arrived in Tokyo on Monday for a three-day official visit. He "
        "will continue to Seoul on Thursday.",
        visits=[
            dict(visitor="Batbayar Ganbold", to="JP", city="Tokyo", kind="official"),
            dict(visitor="Batbayar Ganbold", to="KR", city="Seoul", status="planned"),
        ],
    ),
    Case(
        "kind_in_another_sentence",
        "2021-09-07",
        "Senegalese President Mamadou Ndiaye arrived in Abidjan on Tuesday. The two-day visit is a state "
        "visit, the presidency said.",
        visits=[dict(visitor="Mamadou Ndiaye", to="CI", city="Abidjan", kind="state")],
    ),
    Case(
        "phone_call_clause_is_no_meeting",
        "2022-02-14",
        "Qatari Foreign Minister Khalid Al-Kuwari, who spoke by phone with his Iranian counterpart last "
        "week, arrived in Ankara on Monday.",
        visits=[dict(visitor="Khalid Al-Kuwari", to="TR", city="Ankara", visitor_country="QA")],
    ),
    Case(
        "a_palace_named_after_a_capital",
        "2023-07-18",
        "KUCHING - Vice President Rahmat Hidayat of Indonesia called on the Governor of Sarawak, Abang "
        "Johari Openg, at the Astana Negeri on Tuesday.",
        visits=[dict(visitor="Rahmat Hidayat", to="MY", city="Kuching", visitor_country="ID")],
        meetings=[{"Rahmat Hidayat", "Abang Johari Openg"}],
    ),
    Case(
        "an_end_date_told_by_until",
        "2022-06-13",
        "Jordanian Prime Minister Omar Haddad arrived in Rabat on Monday for an official visit that lasts "
        "until Wednesday.",
        visits=[
            dict(
                visitor="Omar Haddad",
                to="MA",
                city="Rabat",
                kind="official",
                start=D("2022-06-13"),
                end=D("2022-06-15"),
            )
        ],
    ),
    Case(
        "a_date_range",
        "2019-05-02",
        "Nepalese Prime Minister Ram Bahadur Thapa will pay an official visit to Vietnam from May 10 to 13.",
        visits=[
            dict(
                visitor="Ram Bahadur Thapa",
                to="VN",
                status="planned",
                kind="official",
                start=D("2019-05-10"),
                end=D("2019-05-13"),
            )
        ],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_generalisation_v4_more(case: Case):
    check(case)
