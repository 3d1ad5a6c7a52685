"""Finding place mentions (toponyms) in a parsed ``Doc``.

spaCy's GPE/LOC/FAC entities, plus capitalised gazetteer names the model missed, plus a
demonym that modifies a place noun ("Russian regions" -> Russia). A bare demonym ("Russian
troops") is an actor word, not a place: it is dropped. Capitals used as actors ("Moscow said")
stay place mentions; the event coder decides what they mean.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..actors.knowledge import ActorKnowledge
from .gazetteer import ALIAS, Gazetteer, Place, demonyms, key

PLACE_LABELS = {"GPE", "LOC", "FAC"}
SKIP_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE",
               "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"}
# Nouns that make a demonym a place: "Russian regions", "on Ukrainian soil".
PLACE_NOUNS = {"region", "area", "territory", "soil", "border", "side", "coast", "water",
               "airspace", "frontier", "land", "mainland", "countryside", "city", "town",
               "village", "province", "port", "capital", "oblast", "state"}
QUALIFIERS = {"eastern", "western", "northern", "southern", "central", "northeastern",
              "northwestern", "southeastern", "southwestern", "north", "south", "east", "west",
              "northeast", "northwest", "southeast", "southwest", "north-eastern",
              "north-western", "south-eastern", "south-western", "mid", "upper", "lower"}
ADMIN_NOUNS = {"region", "oblast", "province", "governorate", "prefecture", "krai", "kray",
               "county", "parish", "district"}
# A plural division noun after a list of names makes each of them that division: "Becker,
# Grant and Swift counties".
PLURAL_ADMIN_NOUNS = {"counties": "county", "parishes": "parish", "provinces": "province",
                      "regions": "region", "districts": "district", "oblasts": "oblast"}
LIST_GLUE = {",", "and", ", and", "or", ", or", "&"}  # between the names of such a list
# Gazetteer-only matches (no entity from the model) must be this large, or a country,
# division, region or alias: small places named like common words ("Mobile", "Hope",
# "Reading") would otherwise flood the output.
MIN_GAZ_POPULATION = 100_000
MAX_SPAN_TOKENS = 5


@dataclass(slots=True)
class Toponym:
    """A place mention before resolution."""

    start_char: int
    end_char: int
    text: str  # the words in the article
    name: str  # what to look up ("Kharkiv region", "Russia" for "Russian regions")
    qualifier: str | None = None
    parent: str | None = None  # "Illinois" in "Springfield, Illinois"
    source: str = "ner"  # ner | gazetteer | demonym
    label: str | None = None  # the model's entity label (GPE, LOC, FAC) of an "ner" mention


def _strip(span: Span) -> Span:
    """Drop a leading article/possessive and trailing punctuation from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return doc[start:end]


def _qualifier(span: Span) -> str | None:
    if span.start == 0:
        return None
    before = span.doc[span.start - 1]
    return before.lower_ if before.lower_ in QUALIFIERS else None


def _demonym_place(span: Span, demonym_map: dict[str, str]) -> Toponym | None:
    """A demonym modifying a place noun -> the country; otherwise None (an actor word)."""
    if key(span.text) not in demonym_map:
        return None
    head: Token = span.root.head
    if span.root.dep_ in ("amod", "compound", "nmod") and head.lemma_.lower() in PLACE_NOUNS:
        end = head.i + 1
        doc = span.doc
        return Toponym(span.start_char, doc[end - 1].idx + len(doc[end - 1].text),
                       doc[span.start:end].text, span.text, qualifier=_qualifier(span),
                       source="demonym")
    return None


def _names_group(span: Span) -> bool:
    """"the *Los Lobos* gang", "the *Wagner* group": a name before a group noun names the group
    (the actors stage's group-only and criminal roles), not a place."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    role = ActorKnowledge.load().role(doc[span.end].lemma_)
    return role is not None and (role.group_only or role.sector == "CRM")


# Prepositions after which a country's name is where something is ("rebels *in* northern Mali").
_PLACE_PREPS = frozenset({"in", "into", "across", "inside", "throughout", "to", "from", "near", "towards", "toward"})


def _named_as_place(ent: Span, gaz: Gazetteer) -> bool:
    """"the Amhara town of *Debre Tabor*": a name the text calls a town, city or province is a
    place, whatever entity label the model gave it; so is the name of a country or a large city
    after a place preposition or a compass word ("rebels in northern *Mali*", "flew food into
    *Cap-Haitien*", which the model calls persons)."""
    root = ent.root
    of = root.head
    if root.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in PLACE_NOUNS:
        return bool(gaz.lookup(ent.text))
    return ((_qualifier(ent) is not None or (root.dep_ == "pobj" and of.lower_ in _PLACE_PREPS))
            and any(place.feature == "country" or (place.feature == "city" and place.population >= MIN_GAZ_POPULATION)
                    for place, _ in gaz.lookup(ent.text)))


def _attitude(span: Span) -> bool:
    """"anti-Syria", "pro-Kremlin": the place names a stance, not where anything happens (the
    actors stage's ``stance`` prefixes)."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ActorKnowledge.load().stance


def toponyms(doc: Doc, gaz: Gazetteer) -> list[Toponym]:
    """Every place mention in ``doc``, in document order."""
    demonym_map = demonyms()
    out: list[Toponym] = []
    taken = [False] * len(doc)
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS and ent.label_ != "NORP" and not _named_as_place(ent, gaz):
            if ent.label_ in SKIP_LABELS:
                for t in ent:
                    taken[t.i] = True
            continue
        span = _strip(ent)
        if not len(span):
            continue
        for t in ent:
            taken[t.i] = True
        if _attitude(span) or _names_group(span):
            continue
        if key(span.text) in demonym_map and span.text not in gaz:
            place = _demonym_place(span, demonym_map)
            if place is not None:
                out.append(place)
            continue
        if ent.label_ == "NORP":
            continue
        out.append(_make(span, "ner", ent.label_))
    for span in _gazetteer_spans(doc, gaz, taken):
        out.append(_make(span, "gazetteer"))
    out.sort(key=lambda t: t.start_char)
    _link_parents(doc, out)
    return out


def _make(span: Span, source: str, label: str | None = None) -> Toponym:
    doc = span.doc
    end = span.end
    name = span.text
    if end < len(doc) and doc[end].lower_ in ADMIN_NOUNS:
        name = f"{name} {doc[end].lower_}"
        end += 1
    return Toponym(span.start_char, doc[end - 1].idx + len(doc[end - 1].text),
                   doc[span.start:end].text, name, qualifier=_qualifier(span), source=source,
                   label=label)


def _gazetteer_spans(doc: Doc, gaz: Gazetteer, taken: list[bool]) -> list[Span]:
    """Capitalised token runs the model did not tag that name a sizeable place."""
    # One pass over the tokens: indexing a Doc builds a new Token object on every access.
    capitalised = [not taken[t.i] and _capitalised(t) for t in doc]
    spans = []
    i = 0
    while i < len(doc):
        if not capitalised[i]:
            i += 1
            continue
        best = None
        for j in range(min(len(doc), i + MAX_SPAN_TOKENS), i, -1):
            if not capitalised[j - 1] or any(taken[k] for k in range(i, j)):
                continue
            span = doc[i:j]
            if _gazetteer_worthy(span, gaz):
                best = span
                break
        if best is None:
            i += 1
            continue
        spans.append(best)
        i = best.end
    return spans


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha and not tok.is_stop


def _gazetteer_worthy(span: Span, gaz: Gazetteer) -> bool:
    text = span.text
    found = gaz.lookup(text)
    if not found:
        return False
    if len(span) == 1 and span[0].is_sent_start and not any(how == ALIAS for _, how in found):
        # "Reading the report, ..." / "Mobile phones": sentence-initial capitals are weak
        return False
    if key(text) in demonyms():
        return False
    # "Ill.", "Miss", "Man.": state abbreviations count only after a comma ("Peoria, Ill.")
    abbreviation = key(text) in gaz.abbreviations and not text.replace(".", "").isupper()
    if abbreviation and (span.start == 0 or span.doc[span.start - 1].text != ","):
        return False
    return major_place(found)


def major_place(found: list[tuple[Place, int]]) -> bool:
    """Whether a name's readings include a country, admin1, region, alias or a city of
    100,000+ by its own name: names worth taking without the model's word for them."""
    for place, how in found:
        if how == ALIAS or place.feature in ("country", "region", "sea", "continent"):
            return True
        if place.feature == "admin1" and how == 0:
            return True
        if place.feature == "city" and how == 0 and place.population >= MIN_GAZ_POPULATION:
            return True
    return False


def inner_place(name: str, gaz: Gazetteer) -> str | None:
    """The major place inside a name the gazetteer lacks: after its last "of" ("University of
    California", "Port of Los Angeles") or its longest leading run of words ("Colorado State
    University", "Delhi High Court"); never a direction word ("South Kilburn Estate")."""
    words = name.split()
    heads = [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
    _, of, tail = name.rpartition(" of ")
    for part in ([tail] if of else []) + heads:
        if key(part) not in QUALIFIERS and major_place(gaz.lookup(part)):
            return part
    return None


def _link_parents(doc: Doc, found: list[Toponym]) -> None:
    """What the words around neighbouring mentions say about them: "Springfield, Illinois"
    (the second names the first one's parent) and "Becker, Grant and Swift counties"."""
    if not found:
        return
    text = doc.text  # built anew from the tokens on every access: once here, when needed
    for a, b in zip(found, found[1:], strict=False):
        between = text[a.end_char:b.start_char]
        if between.strip() == "," and a.source != "demonym" and b.source != "demonym":
            a.parent = b.name
    _plural_divisions(text, found)


def _plural_divisions(text: str, found: list[Toponym]) -> None:
    """"Becker, Grant and Swift counties": each name of a list before a plural division noun
    is looked up as that division ("Becker county")."""
    for i, last in enumerate(found):
        after = text[last.end_char:last.end_char + 16].split()
        singular = PLURAL_ADMIN_NOUNS.get(after[0].lower().rstrip(".,;:")) if after else None
        if singular is None:
            continue
        for j in range(i, -1, -1):
            t = found[j]
            if t.source != "demonym" and t.name.split()[-1].lower() not in ADMIN_NOUNS:
                t.name = f"{t.name} {singular}"
            if j == 0 or " ".join(text[found[j - 1].end_char:t.start_char].split()) not in LIST_GLUE:
                break
