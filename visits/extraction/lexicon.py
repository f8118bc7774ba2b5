"""Closed word lists of English news copy: function words, institution words, honorifics and verbs."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word set from a whitespace-separated block (easier to read and edit than a list literal)."""
    return frozenset(text.split())


# Capitalised words that start sentences or headings but never belong to a person's name.
STOPCAPS = _words(
    """
    a about accompanied according additionally addressing after agency all also amid among an and
    answering any apr april around as asked at aug august before besides between bilateral both but by
    correspondent dec december delegation delegations despite during each earlier every feb february
    first five follow following for four friday from further furthermore guided he hence her here his
    how however i if in into invited it its jan january joint jul july jun june last later like local
    many mar march may meanwhile meeting meetings monday moreover new news next no nor not nov november
    oct october of on on-line one online onto or other our over parties per photo present press read
    readout related release report reports saturday second senior sep sept september several she sides
    since so some source sources speaking statement such sunday talks thanking that the their then there
    these they third this those three through thursday thus to today together tomorrow top toward
    towards traveling travelling trip tuesday two under unlike until upon via visit visits we wednesday
    welcome welcoming what when where which while who whom whose why with within without yesterday yet
    you
    """
)

# Words that name institutions, portfolios and events; they continue a title ("Minister of Foreign
# Affairs") and stop a name. A person called e.g. "Development" would be missed, which is acceptable.
INSTITUTION = _words(
    """
    academy administration affairs african agency agreement agriculture air airport antiquities arab
    armed army asian assembly atlantic attorneys audiovisual authority aviation bank banks base border
    budget bundestag bureau bureau's cabinet camp caribbean center central central's centre chamber
    chambers charter children city civil co-operation college commerce commission commissioner's
    committee committee's commons commonwealth communication communications conference conferences
    congress constitutional construction consulate cooperation cortes council council's councils court
    cultural culture customs defence defense delegation's department department's development
    development's dialogue diet digital district duma east eastern economic economy education eduskunta
    elders electricity embassy emergencies emergency energy environment environmental european exchange
    external family federal finance financial fisheries folketing food force forces foreign forestry
    forum foundation framework fund funds gas general general's government government's governments gulf
    hall headquarters health heritage higher hospital house housing human humanitarian industries
    industry information information's infrastructure initiative initiatives institute institution
    institutions integration intelligence interior internal international international's investment
    investments islamic jogorku judicial judiciary justice kenesh knesset kurultai labor labour land
    lands latin legal lower majilis majlis majlisi maritime maslikhat mazhilis mechanism media mejlis
    member members memorandum middle migration milli mines mining ministers ministries ministry
    ministry's mission missions monetary municipal national natural naval navy north northern oblast
    office office's oil oliy organisation organization pacific palace parliament parliamentary
    partnership party peace people people's peoples persons petroleum planning plant police policy ports
    post posts power presidential process program programme qasr programmes programs project projects
    prosecutor's prosecutors province public rada railway railways region region's regional regions
    relations religion religions religious representatives republic reserve residence resource resources
    revenue rights riigikogu riksdag rural sabor saeima school schools science secretariat secretariat's
    security seimas sejm senate service services session sessions shipping situations social south
    southern sport sports square staff standing state states statistics stock storting strategic summit
    supreme tax taxes technologies technology telecommunications tourism tourism's trade transport
    transportation treasury understanding union universities university upper urban verkhovna veterans
    war water water's west western women worship youth
    africa asia europe americas sahel balkans caucasus oceania sahara arctic antarctica eurasia levant maghreb
    group review hurricane typhoon cyclone storm alliance global carrier strike prize award medal operation
    temple pagoda mosque church cathedral shrine anniversary festival games olympics expo stadium museum
    mausoleum cross crescent treaty declaration accord strategy corridor airlines airways company corporation
    holdings station soviet socialist autonomous exercise exercises drill drills mission's cup championship
    mineral minerals cooperatives livestock irrigation wildlife climate innovation entrepreneurship gender
    disability sanitation rehabilitation reconstruction relief employment vocational skills broadcasting
    hydrocarbons textiles consumer procurement excise highways roads waterways renewable nuclear space
    research sciences arts recreation endowments awqaf hajj diaspora expatriates emigrants overseas
    immigration refugees cohesion unity reconciliation peacebuilding prisons correctional homeland
    decentralisation decentralization settlements ecology hemispheric hemisphere red hunger poverty against
    deputies fleet island eid adha fitr ramadan nowruz muslim jewish hindu buddhist catholic
    orthodox inclusion guard guards alleviation eradication reduction ground works home citizenship
    lok sabha rajya vidhan wolesi jirga meshrano khural hural shugiin sangiin hluttaw pyithu amyotha sangsad
    oireachtas dail dáil seanad althing althingi stortinget sobranie sobranje skupstina skupština bundesrat
    nationalrat vouli congreso parlamento assembleia senado rakyat
    """
)

HONORIFICS = frozenset(
    {
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "h.e.",
        "he",
        "his",
        "dame",
        "sir",
        "lord",
        "lady",
        "madam",
        "prof",
        "prof.",
        "hon",
        "hon.",
        "excellency",
        "sheikh",
        # styles of address in Gulf, South-East Asian, West African and South Asian copy; they precede a name
        "sheikha",
        "shaikha",
        "highness",
        "majesty",
        "hrh",
        "hh",
        "sayyid",
        "sayed",
        "alhaji",
        "alhaja",
        "haji",
        "hajjah",
        "datuk",
        "dato",
        "dato'",
        "datin",
        "seri",
        "tun",
        "tunku",
        "tengku",
        "pehin",
        "samdech",
        # Malay and Bruneian styles ("Yang Amat Berhormat Dato' Seri X", "Yang Mulia", "Pengiran");
        # "Yang" itself is a surname too, so it is a style only before these (names.py)
        "amat",
        "berhormat",
        "mulia",
        "berbahagia",
        "pengiran",
        # Indonesian academic and professional styles ("Prof. Dr. Ir. X", "Drs. H. X")
        "ir.",
        "drs.",
        "hj.",
        "akka",
        "moha",
        "borvor",
        "thipadei",
        "techo",
        "khun",
        "shri",
        "smt",
        "engr",
        "amb",
        "honourable",
        "honorable",
        "madame",
        "mme",
        # abbreviated ranks and styles ("H.E Maj. Gen. (Rtd) George Owino", "Rear Adm. John Kirby")
        "h.e",
        "maj.",
        "gen.",
        "lt.",
        "col.",
        "brig.",
        "adm.",
        "capt.",
        "cdr.",
        "sgt.",
        "rear",
    }
)

# Lower-case words inside names: Arabic, Dutch, Spanish, Portuguese and other particles.
PARTICLES = frozenset(
    {
        "bin",
        "bint",
        "ibn",
        "al",
        "el",
        "de",
        "da",
        "do",
        "dos",
        "das",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "du",
        "di",
        "ul",
        "ud",
        "y",
        "ben",
        "abu",
        "al-",
        "el-",
    }
)

# Modifiers that may precede a post ("First Deputy Prime Minister").
TITLE_MODIFIERS = frozenset(
    {
        "first",
        "deputy",
        "vice",
        "acting",
        "former",
        "assistant",
        "under",
        "senior",
        "chief",
        "special",
        "executive",
        "permanent",
        "then",
        "interim",
        "outgoing",
        "incoming",
        "honorary",
        "co",
        "grand",
        "principal",
        "lead",
        "top",
        "second",
        "third",
        "new",
        "newly-appointed",
        "official",
        "presidential",
        "state",
        "foreign",
        "defence",
        "defense",
        "interior",
        "home",
        "finance",
        "trade",
        "economy",
        "health",
        "energy",
        "education",
        "justice",
        "agriculture",
        "culture",
        "tourism",
        "transport",
        "parliament",
        "parliamentary",
        "senate",
        "majilis",
        "mazhilis",
        "house",
        "national",
        "federal",
        "general",
        "cabinet",
        "army",
        "military",
        "police",
        "royal",
        "regional",
        "provincial",
        "city",
        "opposition",
        "party",
        "ruling",
        "minister",
    }
)

# Nouns that stand for a person already named ("the Chinese guest", "the Iranian leader").
PERSON_NOUNS = frozenset(
    {
        "leader",
        "guest",
        "official",
        "counterpart",
        "colleague",
        "envoy",
        "diplomat",
        "chief",
        "head",
        "visitor",
    }
)

PRONOUNS = frozenset({"he", "she", "him", "her"})

# Letters after a name (orders, degrees, seats, ranks retired): they end a name, they are not part of it.
POSTNOMINALS = _words(
    """
    AC AO AM OAM OBE MBE CBE KBE DBE GBE GCMG KCMG CMG MP MLA MNA MSP QC KC PC CH OM GCB KCB CB DSO MC VC
    PhD retd Retd rtd Rtd ONZ ONZM CNZM KNZM
    """
)

# Lower-case nouns that, right after a capitalised run, make it the name of a place, a building or a
# programme, not of a person ("Bai Dinh pagoda", "Nurly Zher programme").
FACILITY_NOUNS = _words(
    """
    pagoda temple mosque church cathedral shrine monastery palace hall airport square park museum university
    district province region city street avenue river lake mountain bay island islands valley festival
    programme program initiative project plan fleet forum memorial monument cemetery stadium complex centre
    center bridge dam port station plant zone corridor highway campus hotel resort village town
    """
)
