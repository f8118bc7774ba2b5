"""Closed word lists of English news copy: function words, institution words, honorifics and verbs."""

from __future__ import annotations

# Capitalised words that start sentences or headings but never belong to a person's name.
STOPCAPS = frozenset(
    """the a an in on at of for to by with and but or as after before during while when where this that these
    those his her their our its he she they we it i you also both earlier later according speaking meanwhile
    however besides additionally moreover furthermore then there here today yesterday tomorrow over under
    until since from among between about around upon within without through per via into onto following
    readout photo follow towards toward related read other all some many several two three four five first second third new
    top senior local joint bilateral no not one each every any such what which who whom whose how why
    last next this those nor so yet if thus hence together further welcome welcoming talks meeting meetings
    visit visits trip delegation delegations sides parties statement press release source sources report
    reports news agency correspondent earlier also upon present guided invited thanking travelling traveling
    accompanied addressing answering asked during until unlike like despite among amid under on-line online
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)

# Words that name institutions, portfolios and events; they continue a title ("Minister of Foreign
# Affairs") and stop a name. A person called e.g. "Development" would be missed, which is acceptable.
INSTITUTION = frozenset(
    """information social development foreign affairs council ministry ministries committee commission service
    services central communication communications state states defence defense republic house commons
    parliament parliamentary representatives senate national people's peoples congress standing office
    party assembly union organization organisation economic economy cooperation co-operation security justice
    trade investment investments industry industries commerce tourism natural resources resource health
    education higher public interior internal mines mining energy agriculture finance financial culture
    cultural sport sports youth labour labor transport transportation environment environmental science
    technology technologies digital emergency emergencies situations external international regional
    integration relations department agency bureau authority administration presidential federal general
    staff armed forces force army navy naval air audiovisual media policy planning legal supreme court
    constitutional municipal city region regions province district oblast kurultai majilis mazhilis
    maslikhat duma diet knesset rada sejm bundestag majlis seimas saeima riigikogu storting riksdag
    folketing eduskunta cortes sabor oliy majlisi jogorku kenesh milli mejlis verkhovna chamber chambers
    lower upper north south east west central asian african european arab gulf pacific atlantic caribbean
    latin middle eastern western northern southern commonwealth affairs strategic partnership dialogue
    memorandum understanding agreement summit session sessions forum conference conferences council's
    ministry's committee's government government's governments cabinet ministers secretariat general's
    prosecutor's prosecutors attorneys judicial judiciary police intelligence customs border migration
    water water's fisheries forestry land lands housing urban rural construction infrastructure
    communications telecommunications posts post petroleum oil gas power electricity railways railway
    aviation civil maritime ports shipping food family women children affairs veterans war peace human
    rights humanitarian religious religion religions worship islamic affairs heritage antiquities
    information's tourism's statistics planning budget revenue tax taxes treasury bank banks central's
    monetary reserve exchange stock development's institute institution institutions university
    universities college academy school schools hospital centre center foundation fund funds programme
    program programs programmes project projects initiative initiatives charter framework mechanism
    process committee commissioner's delegation's people palace airport international's square plant
    base camp region's hall residence headquarters embassy consulate mission missions secretariat's
    office's department's bureau's elders member members persons""".split()
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
        "premier",
        "pm",
        "fm",
        "minister",
        "president",
    }
)

PRONOUNS = frozenset({"he", "she", "him", "her"})
