"""Factories for the archive's models (factory_boy); small and explicit."""

import datetime

import factory

from orgs.models import Organisation
from people.models import Official, Position
from visits.models import Evidence, Meeting, Participant, Source, Visit


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Ministry of Things {n}")
    slug = factory.Sequence(lambda n: f"ministry-of-things-{n}")
    kind = "ministry"
    country = "AZ"


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    name = factory.Sequence(lambda n: f"Official Person{n}")
    slug = factory.Sequence(lambda n: f"official-person{n}")
    country = "AZ"


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    official = factory.SubFactory(OfficialFactory)
    title = "Prosecutor General"
    country = "AZ"


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    title = factory.Sequence(lambda n: f"Article {n}")
    text = factory.Sequence(
        lambda n: f"Article number {n}. The minister arrived in Dushanbe on a working visit."
    )
    outlet = "Azernews"
    published = datetime.date(2024, 5, 18)
    checksum = factory.Sequence(lambda n: f"{n:064x}")
    status = "parsed"


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    visitor = factory.SubFactory(OfficialFactory)
    visitor_name = factory.LazyAttribute(lambda v: v.visitor.name if v.visitor else "")
    visitor_title = "Prosecutor General"
    origin_country = "AZ"
    destination_country = "TJ"
    destination_city = "Dushanbe"
    start_date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    kind = "working"
    status = "completed"
    purpose = "Meeting of the Prosecutors General"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    visit = factory.SubFactory(VisitFactory)
    date = datetime.date(2024, 5, 18)
    city = "Dushanbe"
    country = "TJ"
    topics = ["legal assistance"]


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    meeting = factory.SubFactory(MeetingFactory)
    official = factory.SubFactory(OfficialFactory)
    name_as_written = factory.LazyAttribute(lambda p: p.official.name if p.official else "Someone")


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    source = factory.SubFactory(SourceFactory)
    visit = factory.SubFactory(VisitFactory)
    spans = [[0, 20]]
