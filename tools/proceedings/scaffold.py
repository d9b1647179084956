"""A new edition's edition.yaml and pages from what is known; every fact not given is not known."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .importer.yamltext import scalar
from .series import Series, ordinal


@dataclass(frozen=True, slots=True)
class Known:
    """What the organizer knows of a new edition (None: not known)."""

    year: int
    host: str | None = None  # "ACM CoNEXT 2027"
    host_short: str | None = None  # "CoNEXT 2027"
    city: str | None = None
    country: str | None = None
    start: dt.date | None = None  # the host conference's days
    end: dt.date | None = None
    date: dt.date | None = None  # the workshop's day
    timezone: str | None = None  # IANA, e.g. "Europe/Amsterdam"
    venue: str | None = None


def _line(key: str, value: str | dt.date | None, unknown: str) -> str:
    if value is None:
        return f"# {key}: not known ({unknown})"
    return f"{key}: {value.isoformat() if isinstance(value, dt.date) else scalar(value)}"


def _ordinal(series: Series, year: int) -> str:
    return ordinal(sum(e.year < year for e in series.editions) + 1)


def edition_yaml(series: Series, known: Known) -> str:
    host = known.host or f"the host conference of {series.short_name} {known.year}"
    lines = [
        f"# {series.short_name} {known.year}, the {_ordinal(series, known.year)} edition (made by",
        "# `make new-edition`; see README, \"An edition's year\", and tools/README.md).",
        "# A fact left out is not known: the site says so. Fill each in once it is published,",
        "# never by guessing.",
        "host:",
        "  " + (_line("name", known.host, "") if known.host else
                f"name: {scalar(host)}  # replace with the conference's name"),
        "  " + _line("short_name", known.host_short, "its short name"),
        "  " + _line("start", known.start, "its first day"),
        "  " + _line("end", known.end, "its last day"),
        "  " + _line("city", known.city, "as ACM prints it in references"),
        "  " + _line("country", known.country, "as ACM prints it in references"),
        _line("venue", known.venue, "the building or campus"),
        _line("city", known.city, "the workshop's city"),
        _line("country", known.country, "the workshop's country"),
        _line("date", known.date, "the workshop's day"),
        _line("timezone", known.timezone, "an IANA zone, needed for times in the program"),
        "call:",
        "  # portal: not known (the submission site's address)",
        "  # {id, label (the call's words), kind, date, was (the date before an extension)};",
        "  # kind: abstract, submission (these two close the call), camera-ready (deadlines,",
        "  # 23:59 AoE), notification, program, other (days).",
        "  deadlines: []",
        "# chairs: not known; committee: not known ({given, family, affiliations, note})",
        "# {id, title, text, date}: date is the day it happened; left out when not known (the",
        "# item is then on the home page but not in the news feed).",
        "news: []",
    ]  # fmt: skip
    return "\n".join(lines) + "\n"


FRONT = """---
# One description for search engines and link previews.
og:description: &description "{what} of {label}, the {ordinal} {name}."
myst:
  html_meta:
    description: *description
---

# {what}: {label}

"""
PAGES = {
    "cfp": """```{{cfp-status}}
```

% Paste the call's own text here once it is published (the directives around it show its
% status, dates and portal from proceedings/data/{year}/edition.yaml).

```{{cfp-dates}}
```

```{{cfp-submission}}
```

```{{cfp-calendar}}
```
""",
    "program": """```{{program-calendar}}
```

% The program goes here once it is known: sessions of talks and papers (tools/README.md,
% "Editing the program").
""",
    "proceedings": """```{{proceedings-front-matter}}
```

```{{proceedings-contents}}
```
""",
}
WHAT = {"cfp": "Call for papers", "program": "Program", "proceedings": "Proceedings"}


def edition_pages(series: Series, year: int) -> dict[str, str]:
    """Path (from the site's root) -> the MyST text of each of the edition's pages."""
    label, name = f"{series.short_name} {year}", series.name
    facts = {"year": str(year), "label": label, "ordinal": _ordinal(series, year), "name": name}
    return {
        f"{section}/{year}/index.md": FRONT.format(what=WHAT[section], **facts)
        + text.format(**facts)
        for section, text in PAGES.items()
    }
