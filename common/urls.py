"""URL reversing for hot paths: one `reverse()` per route, then string formatting per record."""

from functools import lru_cache

from django.urls import get_script_prefix, reverse

# Values that every converter used here accepts (int and slug) and no real URL contains.
_SENTINELS = {True: "8675309001", False: "zz-sentinel-zz"}


@lru_cache(maxsize=256)
def _template(viewname: str, key: str, numeric: bool, prefix: str) -> tuple[str, str]:
    sentinel = _SENTINELS[numeric]
    head, _, tail = reverse(viewname, kwargs={key: sentinel}).partition(sentinel)
    return head, tail


def cached_reverse(viewname: str, **kwargs: int | str) -> str:
    """reverse() for a route with one int or slug argument, without resolving the route each time."""
    ((key, value),) = kwargs.items()
    head, tail = _template(viewname, key, isinstance(value, int), get_script_prefix())
    return f"{head}{value}{tail}"
