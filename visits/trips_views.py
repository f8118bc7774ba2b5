"""A trip's page: its route on a map, the dates and the meetings of every leg."""

from typing import Any

from django.views.generic import DetailView

from common.models import DatePrecision
from visits.maps import RouteStop, route
from visits.models import Trip, Visit
from visits.templatetags.archive import date_span


def trip_route(trip: Trip, legs: list[Visit]) -> Any:
    """The route map of a trip: from the first leg's origin through every leg in order (no query)."""
    stops = []
    if legs and legs[0].origin_country:
        stops.append(RouteStop(legs[0].origin_country.code, "Start"))
    stops += [
        RouteStop(
            leg.destination_country.code,
            str(number),
            place=leg.destination_city,
            when=date_span(leg),
            url=leg.get_absolute_url(),
        )
        for number, leg in enumerate(legs, start=1)
        if leg.destination_country
    ]
    return route(stops, title=f"Route of {trip}", slug="trip-route")


class TripDetailView(DetailView):
    """One journey: route map and table, dates, and each leg with its meetings (four queries)."""

    template_name = "visits/trip_detail.html"
    queryset = Trip.objects.detailed()
    context_object_name = "trip"

    def get_context_data(self, **kwargs) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        legs = list(self.object.legs.all())
        context.update(
            legs=legs,
            map=trip_route(self.object, legs),
            countries=len({leg.destination_country.code for leg in legs}),
            day=DatePrecision.DAY,
        )
        return context
