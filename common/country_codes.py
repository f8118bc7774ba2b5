"""Country codes the archive adds to ISO 3166-1: pure data, read by settings and by the file readers.

The Office of the Historian's records name states that no longer exist: they keep their ISO 3166-3 former
alpha-2 codes. Kosovo has no ISO code; XK is the user-assigned code the EU, the IMF and most libraries use.
"""

HISTORIC_STATES: dict[str, str] = {
    "SU": "Soviet Union",
    "YU": "Yugoslavia",
    "CS": "Czechoslovakia / Serbia and Montenegro",
    "DD": "East Germany",
    "AN": "Netherlands Antilles",
    "XK": "Kosovo",
}
HISTORIC_CODES: frozenset[str] = frozenset(HISTORIC_STATES)
