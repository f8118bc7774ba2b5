"""One article and its extraction, shared by the tests of the source and record services."""

import datetime

from people.models import Official
from visits.models import Evidence, Meeting, Participant, Source, Visit
from visits.services import source_create

ARTICLE = (
    "Kamran Aliyev, Azerbaijan's Prosecutor General, arrived in Dushanbe, Tajikistan, on a working visit. "
    "In a meeting with Yusuf Rahmon, Prosecutor General of Tajikistan, the sides discussed legal assistance."
)
EXTRACTION = {
    "officials": [
        {"name": "Kamran Aliyev", "title": "Prosecutor General", "country": "AZ", "organisation": None},
        {"name": "Yusuf Rahmon", "title": "Prosecutor General", "country": "TJ", "organisation": None},
    ],
    "organisations": [
        {"name": "Economic Cooperation Organization", "acronym": "ECO", "kind": "intergovernmental"}
    ],
    "visits": [
        {
            "visitor": "Kamran Aliyev",
            "visitor_country": "AZ",
            "destination_country": "TJ",
            "destination_city": "Dushanbe",
            "start_date": "2024-05-18",
            "end_date": None,
            "kind": "working",
            "purpose": "Meeting of the ECO Prosecutors General",
            "evidence": [[0, 98]],
        }
    ],
    "meetings": [
        {
            "participants": ["Kamran Aliyev", "Yusuf Rahmon"],
            "date": None,
            "city": "Dushanbe",
            "country": "TJ",
            "topics": ["legal assistance"],
            "evidence": [[99, 200]],
        }
    ],
}


def kept_source(text: str = ARTICLE) -> Source:
    source, _ = source_create(text=text, outlet="Azernews", published=datetime.date(2024, 5, 18))
    return source


def counts() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Visit, Meeting, Participant, Official, Evidence))
