"""CHECK: the series: a key prefix a volume, safe links, e-mail addresses, characters, ORCIDs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..errors import Problems
from ..model import ORCID_RE
from ..series import Edition, Series
from .characters import check_characters
from .validate import is_safe_url, orcid_checksum_ok

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_series(series: Series, editions: Sequence[Edition], problems: Problems) -> None:
    check_characters(series, series.source, problems)
    for i, (label, email) in enumerate(series.contacts):
        if not EMAIL_RE.match(email):
            problems.error(series.source.at(f"/contacts/{i}"),
                           f"contact {label!r}: {email!r} is not an e-mail address",
                           field="email")  # fmt: skip
    for i, (label, url) in enumerate(series.links):
        if not is_safe_url(url):
            problems.error(series.source.at(f"/links/{i}"),
                           f"link {label!r}: {url!r} must be an absolute http(s) URL",
                           field="url")  # fmt: skip
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
    check_characters(replace(edition, proceedings=None), loc, problems)
    for pointer, url in (("/call/portal", edition.call.portal), ("/host/url", edition.host.url)):
        if url and not is_safe_url(url):
            problems.error(loc.at(pointer), f"{url!r} must be an absolute http(s) URL",
                           field=pointer.rpartition("/")[2])  # fmt: skip
    for member in (*(edition.chairs or ()), *(edition.committee or ())):
        orcid, name = member.person.orcid, member.person.display_name
        if orcid and not (ORCID_RE.match(orcid) and orcid_checksum_ok(orcid)):
            problems.error(loc, f"ORCID {orcid!r} of {name} is not valid", field="orcid")
    host = edition.host
    if edition.date and host.start and host.end and not host.start <= edition.date <= host.end:
        problems.incomplete(loc, "the workshop's date is outside the host conference's")
