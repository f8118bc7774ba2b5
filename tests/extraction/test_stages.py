"""Each stage of the extractor on its own: mentions, posts, back-references, trips, attendance and
nationality."""

from __future__ import annotations

import json
import random
from pathlib import Path

from visits.extraction import extract
from visits.extraction.events import attendance_in
from visits.extraction.nationality import _home_countries, _visits_from_meetings
from visits.extraction.people import analyse
from visits.extraction.refs import collect
from visits.extraction.rules import Context, RawMeeting
from visits.extraction.text import normalise, sentences
from visits.extraction.travellers import place_hosted, unnamed_travellers
from visits.extraction.trips import destination_list

from .split import is_frozen


def _doc(text: str):
    text = normalise(text)
    doc = analyse(text)
    sents = sentences(text)
    per_sent, _subjects, _head = collect(doc, sents)
    return doc, sents, per_sent


def _people(doc) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.title, p.country) for p in doc.persons}


# --- split -------------------------------------------------------------------------------------------------


def test_frozen_split_rule():
    assert is_frozen("c01") and is_frozen("d25") and is_frozen("q03b")
    assert not is_frozen("c02") and not is_frozen("q04a") and not is_frozen("a01") and not is_frozen("s00")


def test_initials_do_not_end_a_sentence_but_countries_may():
    from visits.extraction.text import sentences as split

    assert len(split("He met Mr J.A. Kufuor, the President. They talked.")) == 2
    assert len(split("He flew to the U.S. The talks began.")) == 2


# --- mentions and posts ------------------------------------------------------------------------------------


def test_mentions_of_country_and_honorific_chains():
    doc, _, _ = _doc(
        "Among those present were Faure Gnassingbe of Togo; Alhaji Lai Mohammed; and Samdech Moha Borvor "
        "Thipadei Hun Manet, Prime Minister of Cambodia."
    )
    people = _people(doc)
    assert people["Faure Gnassingbe"][1] == "TG"
    assert "Lai Mohammed" in people
    assert people["Hun Manet"] == ("Prime Minister", "KH")


def test_post_nominals_and_regions_end_names():
    doc, _, _ = _doc(
        "Air Chief Marshal Mark Binns AC met the Special Representative for West Africa and Sahel, Ali Omar."
    )
    names = set(_people(doc))
    assert "Mark Binns" in names and "Ali Omar" in names
    assert not names & {"Africa", "Sahel", "Mark Binns AC"}


def test_non_persons_are_not_officials():
    doc, _, _ = _doc(
        "Operation Sindoor Group and the Carrier Strike Group sailed past the Nobel Peace Prize museum and "
        "the Hurricane Milton relief station."
    )
    assert doc.persons == []


def test_plural_post_distributes_countries_in_order():
    doc, _, _ = _doc("Kazakh and Uzbek foreign ministers Murat Nurlanov and Bakhtiyor Saidkulov met.")
    people = _people(doc)
    assert people["Murat Nurlanov"] == ("foreign minister", "KZ")
    assert people["Bakhtiyor Saidkulov"] == ("foreign minister", "UZ")


def test_and_the_starts_a_second_post():
    doc, _, _ = _doc("He followed the Emir of Kuwait and the Crown Prince of Abu Dhabi.")
    assert [(tp.title, tp.country) for tp in doc.titles] == [
        ("Emir", "KW"),
        ("Crown Prince of Abu Dhabi", "AE"),
    ]


def test_ranks_and_styles_give_way_to_posts_and_list_posts_are_singular():
    doc, _, _ = _doc(
        "Qatari Emir Sheikh Hamad bin Tamim Al Thani arrived. Also present were General Baba Monguno, the "
        "National Security Adviser, and Ministers Ali Bello and Musa Dada."
    )
    people = _people(doc)
    assert people["Hamad bin Tamim Al Thani"] == ("Emir", "QA")
    assert people["Baba Monguno"][0] == "National Security Adviser"
    assert people["Musa Dada"][0] == "Minister"


def test_a_post_before_a_bracketed_acronym_and_a_rank_is_the_holders():
    doc, _, _ = _doc("Chief of Army Staff (COAS) General Asad Munawar called on President Rustam Azimov.")
    assert _people(doc)["Asad Munawar"][0] == "Chief of Army Staff"


def test_a_portfolio_set_off_by_commas_between_post_and_name():
    doc, _, _ = _doc("The gathering has also drawn the Minister of State, Aviation, Hadi Sirika; and others.")
    assert _people(doc)["Hadi Sirika"][0] == "Minister of State"


def test_possessive_country_names_a_person_and_acronyms_need_capitals():
    doc, _, _ = _doc(
        "Trump agreed to meet North Korea's Kim Jong Un before May. On the UK's Future Combat Air System "
        "they agreed. He landed at John F. Kennedy International Airport. Who said so?"
    )
    people = _people(doc)
    assert people == {"Kim Jong Un": (None, "KP")}, people
    assert not doc.orgs


def test_post_for_someone_and_an_invitation_of_someone():
    doc, _, _ = _doc(
        "Oleksandr Marenko, spokesman for President Kuchma, said so. At the invitation of Nursultan "
        "Nazarov, Chinese President Xi Jin has come to Kazakhstan on a state visit."
    )
    people = _people(doc)
    assert people["Oleksandr Marenko"][0] == "spokesman"
    assert "Nursultan Nazarov" in people


def test_abbreviated_posts_have_no_plural_but_words_do():
    from visits.extraction.gazetteer import gazetteer

    g = gazetteer()
    assert g.match_title(["moses"], 0) == 0  # not the plural of "MoS"
    assert g.match_title(["kings"], 0) == 1 and g.match_title(["ministers"], 0) == 1


def test_premier_and_prime_minister_are_one_office():
    doc, _, _ = _doc("Prime Minister Abiy Ahmed spoke. Premier Abiy then left.")
    assert [p.name for p in doc.persons] == ["Abiy Ahmed"]


def test_abbreviated_post_is_not_plural():
    doc, _, _ = _doc("The MoS met him.")
    [tp] = doc.titles
    assert tp.head == ("mos",) and not tp.plural


def test_long_arabic_names_and_spelling_variants():
    doc, _, _ = _doc(
        "Qatari Emir Sheikh Hamad bin Khalifa Al Thani met Prime Minister Sheikh Hamad bin Jassim bin Jabor "
        "Al Thani. Foreign Minister Shah Mehmood Qureshi spoke. Shah Mahmood Qureshi added more."
    )
    names = [p.name for p in doc.persons]
    assert "Hamad bin Khalifa Al Thani" in names and "Hamad bin Jassim bin Jabor Al Thani" in names
    assert len([n for n in names if n.endswith("Qureshi")]) == 1


def test_two_top_offices_sharing_a_name_are_two_people():
    doc, _, _ = _doc("Prime Minister Anwar Ismail met Sultan Ismail.")
    assert len(doc.persons) == 2


def test_late_mention_pass_finds_a_name_confirmed_later():
    doc, _, _ = _doc(
        "Lukin received Head of the Service (SVR) Oleg Sidorov in Minsk. Oleg Sidorov thanked his host."
    )
    sidorov = [m for m in doc.mentions if doc.persons[m.person].name == "Oleg Sidorov"]
    assert len(sidorov) == 2


def test_glued_style_and_opening_ing_word_are_not_part_of_a_name():
    doc, _, _ = _doc(
        "Riyadh- Asharq Al-Awsat-Sheikh Tamim bin Hamad arrived. Hosting Ruto, President Yoweri Kaguta "
        "spoke. Vice-President Amara Kone spoke."
    )
    names = set(_people(doc))
    assert "Tamim bin Hamad" in names and "Yoweri Kaguta" in names and "Amara Kone" in names
    assert not any("Asharq" in n or "Hosting" in n for n in names)
    assert _people(doc)["Amara Kone"][0] == "Vice-President"


def test_ranks_festivals_fleets_and_facilities_are_not_names():
    doc, _, _ = _doc(
        "With him was the Kenyan High Commissioner, H.E Maj. Gen. (Rtd) George Owino. The Black Sea Fleet "
        "sailed during Eid Al Adha, and the delegation toured the Bai Dinh pagoda. Lieutenant Colonel Devin "
        "Ross spoke."
    )
    names = set(_people(doc))
    assert names == {"George Owino", "Devin Ross"}, names


# --- back-references ---------------------------------------------------------------------------------------


def test_abbreviation_resolves_to_the_holder_of_the_post():
    doc, _, per_sent = _doc(
        "Foreign Minister Imran Qadir arrived in Dhaka. Adviser Touhid Karim received him. The FM met Anisul "
        "Haque."
    )
    qadir = next(i for i, p in enumerate(doc.persons) if p.name == "Imran Qadir")
    assert per_sent[2][0].kind == "nominal" and per_sent[2][0].person == qadir


def test_demonym_back_reference_prefers_the_post_holder():
    doc, _, per_sent = _doc(
        "Iranian Foreign Minister Ali Tavakoli arrived. With him is Hossein Amir Karimi, a director general. "
        "The Iranian foreign minister spoke."
    )
    tavakoli = next(i for i, p in enumerate(doc.persons) if p.name == "Ali Tavakoli")
    assert [r.person for r in per_sent[2]] == [tavakoli]
    assert "Hossein Amir Karimi" in _people(doc)


# --- trips -------------------------------------------------------------------------------------------------


def test_destination_list_follows_the_first_destination():
    doc, _sents, _ = _doc("She will visit Germany, Denmark, Sweden and Norway.")
    places = [p for p in doc.places]
    legs = destination_list(doc, places, doc.tokens[2].start, "DE")
    assert [p.code for p in legs] == ["DK", "SE", "NO"]


def test_unnamed_travellers_get_a_person_without_name():
    doc, sents, per_sent = _doc("The parliament speakers of Azerbaijan and Armenia held talks in Geneva.")
    visits = unnamed_travellers(doc, sents[0], per_sent[0])
    assert sorted(doc.persons[v.person].country for v in visits) == ["AM", "AZ"]
    assert {v.country for v in visits} == {"CH"} and all(doc.persons[v.person].name is None for v in visits)


def test_place_hosted_visits():
    doc, sents, per_sent = _doc("Colombo has received Foreign Minister Arjun Mehta and Ravi Kapoor.")
    visits = place_hosted(doc, sents[0], per_sent[0])
    assert [(doc.persons[v.person].name, v.country, v.city) for v in visits] == [
        ("Arjun Mehta", "LK", "Colombo"),
        ("Ravi Kapoor", "LK", "Colombo"),
    ]


# --- attendance --------------------------------------------------------------------------------------------


def test_attendance_lists_and_time_clauses():
    doc, sents, per_sent = _doc(
        "Among the other Heads of State in the hall are Macky Diouf of Senegal and Alpha Toure of Guinea."
    )
    assert len(attendance_in(sents[0], per_sent[0])) == 2
    doc, sents, per_sent = _doc("Before President Ali Hassan arrived, Omar Farah was present at the session.")
    present = attendance_in(sents[0], per_sent[0])
    assert [doc.persons[i].name for i in present] == ["Omar Farah"]


# --- nationality -------------------------------------------------------------------------------------------


def test_host_takes_the_meetings_country_and_the_hosted_travels():
    doc, _, _ = _doc("President Thabo Nkosi hosted President Bola Adeyemi.")
    meeting = RawMeeting([0, 1], None, None, "Pretoria", "ZA", [], [(0, 10)], located=True, host=0)
    _home_countries(doc, [], [meeting], Context(), [])
    assert doc.persons[0].country == "ZA"
    visits = _visits_from_meetings(doc, [meeting], [], Context(), {})
    assert [(v.person, v.country) for v in visits] == [(1, "ZA")]


def test_officials_at_home_take_the_one_destination_of_the_report():
    result = extract(
        "Foreign Minister Ana Silva of Portugal arrived in New Delhi on Monday. Prime Minister Raj Mehra "
        "received her. President Devi Rao also met Silva."
    )
    countries = {o.name: o.country for o in result.officials}
    assert countries == {"Ana Silva": "PT", "Raj Mehra": "IN", "Devi Rao": "IN"}


def test_a_traveller_of_unknown_nationality_is_of_the_other_country_named():
    result = extract(
        "Prime Minister Mahesh Perera landed in New Delhi on Friday. Sri Lanka and India agreed on trade. "
        "Sri Lanka's exports grew."
    )
    assert [(v.visitor, v.visitor_country, v.destination_country) for v in result.visits] == [
        ("Mahesh Perera", "LK", "IN")
    ]


def test_a_meeting_dates_the_trip_it_implies():
    import datetime as dt

    doc, _, _ = _doc("President Thabo Nkosi hosted President Bola Adeyemi.")
    day = dt.date(2024, 5, 20)
    meeting = RawMeeting([0, 1], None, day, "Pretoria", "ZA", [], [(0, 10)], located=True, host=0)
    [visit] = _visits_from_meetings(doc, [meeting], [], Context(), {})
    assert visit.start == day and visit.end is None


# --- robustness --------------------------------------------------------------------------------------------

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"


def test_no_dev_article_trips_a_stage():
    for path in sorted(EVAL.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        result = extract(article["text"])
        assert not any("failed" in w for w in result.warnings), (path.name, result.warnings)


def test_a_delegation_travelling_with_a_visitor_is_an_unnamed_visitor():
    result = extract(
        "Portuguese President Marcelo Sousa flew in to New Delhi on Thursday night for a four-day visit. A "
        "high-level delegation is travelling with Sousa."
    )
    assert [(v.visitor, v.visitor_country, v.destination_country) for v in result.visits] == [
        ("Marcelo Sousa", "PT", "IN"),
        (None, "PT", "IN"),
    ]


def test_a_named_session_told_twice_is_one_meeting():
    result = extract(
        "President Ana Costa attended the Summit of the Portuguese Language Countries in Luanda. Prime "
        "Minister Jose Neves also attended the Summit of the Portuguese Language Countries in Luanda."
    )
    assert len(result.meetings) == 1
    assert sorted(result.meetings[0].participants) == ["Ana Costa", "Jose Neves"]


def test_every_record_has_evidence_even_unnamed_ones():
    text = (
        "The parliament speakers of Azerbaijan and Armenia held talks in Geneva on Monday. Portuguese "
        "President Marcelo Sousa flew to New Delhi, where he met Prime Minister Raj Mehra. A high-level "
        "delegation is travelling with Sousa."
    )
    result = extract(text)
    records = [*result.officials, *result.visits, *result.meetings]
    assert records and all(r.evidence for r in records)
    assert all(0 <= s < e <= len(text) for r in records for s, e in r.evidence)


def test_mangled_text_never_fails_a_stage():
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(EVAL.glob("*.json"))[:20]]
    texts = texts or ["President Jane Doe met Prime Minister John Roe in Paris on Monday."]
    rng = random.Random(7)
    alphabet = "Aa ,.'()-;:\n\"’Mr President of the visit to Paris met respectively Sultan "
    for _ in range(150):
        t = rng.choice(texts)
        words = t.split(" ")
        rng.shuffle(words)
        for sample in (
            " ".join(words[: rng.randint(1, 60)]),
            t[rng.randint(0, len(t)) :][: rng.randint(0, 300)],
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 150))),
        ):
            result = extract(sample)
            assert not any("failed" in w for w in result.warnings), (sample, result.warnings)
