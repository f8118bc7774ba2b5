"""Readers' suggested corrections: a form with a honeypot, throttled per client through the cache."""

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from visits.models import Suggestion

_PERIODS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}


def suggestion_rate() -> tuple[int, int]:
    """SUGGESTION_THROTTLE ("10/hour") as (suggestions, seconds)."""
    count, _, period = settings.SUGGESTION_THROTTLE.partition("/")
    return int(count), _PERIODS[period.strip()[:1].lower()]


class SuggestionForm(forms.ModelForm):
    # Hidden from people by CSS; bots fill every field they find. A filled honeypot is dropped silently.
    website = forms.CharField(required=False, label="Leave this field empty", max_length=200)

    class Meta:
        model = Suggestion
        fields = ["message", "name", "email"]
        labels = {
            "message": "What should be corrected?",
            "name": "Your name (optional)",
            "email": "Email, if you would like a reply (optional)",
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 4, "maxlength": 5000})}

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


def client_key(request: HttpRequest) -> str:
    """A salted hash of the client address: enough to throttle, useless to identify anyone."""
    # REMOTE_ADDR only: X-Forwarded-For is client-controlled unless a trusted proxy rewrites it.
    address = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def take_slot(client: str) -> bool:
    """Count one suggestion for `client`; False when it already sent its SUGGESTION_THROTTLE share."""
    limit, window = suggestion_rate()
    key = f"suggestions:{client}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit
