"""Travel verbs: the pattern that finds them in a sentence and the substrings that gate it."""

import re

_TRAVEL = re.compile(  # every alternative starts at a word or at ", now in": the lookahead skips word ends
    r"\b(?=[\w,])(?:arrived|arrives|arriving|landed|lands|touched down|flew|flown|fly|flies|"
    r"travel(?:l?ed|s)?|came to|come to|comes to|has come|visited|visiting|visits|visit to|trip to|tour of|"
    r"tour to|visit by|trip by|(?:visit|trip) of(?= (?:the )?(?-i:[A-Z]))|"
    r"(?:will|would|is to|are to|is due to|are due to) be in|, (?:currently|now|presently) in|"
    r"reached|reach|heads? to|heading to|head(?:s|ed|ing)? for|jet(?:s|ted|ting) (?:off )?(?:to|into)|"
    r"led (?:a|an|the|his|her) (?:[\w-]+ ){0,3}delegation to|"
    r"(?:left|departed|departs|leaves|leaving) (?-i:[A-Z])[^.;,]{0,40}? for(?= (?:the )?(?-i:[A-Z]))|"
    r"departed|left for|bound for|stopover|stop in|"
    r"on (?:a|an|his|her|its|their)\b(?: [\w-]+){0,3}? "
    r"(?:visit|trip|tour)|(?:state|official|working|private) visit|is in|are in|was in|were in|has been in|"
    r"is (?:currently|now|already) in|are (?:now|already) in|(?:was|were|is) (?:then|still) in|to visit|"
    r"go(?:es|ing)? on to|went on to|(?:is|are|was|were) expected in|"
    r"(?:will|would|could|may|might|shall|should|must|can)(?: also| then| later| next)? visit|pay a visit|"
    r"paid a visit|go(?:es)? to|"
    r"(?:kicked off|kicks off|began|begins|started|starts|opened|opens|launched|launches)(?: [\w-]+){0,4}? "
    r"(?:tour|visit|trip)(?: of \w+)? in|"
    r"went to|gone to|due in|"
    r"(?!(?-i:The|This|That|His|Her|Their|Its|A|An|Our|My) )(?-i:[A-Z])[\w-]+ visit|"
    r"head(?:s|ed|ing)? on to|continu(?:e|es|ed|ing) (?:on )?to|mov(?:e|es|ed|ing) on to|onward to|"
    r"proceed(?:s|ed|ing)? to|set off for|t(?:ook|akes|aking) (?:him|her|them) to|went there|"
    r"travell?ed there|stopped(?: \w+){0,2}? in|leav(?:e|es|ing) for|"
    r"(?:way back|returning|returned|returns|back) from|accompan(?:ied|ying|ies)(?: [\w.'-]+){0,6}? to|"
    r"attend(?:ed|ing|s)?|whilst in|while in|during (?:his|her|their) (?:stay|visit) in)\b",
    re.I,
)

# Cheap substring tests that skip the long travel and meeting patterns on sentences that cannot match.
_TRAVEL_HINTS = (
    "arriv",
    "landed",
    "lands ",
    "landing",
    "touched",
    "flew",
    "flown",
    "fly",
    "flies",
    "travel",
    "came to",
    "come to",
    "comes to",
    "has come",
    "have come",
    "visit",
    "trip",
    " tour",
    "reach",
    "heads ",
    "jet",
    " led ",
    "left ",
    "depart",
    "headed",
    "heading",
    "headed",
    "head to",
    "head on",
    "departed",
    "departs",
    "departing",
    "left for",
    "leav",
    "bound for",
    "stop",
    "go to",
    "goes to",
    "gone to",
    "went",
    "due in",
    " be in",
    "continu",
    "proceed",
    "onward",
    "on to",
    " him to",
    " her to",
    " them to",
    "accompan",
    "attend",
    "while in",
    "whilst in",
    "stay in",
    "back from",
    "return",
    " is in",
    " are in",
    " was in",
    " were in",
    " been in",
    "currently in",
    "now in",
    "then in",
    "expected in",
    "still in",
    "on to",
    "already in",
)
