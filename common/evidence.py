"""Evidence spans over a source's text: what the pages and the review queue highlight."""


def highlight(text: str, spans: list) -> list[tuple[str, bool]]:
    """Split `text` into (piece, is_evidence) runs; spans are merged, clamped and bad ones dropped."""
    clean = sorted(
        (max(0, a), min(len(text), b))
        for a, b in (s for s in spans if isinstance(s, list | tuple) and len(s) == 2)
        if isinstance(a, int) and isinstance(b, int) and a < b and a < len(text)
    )
    merged: list[list[int]] = []
    for a, b in clean:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for a, b in merged:
        if a > pos:
            pieces.append((text[pos:a], False))
        pieces.append((text[a:b], True))
        pos = b
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces
