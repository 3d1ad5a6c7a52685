"""Maintenance: regenerate ``data/actors/people.csv`` from CountryInfo's named people.

Not used at run time. It reads PETRARCH2's ``Phoenix.Countries.actors.txt`` (MIT; the
CountryInfo.140130 file of the Computational Event Data System project, as TABARI actors) with
tidings' own dictionary reader::

    python -m tidings.actors.derive ../shared/data/petrarch2-dictionaries/Phoenix.Countries.actors.txt

Each person there has names and CAMEO codes, most of them dated ("[USAGOV 890120-930120]").
tidings' name index is not dated, so a person keeps the code of the *latest* role the file
knows (an open-ended one, else the one that ended last): country, and sector where it is a
PLOVER sector. Only the people CountryInfo lists are taken: the file's own hand-added entries
are countries, places and institutions as well as people. Left out: names of one word, names
in the form "the X administration" (a government, not a person), names that begin with an
initial or a common English word, and names the file gives two countries.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

from tidings.dictionaries.actors import ActorEntry, CodeSpan, load_actors
from tidings.dictionaries.common import Phrase

from .loading import SECTORS

PEOPLE = Path(__file__).resolve().parents[1] / "data" / "actors" / "people.csv"
_NOT_A_PERSON = frozenset({"THE", "ADMINISTRATION", "GOVERNMENT", "REGIME", "CABINET", "CAMP"})
# translate.countryinfo.pl marks the people it took from CountryInfo on their first name line
_PERSON_MARK = "# CountryInfo.txt"
_STATES = frozenset(c.alpha_3 for c in pycountry.countries) | {"KOS"}
_HEADER = """\
# Named people and the country and sector of their latest role known to CountryInfo.140130
# (Computational Event Data System project, via PETRARCH2's Phoenix.Countries.actors.txt,
# github.com/openeventdata/petrarch2 commit 676801c). Regenerate with
# `python -m tidings.actors.derive PATH/Phoenix.Countries.actors.txt` (see that module).
# Roles are as of early 2014 at the latest; leaders.yaml overrides them with current ones.
#
# The MIT License (MIT). Copyright (c) 2014 Open Event Data Alliance.
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files (the "Software"), to deal in the Software without
# restriction, including without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions: The above copyright
# notice and this permission notice shall be included in all copies or substantial portions of
# the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A
# PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
# LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
# OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
# DEALINGS IN THE SOFTWARE.
"""


def latest_party(entry: ActorEntry) -> tuple[str, str] | None:
    """(country, sector or "") of the entry's latest role with a state code, else None."""
    def recency(span: CodeSpan) -> tuple[dt.date, dt.date]:
        return span.end or dt.date.max, span.start or dt.date.min
    spans = sorted(entry.restrictions, key=recency, reverse=True)
    if entry.default:
        spans.append(CodeSpan(entry.default))
    for span in spans:
        code = span.codes[0]
        if code[:3] in _STATES:
            sector = code[3:6]
            return code[:3], sector if sector in SECTORS else ""
    return None


def alias(phrase: Phrase) -> str | None:
    """"BAN_KI-MOON" -> "Ban Ki-Moon"; None for a name that is not a person's full name."""
    words = [w for w in phrase.words if w != "-"]
    if len(words) < 2 or _NOT_A_PERSON & set(words):
        return None
    first = words[0].rstrip(".").lower()
    if len(first) < 2 or first in STOP_WORDS:
        return None  # an initial or a common word would make every "a" or "he" a name to look up
    return " ".join(phrase.words).replace(" - ", "-").title()


def people_rows(path: Path) -> list[tuple[str, str, str]]:
    """(name, country, sector) for every usable name, sorted; ambiguous names dropped."""
    found: dict[str, set[tuple[str, str]]] = {}
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for entry in load_actors(path).entries:
        if _PERSON_MARK not in lines[int(entry.where.rsplit(":", 1)[1]) - 1]:
            continue  # a country, place or institution of the file's own hand
        party = latest_party(entry)
        if party is None:
            continue
        for phrase in entry.names:
            name = alias(phrase)
            if name is not None:
                found.setdefault(name, set()).add(party)
    rows = []
    for name, parties in sorted(found.items()):
        if len({country for country, _ in parties}) == 1:
            rows.append((name, *sorted(parties)[-1]))
    return rows


def main(source: str) -> None:
    rows = people_rows(Path(source))
    with open(PEOPLE, "w", encoding="utf-8", newline="") as f:
        f.write(_HEADER)
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["name", "country", "sector"])
        writer.writerows(rows)
    print(f"{len(rows)} names -> {PEOPLE}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
