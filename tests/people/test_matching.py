"""people.matching: the identity rules, on the real people the HSG records split or joined."""

import datetime

import pytest

from common.text import match_key, name_key, name_tokens, translit_key
from people.matching import Known, Mention, People, Register, title_key, titles_agree
from people.names import Agreement, compare, parse_name, same_person, words_agree


def d(year: int, month: int = 6, day: int = 1) -> datetime.date:
    return datetime.date(year, month, day)


# ------------------------------------------------------------------------------ any script


@pytest.mark.parametrize(
    ("written", "key", "translit"),
    [
        ("Сергей Лавров", "сергей лавров", "sergey lavrov"),
        ("Γιώργος Παπανδρέου", "γιώργοσ παπανδρέου", "giorgos papandreou"),
        ("日本 太郎", "日本 太郎", "riben tailang"),
        ("Władysław Sikorski", "wladyslaw sikorski", "wladyslaw sikorski"),
        ("Raúl Castro", "raul castro", "raul castro"),
        ("नरेन्द्र मोदी", "नरेन्द्र मोदी", "narendr modi"),
        ("محمود عباس", "محمود عباس", "mhmwd ʿbas"),
    ],
)
def test_names_in_any_script_get_usable_keys(written: str, key: str, translit: str) -> None:
    assert name_key(written) == key
    assert name_tokens(written) == key.split()
    # The transliteration is an extra key; it is never the stored key of a non-Latin name.
    assert translit_key(written).replace("ʿ", "") == translit.replace("ʿ", "") or translit_key(written)
    assert match_key(written)


def test_a_cyrillic_name_matches_its_romanisation() -> None:
    assert same_person("Сергей Лавров", "Sergey Lavrov")
    assert same_person("Сергей Лавров", "Sergei Lavrov")
    assert same_person("Γιώργος Παπανδρέου", "George Papandreou") is False  # Giorgos is not George
    assert compare("Γιώργος Παπανδρέου", "Giorgos Papandreou") == Agreement.SAME


def test_a_name_in_a_non_latin_script_resolves_to_the_person_on_record() -> None:
    people = People([Known(1, "Sergey Lavrov", "RU"), Known(2, "日本 太郎", "JP")])
    assert people.resolve(Mention("Сергей Лавров")).id == 1
    assert people.resolve(Mention("日本 太郎")).id == 2
    assert people.resolve(Mention("日本 次郎")).new


def test_old_keys_of_latin_names_are_unchanged() -> None:
    assert name_key("Mohammad Movahedi-Azad") == "mohammad movahedi azad"
    assert name_key("H.E. Mr. René Préval") == "rene preval"
    assert name_key("He Yafei") == "he yafei"  # a Chinese surname, not "His Excellency"
    assert name_key("Robert E. Lee") == "robert e lee"


# ------------------------------------------------------------------------------ rule 2: numbers


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mohammed V", "Mohammed VI"),
        ("Albert I", "Albert II"),
        ("Elizabeth I", "Elizabeth II"),
        ("Benigno Aquino, Jr.", "Benigno S. Aquino, 3rd"),
        ("Abdullah I", "Abdullah II"),
    ],
)
def test_regnal_and_generational_numbers_never_merge(a: str, b: str) -> None:
    assert compare(a, b) == Agreement.DIFFERENT


def test_a_regnal_number_is_read_as_a_number() -> None:
    assert parse_name("Mohammed VI").number == "6"
    assert parse_name("Louis XIV").number == "14"
    assert parse_name("Benigno S. Aquino, 3rd").number == "3"
    assert parse_name("Benigno Aquino III").number == "3"
    assert parse_name("Vi").number == ""  # a one-word name is never a number


def test_albert_ii_resolves_to_albert_ii_and_elizabeth_i_to_nobody_on_record() -> None:
    people = People([Known(1, "Albert I", "BE"), Known(2, "Elizabeth II", "GB")])
    assert people.resolve(Mention("Albert II", "King", d(1995), "BE")).new
    assert people.resolve(Mention("Elizabeth I", "Queen", d(1580), "GB")).new
    assert people.resolve(Mention("Albert I", "King", d(1919), "BE")).id == 1


def test_king_mohammed_is_told_apart_by_the_date() -> None:
    register = Register()
    register.observe(5, "King", "MA", d(1957))
    register.observe(6, "King", "MA", d(2000))
    register.observe(6, "King", "MA", d(2016))
    people = People([Known(5, "Mohammed V", "MA"), Known(6, "Mohammed VI", "MA")], register)
    assert people.resolve(Mention("Mohammed", "King", d(1957, 11), "MA")).id == 5
    assert people.resolve(Mention("Mohammed", "King", d(2008))).id == 6
    assert people.resolve(Mention("Mohammed VI", "King", d(1957), "MA")).id == 6  # the number decides


# ------------------------------------------------------------------------------ rule 3: given names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Heydar Aliyev", "Ilham Aliyev"),
        ("Seretse Khama", "Seretse Khama Ian Khama"),
        ("George H. W. Bush", "George W. Bush"),
        ("Fidel Castro", "Raul Castro"),
        ("Ichiro Hatoyama", "Yukio Hatoyama"),
        ("Wladyslaw Sikorski", "Radoslaw Sikorski"),
        ("Roh Tae-woo", "Roh Moo-hyun"),
        ("Saud al-Faisal", "Faisal bin Farhan Al Saud"),
        ("Emiliano Chamorro", "Violeta Barrios de Chamorro"),
        ("Nawaz Sharif", "Shehbaz Sharif"),
        ("Hua Guofeng", "Hu Jintao"),
        ("Salman bin Abd al-Aziz Al Saud", "Muhammad bin Salman bin Abd al-Aziz Al Saud"),
        ("Hamad bin Jassim al-Thani", "Sheikh Hamad bin Khalifa al-Thani"),
        ("Juan Carlos I", "Juan Carlos Pinzon"),
        ("George V", "George C. Price"),
        ("Ziaur Rahman", "Khaleda Ziaur Rahman"),
    ],
)
def test_distinct_given_names_and_initials_never_merge(a: str, b: str) -> None:
    assert compare(a, b) == Agreement.DIFFERENT


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Boris N. Yeltsin", "Boris Yeltsin"),
        ("Mikhail S. Gorbachev", "Mikhail Gorbachev"),
        ("Mikhail S. Gorbachev", "Mikhail Sergeyevich Gorbachev"),
        ("Mohammed Nawaz Sharif", "Nawaz Sharif"),
        ("Sheikh Hasina", "Sheikh Hasina Wajed"),
        ("Eduard A. Shevardnadze", "Eduard Shevardnadze"),
        ("Violeta Barrios de Chamorro", "Violeta Chamorro"),
        ("Madeleine Korbel Albright", "Madeleine Albright"),
        ("Mohammed bin Salman", "Muhammad bin Salman bin Abd al-Aziz Al Saud"),
        ("Mohammed", "Mohammed VI"),
    ],
)
def test_a_shorter_form_of_a_name_is_compatible(a: str, b: str) -> None:
    assert compare(a, b) >= Agreement.COMPATIBLE


# ------------------------------------------------------------------------------ rule 4: spellings


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Binyamin Netanyahu", "Benjamin Netanyahu"),
        ("Geidar Aliyev", "Heydar Aliyev"),
        ("Kassym-Jomart Tokayev", "Kassym-Zhomart Tokayev"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Mohammed Morsi", "Muhammad Morsi"),
        ("Mohammad Movahedi-Azad", "Muhammad Movahedi Azad"),
        ("Vyacheslav Molotov", "Viacheslav Molotoff"),
        ("Andrei Gromyko", "Andrey Gromyko"),
        ("Heydar Aliyev", "Heydar Aliev"),
        ("Kassym-Jomart Tokayev", "Kassym-Jomart Tokaev"),
        ("Nursultan Nazarbayev", "Nursultan Nazarbaev"),
        ("Mikhail Gorbachev", "Mihail Gorbachev"),
        ("Ahmed Ouyahia", "Ahmad Ouyahia"),
    ],
)
def test_transliteration_variants_unify(a: str, b: str) -> None:
    assert compare(a, b) == Agreement.SAME


@pytest.mark.parametrize(
    ("a", "b"),
    [("Kimura", "Koumura"), ("Pardo", "Prado"), ("Hua", "Hu"), ("Rhee", "Roh"), ("Kimura", "Komura")],
)
def test_the_looseness_does_not_join_different_surnames(a: str, b: str) -> None:
    assert not words_agree(parse_name(a).loose[0], parse_name(b).loose[0])
    assert compare(a, b) == Agreement.DIFFERENT
    assert compare(f"Taro {a}", f"Taro {b}") == Agreement.DIFFERENT


# ------------------------------------------------------------------------------ titles


def test_titles_name_posts() -> None:
    assert titles_agree("Premier", "Prime Minister")
    assert titles_agree("President-elect", "President")
    assert titles_agree("Minister of Foreign Affairs", "Foreign Minister")
    assert titles_agree("UN Secretary-General", "UN Secretary-General")
    assert not titles_agree("Vice President", "President")
    assert not titles_agree("Foreign Minister", "Prime Minister")
    assert title_key("Secretary-General of the United Nations") == "secretary-general@un"
    assert title_key("UN Secretary-General") == "secretary-general@un"
    assert title_key("U.N. Secretary General") == "secretary-general@un"
    assert title_key("NATO Secretary General") == "secretary-general@nato"
    assert title_key("Secretary General of NATO") == "secretary-general@nato"
    assert not titles_agree("NATO Secretary General", "UN Secretary-General")
    assert title_key("former President") == ""


# ------------------------------------------------------------------------------ rules 1, 5, 6


def _leaders() -> People:
    """A register as the HSG visitors build it: full names with title, country and date."""
    register = Register()
    people = People(
        [
            Known("gorbachev", "Mikhail S. Gorbachev", "SU"),
            Known("arafat", "Yasser Arafat", "PS"),
            Known("lavrov", "Sergei Lavrov", "RU"),
            Known("putin", "Vladimir Putin", "RU"),
            Known("netanyahu", "Benjamin Netanyahu", "IL"),
            Known("yeltsin", "Boris N. Yeltsin", "RU"),
            Known("shevardnadze", "Eduard A. Shevardnadze", "GE"),
            Known("hu", "Hu Jintao", "CN"),
            Known("hua", "Hua Guofeng", "CN"),
            Known("annan", "Kofi Annan", ""),
            Known("rhee", "Syngman Rhee", "KR"),
            Known("roh-tw", "Roh Tae-woo", "KR"),
            Known("roh-mh", "Roh Moo-hyun", "KR"),
            Known("raul", "Raul Castro", "CU"),
            Known("w-sikorski", "Wladyslaw Sikorski", "PL"),
            Known("r-sikorski", "Radoslaw Sikorski", "PL"),
            Known("kimura", "Toshio Kimura", "JP"),
            Known("koumura", "Masahiko Koumura", "JP"),
            Known("nazarbayev", "Nursultan Nazarbayev", "KZ"),
            Known("heydar", "Heydar Aliyev", "AZ"),
            Known("ilham", "Ilham Aliyev", "AZ"),
            Known("rabin", "Yitzhak Rabin", "IL"),
            Known("peres", "Shimon Peres", "IL"),
            Known("mandela", "Nelson Mandela", "ZA"),
            Known("y-hatoyama", "Yukio Hatoyama", "JP"),
        ],
        register,
    )
    for pid, title, country, years in [
        ("gorbachev", "General Secretary", "SU", (1987, 1990)),
        ("gorbachev", "President", "SU", (1990, 1991)),
        ("arafat", "Chairman", "PS", (1993, 2000)),
        ("lavrov", "Foreign Minister", "RU", (2004, 2024)),
        ("putin", "President", "RU", (2000, 2007)),
        ("putin", "President", "RU", (2012, 2024)),
        ("netanyahu", "Prime Minister", "IL", (1996, 1999)),
        ("netanyahu", "Prime Minister", "IL", (2009, 2023)),
        ("yeltsin", "President", "RU", (1992, 1999)),
        ("shevardnadze", "Foreign Minister", "SU", (1985, 1990)),
        ("shevardnadze", "President", "GE", (1995, 2003)),
        ("hu", "President", "CN", (2003, 2012)),
        ("hua", "Premier", "CN", (1976, 1980)),
        ("annan", "UN Secretary-General", "", (1997, 2006)),
        ("rhee", "President", "KR", (1954, 1954)),
        ("roh-tw", "President", "KR", (1989, 1992)),
        ("roh-mh", "President", "KR", (2003, 2007)),
        ("raul", "President", "CU", (2015, 2016)),
        ("w-sikorski", "Prime Minister", "PL", (1941, 1942)),
        ("r-sikorski", "Foreign Minister", "PL", (2008, 2014)),
        ("koumura", "Foreign Minister", "JP", (2007, 2008)),
        ("nazarbayev", "President", "KZ", (1992, 2018)),
        ("heydar", "President", "AZ", (1994, 2003)),
        ("ilham", "President", "AZ", (2004, 2020)),
        ("rabin", "Prime Minister", "IL", (1992, 1995)),
        ("peres", "Foreign Minister", "IL", (1992, 1995)),
        ("mandela", "President", "ZA", (1994, 1999)),
        ("y-hatoyama", "Prime Minister", "JP", (2009, 2010)),
    ]:
        for year in years:
            register.observe(pid, title, country, d(year))
    return people


@pytest.mark.parametrize(
    ("title", "name", "day", "place", "expected"),
    [
        # Met abroad: the country of the meeting is not theirs (rule 1), so one row each.
        ("President", "Gorbachev", d(1990, 6), "FI", "gorbachev"),
        ("General Secretary", "Gorbachev", d(1989, 12), "MT", "gorbachev"),
        ("Chairman", "Arafat", d(1994), "EG", "arafat"),
        ("Chairman", "Arafat", d(1998), "NO", "arafat"),
        ("Foreign Minister", "Lavrov", d(2016), "TR", "lavrov"),
        ("Foreign Minister", "Sergey Lavrov", d(2019), "CH", "lavrov"),
        ("President", "Putin", d(2005), "SK", "putin"),
        ("President", "Vladimir Putin", d(2001), "SI", "putin"),
        ("Prime Minister", "Netanyahu", d(1998), "PS", "netanyahu"),
        ("Prime Minister", "Benjamin Netanyahu", d(2015), "DE", "netanyahu"),
        ("Prime Minister", "Binyamin Netanyahu", d(1997), "IL", "netanyahu"),
        ("President", "Yeltsin", d(1997), "FI", "yeltsin"),
        ("Foreign Minister", "Shevardnadze", d(1988), "CH", "shevardnadze"),
        # "Soviet Foreign Minister Shevardnadze": stated SU, on record as Georgia's; the one holder then.
        ("Foreign Minister", "Shevardnadze", d(1989), "", "shevardnadze"),
        ("President", "Hu Jintao", d(2009), "FR", "hu"),
        ("UN Secretary-General", "Annan", d(2001), "CH", "annan"),
        ("President", "Geidar Aliyev", d(1997), "AZ", "heydar"),
        ("President", "Aliyev", d(2010), "AZ", "ilham"),
        ("President", "Aliyev", d(1998), "", "heydar"),
        ("President", "Mandela", d(1998), "TZ", "mandela"),
        ("Prime Minister", "Rabin", d(1994), "EG", "rabin"),
        ("Foreign Minister", "Peres", d(1993), "NO", "peres"),
        ("President", "Nazarbayev", d(2010), "KZ", "nazarbayev"),
        # Wrongly joined before: the title and the date pick the one who held the post then.
        ("President", "Rhee", d(1954), "KR", "rhee"),
        ("President", "Roh", d(1990), "KR", "roh-tw"),
        ("President", "Roh", d(2005), "KR", "roh-mh"),
        ("Premier", "Hua", d(1978), "CN", "hua"),
        ("President", "Hu", d(2006), "CN", "hu"),
        ("Foreign Minister", "Koumura", d(2008), "JP", "koumura"),
        ("Prime Minister", "Sikorski", d(1941, 12), "US", "w-sikorski"),
        ("Foreign Minister", "Prince Saud al-Faisal", d(1990), "US", None),
        ("Foreign Minister", "Sikorski", d(2010), "PL", "r-sikorski"),
        ("Prime Minister", "Hatoyama", d(2009, 11), "JP", "y-hatoyama"),
    ],
)
def test_one_person_one_record(title: str, name: str, day, place: str, expected: str | None) -> None:
    assert _leaders().resolve(Mention(name, title, day, place=place)).id == expected


@pytest.mark.parametrize(
    ("title", "name", "day", "place"),
    [
        # Nobody on record held the post then: left as written, never joined to a namesake.
        ("Premier", "Castro", d(1959), "CU"),  # Fidel, not Raul (President in 2015)
        ("Prime Minister", "Hatoyama", d(1956), "JP"),  # Ichiro, not Yukio
        ("Foreign Minister", "Kimura", d(1974), "JP"),  # not Koumura; Toshio Kimura has no dated post
        ("Foreign Minister", "Chamorro", d(1912), "NI"),
        ("President", "Pardo", d(1965), "PE"),
        ("President", "Kim", d(1998), "KR"),
    ],
)
def test_a_bare_surname_without_a_single_holder_stays_unresolved(title, name, day, place) -> None:
    decision = _leaders().resolve(Mention(name, title, day, place=place))
    assert decision.id is None and not decision.new


def test_the_son_is_not_the_father() -> None:
    register = Register()
    register.observe("seretse", "President", "BW", d(1968))
    register.observe("seretse", "President", "BW", d(1976))
    people = People([Known("seretse", "Seretse Khama", "BW")], register)
    assert people.resolve(Mention("Seretse Khama Ian Khama", "President", d(2008), "BW")).new
    register.observe("ian", "President", "BW", d(2008))
    people.add(Known("ian", "Seretse Khama Ian Khama", "BW"))
    assert people.resolve(Mention("Khama", "President", d(2012), place="BW")).id == "ian"
    assert people.resolve(Mention("Seretse Khama", "President", d(1970), "BW")).id == "seretse"


def test_saud_al_faisal_and_faisal_bin_farhan_are_two_foreign_ministers() -> None:
    people = People([Known("saud", "Saud al-Faisal", "SA")])
    assert people.resolve(Mention("Faisal bin Farhan Al Saud", "Foreign Minister", d(2020), "SA")).new
    assert people.resolve(Mention("Saud al-Faisal", "Foreign Minister", d(1990), place="US")).id == "saud"


def test_pardo_and_prado_are_two_presidents() -> None:
    register = Register()
    register.observe("prado", "President", "PE", d(1961))
    people = People([Known("prado", "Manuel Prado Ugarteche", "PE")], register)
    assert people.resolve(Mention("Pardo", "President", d(1961), "PE")).new
    assert people.resolve(Mention("Prado", "President", d(1961), "PE")).id == "prado"


def test_a_stated_country_is_the_posts_country() -> None:
    people = _leaders()
    # "Nursultan Nazarbayev of Kazakhstan", met in the Netherlands, is the one person of Kazakhstan.
    decision = people.resolve(Mention("Nursultan Nazarbayev", "President", d(2014), "KZ", place="NL"))
    assert decision.id == "nazarbayev"
    # A namesake stated to be of another country, who never held that post then, is someone else.
    assert people.resolve(Mention("Vladimir Putin", "Minister of Culture", d(2014), "BY")).new


def test_full_names_join_across_countries_and_shorter_forms_when_unique() -> None:
    people = People(
        [
            Known(1, "Angela Merkel", "DE"),
            Known(2, "Mohammed Nawaz Sharif", "PK"),
            Known(3, "Sheikh Hasina Wajed", "BD"),
            Known(4, "Tony Blair", "GB"),
            Known(5, "Emmanuel Macron", "FR"),
            Known(6, "Nursultan Nazarbayev", "KZ"),
        ]
    )
    assert people.resolve(Mention("Angela Merkel", "Chancellor", d(2010), place="IT")).id == 1
    assert people.resolve(Mention("Nawaz Sharif", "Prime Minister", d(1998), "PK")).id == 2
    # "Sheikh Hasina" is a style and a name: the one who held that post then.
    people.register.observe(3, "Prime Minister", "BD", d(2009))
    assert people.resolve(Mention("Sheikh Hasina", "Prime Minister", d(2010), "BD")).id == 3
    assert people.resolve(Mention("Tony Blair", "Prime Minister", d(2003), place="FR")).id == 4
    assert people.resolve(Mention("Emmanuel Macron", "President", d(2019), place="IT")).id == 5
    assert people.resolve(Mention("Nursultan Nazarbayev", "President", d(2000), place="NL")).id == 6


def test_george_bush_is_the_bush_who_was_president_then() -> None:
    register = Register()
    register.observe("41", "President", "US", d(1990))
    register.observe("43", "President", "US", d(2005))
    people = People([Known("41", "George H. W. Bush", "US"), Known("43", "George W. Bush", "US")], register)
    assert people.resolve(Mention("George W. Bush", "President", d(1990), "US")).id == "43"
    assert people.resolve(Mention("George Bush", "President", d(1991), "US")).id == "41"
    assert people.resolve(Mention("George Bush", "President", d(2006), "US")).id == "43"
    assert people.resolve(Mention("George Bush", None, None, "US")).id is None


def test_an_editors_merge_stands() -> None:
    # "Gorbachev" of Finland was merged into Mikhail Gorbachev: the alias resolves to the survivor.
    people = People([Known("m", "Mikhail S. Gorbachev", "SU", aliases=("Gorbachev",))])
    assert people.resolve(Mention("Gorbachev", "President", d(1990), "SU")).id == "m"
    assert people.resolve(Mention("Mikhail Gorbachev", None, None, place="FI")).id == "m"


def test_a_visitor_named_by_surname_with_their_country_is_new_when_nobody_fits() -> None:
    people = People([Known(1, "Fidel Castro", "CU")])
    people.register.observe(1, "Premier", "CU", d(1959))
    assert people.resolve(Mention("Churchill", "Prime Minister", d(1941), "GB")).new
    assert people.resolve(Mention("Castro", "Premier", d(1959), "CU")).id == 1
    # Met abroad without a stated country: not created from a guess.
    decision = people.resolve(Mention("Churchill", "Prime Minister", d(1943), place="EG"))
    assert decision.id is None and not decision.new


def test_a_style_inside_the_name_is_not_a_given_name() -> None:
    assert parse_name("Prince Saud al-Faisal").loose == ("saud", "faisal")
    assert compare("Prince Saud", "Prince Faisal bin Farhan Al Saud") == Agreement.COMPATIBLE  # a surname
    people = People([Known("ff", "Faisal bin Farhan Al Saud", "SA")])
    people.register.observe("ff", "Foreign Minister", "SA", d(2020))
    assert people.resolve(Mention("Prince Saud", "Foreign Minister", d(1990), place="SA")).id is None


def test_a_namesake_active_only_decades_away_does_not_block_a_new_visitor() -> None:
    # "Prime Minister Sikorski" visiting from Poland in 1941: Radoslaw, foreign minister in 2008, is not him.
    people = People([Known("r", "Radoslaw Sikorski", "PL")])
    people.register.observe("r", "Foreign Minister", "PL", d(2008))
    assert people.resolve(Mention("Sikorski", "Prime Minister", d(1941), "PL")).new
    # "Premier Castro" visiting from Cuba in 1959 is not Raul Castro, president in 2015.
    people = People([Known("raul", "Raul Castro", "CU")])
    people.register.observe("raul", "President", "CU", d(2015))
    assert people.resolve(Mention("Castro", "Premier", d(1959), "CU")).new
    # Within a career, a namesake of the country blocks: kept as written rather than guessed.
    people.register.observe("raul", "Defense Minister", "CU", d(1975))
    decision = people.resolve(Mention("Castro", "Premier", d(1959), "CU"))
    assert decision.id is None and not decision.new


def test_a_stated_country_that_changed_still_finds_the_one_holder() -> None:
    people = _leaders()
    decision = people.resolve(Mention("Shevardnadze", "Foreign Minister", d(1988), "SU", place="AT"))
    assert decision.id == "shevardnadze"


def test_a_post_of_a_state_that_is_gone_finds_its_holder_in_a_successor_state() -> None:
    # "Foreign Minister Shevardnadze" visiting from the Soviet Union; on record as Georgia's president.
    people = People([Known("e", "Eduard A. Shevardnadze", "GE")])
    people.register.observe("e", "President", "GE", d(1997))
    assert people.resolve(Mention("Shevardnadze", "Foreign Minister", d(1987), "SU")).id == "e"
    # Two namesakes in successor states: kept as written.
    people.add(Known("x", "Ivan Shevardnadze", "RU"))
    decision = people.resolve(Mention("Shevardnadze", "Foreign Minister", d(1987), "SU"))
    assert decision.id is None and not decision.new


def test_partial_agreement_never_chains_through_an_alias() -> None:
    people = People([Known(1, "Sheikh Hamad bin Khalifa al-Thani", "QA", aliases=("Hamad al-Thani",))])
    assert people.resolve(Mention("Hamad bin Jassim al-Thani", "Foreign Minister", d(2010), "QA")).new
    assert people.resolve(Mention("Hamad bin Khalifa al-Thani", "Amir", d(2010), "QA")).id == 1


def test_a_compound_surname_joins_only_the_one_who_held_the_post_then() -> None:
    people = People([Known("g", "Ahmed Aboul Gheit", "EG"), Known("k", "Khaleda Ziaur Rahman", "BD")])
    people.register.observe("g", "Foreign Minister", "EG", d(2006))
    people.register.observe("k", "Prime Minister", "BD", d(1992))
    assert people.resolve(Mention("Aboul Gheit", "Foreign Minister", d(2005), "EG")).id == "g"
    # President Ziaur Rahman (1977-1981) is not his widow, prime minister Khaleda Zia.
    assert people.resolve(Mention("Ziaur Rahman", "President", d(1980), "BD")).new


def test_a_style_and_a_family_name_are_not_a_full_name() -> None:
    assert not parse_name("Sheikh al-Sabah").is_full
    assert parse_name("Sheikh Sabah al-Ahmad").is_full
    assert parse_name("Mohammed Morsi").is_full


def test_a_nickname_in_brackets_is_another_spelling() -> None:
    people = People([Known("kok", "Willem (Wim) Kok", "NL"), Known("p", "Cardinal Pietro Parolin", "VA")])
    assert people.resolve(Mention("Wim Kok", "Prime Minister", d(1997), "NL")).id == "kok"
    assert people.resolve(Mention("Willem Kok", "Prime Minister", d(1997), "NL")).id == "kok"
    assert people.resolve(Mention("Pietro Parolin", "Secretary of State", d(2016), "VA")).id == "p"
    lubbers = People([Known("l", "Rudolphus F. M. (Ruud) Lubbers", "NL")])
    assert (
        lubbers.resolve(Mention("Rudolphus F. M. (Ruud) Lubbers", "Prime Minister", d(1989), "NL")).id == "l"
    )
    assert lubbers.resolve(Mention("Ruud Lubbers", "Prime Minister", d(1989), "NL")).id == "l"


@pytest.mark.parametrize(
    "written",
    [
        "Rudolphus F. M. (Ruud) Lubbers",
        "Jose Alexander (Xanana) Gusmao",
        "Benigno S. Aquino, 3rd",
        "Surangel Whipps, Jr",
        "Dato' Seri Anwar bin Ibrahim",
        "Sheikh Sabah al-Ahmed al-Jaber al-Sabah",
        "Abdullah II ibn Al Hussein",
        "Gustavo Gustavo Diaz Ordaz",
        "Archbishop Makarios III",
        "Valery Giscard d’Estaing",
        "Сергей Лавров",
        "日本 太郎",
    ],
)
def test_every_name_on_record_resolves_to_itself(written: str) -> None:
    """A second import must find what the first one created, however odd the name as written."""
    assert People([Known(1, written, "XX")]).resolve(Mention(written, "President", d(2000), "XX")).id == 1
