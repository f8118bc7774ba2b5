"""Parser v4 invented cases for the phenomena the unseen articles showed (issue 10): people named by a bare
surname or by an apposition, participant lists, back-references to a post holder, non-persons, travellers
named only by their post, meeting cues, host-side phrasings, nationality and trips (same contract as
test_generalisation.py)."""

from __future__ import annotations

import pytest

from .test_generalisation import Case
from .test_generalisation import test_generalisation as check

CASES = [
    # --- person detection ---
    Case(
        "bare_surname_after_first_mention",
        "2021-03-09",
        "YAOUNDE (CRTV) - Gabonese Foreign Minister Pacome Moubelet arrived in Yaounde on Tuesday for a "
        "two-day official visit. Moubelet later held talks with his Cameroonian counterpart Lejeune Mbella.",
        visits=[
            dict(visitor="Pacome Moubelet", to="CM", kind="official", city="Yaoundé", visitor_country="GA")
        ],
        meetings=[{"Pacome Moubelet", "Lejeune Mbella"}],
        officials={"Lejeune Mbella": dict(country="CM")},
    ),
    Case(
        "comma_apposition_title_then_name",
        "2022-05-12",
        "Visiting Gambian Foreign Minister Lamin Ceesay was received by the Prime Minister, Joseph Ngute "
        "Ekema, at the Star Building in Yaounde on Thursday.",
        visits=[dict(visitor="Lamin Ceesay", to="CM", visitor_country="GM")],
        meetings=[{"Joseph Ngute Ekema", "Lamin Ceesay"}],
        officials={"Joseph Ngute Ekema": dict(country="CM", title="Prime Minister")},
    ),
    Case(
        "nationality_minister_for_x_comma_name",
        "2023-08-14",
        "The Fijian Minister for Home Affairs, Semi Naivalu, met Samoa's Minister of Police, Faleolo Tuala, "
        "in Apia on Monday.",
        visits=[dict(visitor="Semi Naivalu", to="WS", city="Apia", visitor_country="FJ")],
        meetings=[{"Semi Naivalu", "Faleolo Tuala"}],
        officials={"Semi Naivalu": dict(country="FJ"), "Faleolo Tuala": dict(country="WS")},
    ),
    Case(
        "mr_before_a_two_word_name",
        "2020-02-04",
        "KHARTOUM (SUNA) - Mr Osman Idris, the Minister of Trade, opened a trade fair on "
        "Tuesday. Mr Idris said trade across the border must grow.",
        officials={"Osman Idris": dict(country="SD")},
    ),
    Case(
        "honorific_chain",
        "2019-10-22",
        "KUALA LUMPUR (Bernama) - His Majesty Sultan Abdullah Rahim received a courtesy call from Brunei's "
        "Minister of Defence, Pehin Dato Halbi Yusof, at Istana Negara on Tuesday.",
        visits=[dict(visitor="Halbi Yusof", to="MY", city="Kuala Lumpur", visitor_country="BN")],
        meetings=[{"Abdullah Rahim", "Halbi Yusof"}],
    ),
    Case(
        "two_people_sharing_a_token",
        "2024-02-06",
        "JOHOR BAHRU - Sultan Hamzah Ismail on Tuesday received Prime Minister Faisal Ismail at the palace. "
        "The Sultan and the Prime Minister discussed the state's development.",
        meetings=[{"Hamzah Ismail", "Faisal Ismail"}],
        officials={"Hamzah Ismail": dict(), "Faisal Ismail": dict(title="Prime Minister")},
    ),
    Case(
        "hosting_x_meets",
        "2022-09-15",
        "Hosting Kenyan President Daniel Kiprop at State House, Ugandan President Moses Okello said the two "
        "countries would build the oil pipeline together.",
        visits=[dict(visitor="Daniel Kiprop", to="UG", visitor_country="KE")],
        meetings=[{"Daniel Kiprop", "Moses Okello"}],
        officials={"Moses Okello": dict(country="UG")},
    ),
    Case(
        "hosting_an_event_is_no_meeting",
        "2022-09-16",
        "Hosting the regional energy forum in Kampala, Ugandan President Moses Okello said the pipeline "
        "would be finished next year.",
        officials={"Moses Okello": dict(country="UG")},
    ),
    Case(
        "mr_with_a_two_word_name_and_the_mos_back_reference",
        "2021-08-03",
        "NEW DELHI - Minister of State for External Affairs Mr Rakesh Verma arrived in Dhaka on Tuesday. The "
        "MoS called on Bangladeshi Prime Minister Nasrin Haque.",
        visits=[dict(visitor="Rakesh Verma", to="BD", city="Dhaka", visitor_country="IN")],
        meetings=[{"Rakesh Verma", "Nasrin Haque"}],
    ),
    Case(
        "sultan_and_prime_minister_share_a_surname",
        "2024-03-12",
        "JOHOR BAHRU - Sultan Ibrahim Iskandar received Prime Minister Anwar Iskandar at the palace on "
        "Tuesday. Later, Singaporean Prime Minister Lim Wei Ming called on Sultan Ibrahim.",
        visits=[dict(visitor="Lim Wei Ming", to="MY", visitor_country="SG")],
        meetings=[{"Ibrahim Iskandar", "Anwar Iskandar"}, {"Lim Wei Ming", "Ibrahim Iskandar"}],
    ),
    # --- participant lists ---
    Case(
        "respectively_list",
        "2023-06-20",
        "The summit in Dhaka was attended by the prime ministers of Nepal, Bhutan and Sri Lanka, Ram Khadka, "
        "Tshering Wangdi and Dinesh Perera respectively.",
        visits=[
            dict(visitor="Ram Khadka", to="BD", kind="multilateral", visitor_country="NP"),
            dict(visitor="Tshering Wangdi", to="BD", kind="multilateral", visitor_country="BT"),
            dict(visitor="Dinesh Perera", to="BD", kind="multilateral", visitor_country="LK"),
        ],
        meetings=[{"Ram Khadka", "Tshering Wangdi", "Dinesh Perera"}],
    ),
    Case(
        "together_with",
        "2021-11-03",
        "Indonesian President Bambang Wiratmo, together with Foreign Minister Ratna Kusuma, arrived in Tokyo "
        "on Wednesday for a state visit.",
        visits=[
            dict(visitor="Bambang Wiratmo", to="JP", kind="state", city="Tokyo"),
        ],
        # a member of the party has no visit of their own (SCHEMA: the delegation's head travels)
        officials={"Ratna Kusuma": dict(country="ID")},
    ),
    Case(
        "also_attending_were",
        "2018-04-11",
        "Peruvian President Raul Cardenas met Chilean President Sofia Valdes in Santiago on Wednesday. Also "
        "attending were Peruvian Foreign Minister Jorge Quispe and Chilean Foreign Minister Andres Fuentes.",
        visits=[
            dict(visitor="Raul Cardenas", to="CL", city="Santiago"),
        ],
        meetings=[{"Raul Cardenas", "Sofia Valdes", "Jorge Quispe", "Andres Fuentes"}],
    ),
    Case(
        "accompanied_him_to",
        "2019-07-08",
        "Ghanaian President Kwame Asante left Accra on Monday for Abuja. Trade Minister Efua Boateng "
        "accompanied him to the talks with Nigerian President Musa Bello.",
        visits=[
            dict(visitor="Kwame Asante", to="NG", city="Abuja"),
        ],
        meetings=[{"Kwame Asante", "Efua Boateng", "Musa Bello"}],
        officials={"Efua Boateng": dict(country="GH")},  # of the party, not of the meeting's country
    ),
    Case(
        "time_clause_traveller_is_not_at_the_talks",
        "2020-10-21",
        "Before Kenyan Foreign Minister Grace Wanjiru arrived in Kampala, Ugandan President Moses Okello "
        "held talks with Tanzanian President Juma Mwinyi in Gulu.",
        visits=[
            dict(visitor="Grace Wanjiru", to="UG", city="Kampala"),
            dict(visitor="Juma Mwinyi", to="UG", city="Gulu"),
        ],
        meetings=[{"Moses Okello", "Juma Mwinyi"}],
    ),
    # --- back-references ---
    Case(
        "the_fm_refers_to_the_post_holder",
        "2023-01-17",
        "Pakistani Foreign Minister Bilal Qureshi arrived in Tashkent on Tuesday on an official visit. The "
        "FM held talks with Uzbek Foreign Minister Bakhtiyor Saidov.",
        visits=[dict(visitor="Bilal Qureshi", to="UZ", kind="official", city="Tashkent")],
        meetings=[{"Bilal Qureshi", "Bakhtiyor Saidov"}],
    ),
    Case(
        "the_chinese_president_refers_back",
        "2019-04-26",
        "Chinese President Zhao Minghui received Djiboutian President Omar Guelleh Ali in Beijing on Friday. "
        "The Chinese president said the two countries were good friends.",
        visits=[dict(visitor="Omar Guelleh Ali", to="CN", city="Beijing", visitor_country="DJ")],
        meetings=[{"Zhao Minghui", "Omar Guelleh Ali"}],
    ),
    # --- non-persons ---
    Case(
        "operation_prize_temple_anniversary_are_no_people",
        "2022-12-01",
        "Thai Prime Minister Somchai Rattanakul visited Phnom Penh on Thursday for the 70th anniversary of "
        "diplomatic ties and toured Wat Ounalom. He praised Operation Safe Mekong and the Sihanouk Peace "
        "Prize.",
        visits=[dict(visitor="Somchai Rattanakul", to="KH", city="Phnom Penh", visitor_country="TH")],
    ),
    # --- title-only travellers ---
    Case(
        "defence_ministers_by_post_met_in_a_third_country",
        "2023-03-03",
        "The defence ministers of Kenya and Tanzania met in Kigali on Friday.",
        # two visits with their visitors unnamed; no meeting, as for the speakers in test_generalisation_v2
        visits=[
            dict(visitor=None, to="RW", city="Kigali", visitor_country="KE"),
            dict(visitor=None, to="RW", city="Kigali", visitor_country="TZ"),
        ],
    ),
    Case(
        "ministers_by_post_who_will_meet_have_planned_trips_and_no_meeting",
        "2023-03-02",
        "The foreign ministers of Qatar and Oman will hold talks in Cairo next week.",
        visits=[
            dict(visitor=None, to="EG", city="Cairo", status="planned", visitor_country="QA"),
            dict(visitor=None, to="EG", city="Cairo", status="planned", visitor_country="OM"),
        ],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_generalisation_v4(case: Case):
    check(case)
