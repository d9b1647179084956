"""CHECK: what holds across the series: one citation-key prefix per volume, safe links and
addresses, the characters of every text, committee members' ORCIDs."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..errors import Problems
from ..model import ORCID_RE
from ..series import Edition, Series
from .characters import check_characters
from .validate import is_safe_url, orcid_checksum_ok

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_series(series: Series, editions: Sequence[Edition], problems: Problems) -> None:
    check_characters(series, series.source, problems)
    for label, email in series.contacts:
        if not EMAIL_RE.match(email):
            problems.error(series.source, f"contact {label!r}: {email!r} is not an e-mail address")
    for label, url in series.links:
        if not is_safe_url(url):
            problems.error(
                series.source, f"link {label!r}: {url!r} must be an absolute http(s) URL"
            )
    prefixes: dict[str, Edition] = {}
    for edition in editions:
        _check_edition(edition, problems)
        if edition.proceedings is None:
            continue
        prefix = edition.proceedings.volume.key_prefix
        if prefix in prefixes:
            problems.error(
                edition.proceedings.volume.source,
                f"its citation keys would start '{prefix}-' as those of {prefixes[prefix].year}: "
                "give the volume another short_title",
                field="short_title",
            )
        prefixes.setdefault(prefix, edition)


def _check_edition(edition: Edition, problems: Problems) -> None:
    loc = edition.source
    # The volume was checked where it was read: the rest of the edition here.
    check_characters(
        (edition.name, edition.venue, edition.city, edition.country, edition.host, edition.call,
         edition.chairs, edition.committee, edition.news),
        loc,
        problems,
    )  # fmt: skip
    for url in (edition.call.portal, edition.host.url):
        if url and not is_safe_url(url):
            problems.error(loc, f"URL {url!r} must be an absolute http(s) URL", field="url")
    for member in (*(edition.chairs or ()), *(edition.committee or ())):
        orcid, name = member.person.orcid, member.person.display_name
        if orcid and not (ORCID_RE.match(orcid) and orcid_checksum_ok(orcid)):
            problems.error(loc, f"ORCID {orcid!r} of {name} is not valid", field="orcid")
    host = edition.host
    if edition.date and host.start and host.end and not host.start <= edition.date <= host.end:
        problems.incomplete(loc, "the workshop's date is outside the host conference's")
