"""Where: the place phrase attached to the event, then the dateline, then nothing."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..actors.mentions import based_in, load_references
from ..model import Place
from ..places import Gazetteer, parse_dateline
from ..resources import load_yaml
from .modality import Modality
from .syntax import View

SPECIFICITY = {"city": 0, "admin1": 1, "country": 2}


@lru_cache(maxsize=4)
def place_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml(lang, "places.yaml")
    return (frozenset(w.lower() for w in data["locative_prepositions"]),
            frozenset(w.lower() for w in data["place_nouns"]))


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer.load()


def as_place(found, text: str, method: str) -> Place:
    return Place(name=found.name, geonameid=found.geonameid, lat=found.lat, lon=found.lon, country=found.country,
                 fips=found.fips, adm1=found.adm1, kind=found.kind, text=text, method=method)


@dataclass(frozen=True, slots=True)
class Locator:
    gazetteer: Gazetteer

    @classmethod
    def load(cls) -> "Locator":
        return cls(default_gazetteer())

    def dateline(self, text: str) -> Place | None:
        found = parse_dateline(text[:200])
        if not found:
            return None
        name, _ = found
        hit = self.gazetteer.lookup(name.title() if name.isupper() else name)
        return as_place(hit, name, "dateline") if hit else None

    def city_phrases(self, view: View) -> set[int]:
        """Tokens of 'à Alger', 'in Kyiv', 'entre Moscou …' naming a city or region: places, not parties."""
        preps, _ = place_words(view.sentence.lang)
        found: set[int] = set()
        for tok in view.tokens:
            if tok.case in preps and (tok.pos == "PROPN" or tok.ent in ("LOC", "GPE")):
                hit = self.gazetteer.lookup(name_text(view, tok))
                if hit is not None and hit.kind != "country":
                    found |= view.np_tokens(tok.i)
        return found

    def place_for(self, view: View, predicate: int, modality: Modality, actors, item, hints, dateline):
        """(place of the event, planned place of an intention)."""
        own = self.attached(view, own_region(view, predicate), actors, item, hints)
        if own is None and modality.kind != "intended":
            # the parse often hangs "à Dakar" on a neighbour ("vendredi à Dakar"); a place named
            # anywhere in the sentence is far more often the event's place than not
            own = self.attached(view, set(range(len(view.tokens))), actors, item, hints, need_case=False)
        if own is not None and own.kind == "country":
            # "une visite en Chine … dans la ville côtière chinoise de Qingdao": a city of that
            # country named elsewhere in the sentence says where more precisely
            inner = self.attached(view, set(range(len(view.tokens))), actors, item, (own.country,))
            if inner is not None and inner.country == own.country and inner.kind != "country":
                own = inner
        if modality.kind == "intended":
            said = None
            if modality.governor is not None and modality.governor != predicate:
                region = view.clause(modality.governor) - view.subtree(predicate)
                said = self.attached(view, region, actors, item, hints)
            # an intention's place is where it is to happen (DESIGN §4: the planned meeting's Qingdao);
            # where it was said stands in only when no place is planned
            planned = as_planned(own) if own else None
            return (planned or said or dateline), planned
        return (own or dateline), None

    def attached(self, view: View, region: set[int], actors, item, hints, need_case: bool = True) -> Place | None:
        preps, nouns = place_words(view.sentence.lang)
        participants = {item.source.span, item.target.span if item.target else None}
        candidates: list[tuple[int, int, Place]] = []
        for i in sorted(region):
            tok = view.tok(i)
            if tok.pos not in ("PROPN", "NOUN", "X"):
                continue
            place_noun = tok.lemma in nouns and any(k.case in ("de", "of") for k in view.children(tok.i))
            if tok.case not in preps and not place_noun and \
                    (need_case or not tok.text[:1].isupper() or tok.i == 0 and tok.pos != "PROPN"):
                continue
            for name_tok in place_name_tokens(view, tok, nouns):
                if name_tok.i in actors.geo_names:
                    continue  # "en mer du Japon": the sea, not Japan
                if name_tok.i in actors.adjectives:
                    continue  # "the Thai border": a nationality adjective is not a town's name
                if based_in(view.tokens, name_tok.i + 1, load_references(view.sentence.lang)):
                    continue  # "a London-based monitor": where a body sits, not where the event is
                name = name_text(view, name_tok)
                number = actors.chunk_at(name_tok.i)
                if number is not None and (not need_case or tok.case not in preps) and \
                        any(a.span in participants for a in actors.resolved[number]):
                    continue  # a party to the event is a place only when named as one ("en Chine")
                whole = self.gazetteer.lookup(name, country_hints=hints)
                hit = whole or (self.gazetteer.lookup(name.split(" ", 1)[1], country_hints=hints) if " " in name else None)
                named_town = whole is not None and place_noun and name_tok.i != tok.i and \
                    (whole.population or 0) >= MIN_NAMED_TOWN_POPULATION
                if hit and not (plausible(hit, hints) or named_town):
                    continue  # "la ville de Bakhmout": named as a town, a smaller one is believable
                if hit:
                    phrase = view.sentence.text[view.tok(min(view.np_tokens(tok.i) | {tok.i})).idx:view.tok(name_tok.i).end]
                    candidates.append((SPECIFICITY.get(hit.kind, 3), i, as_place(hit, phrase, "attached")))
        if not candidates:
            return None
        return min(candidates, key=lambda c: (c[0], c[1]))[2]


# A small town abroad sharing its name with the real place (Borno, Solhan) is a homonym, not news.
MIN_FOREIGN_POPULATION = 250_000


# With no country to go by, a small town is more often a homonym than the place meant.
MIN_UNANCHORED_POPULATION = 100_000
# ... and a town the sentence calls one ("la ville de Bakhmout", "the town of Bakhmut")
MIN_NAMED_TOWN_POPULATION = 50_000


def plausible(hit, hints) -> bool:
    """A place in the participants' countries, a country, or a city big enough to be news by name."""
    if hit.kind in ("country", "admin1") or hit.country in hints:
        return True
    floor = MIN_FOREIGN_POPULATION if hints else MIN_UNANCHORED_POPULATION
    return (hit.population or 0) >= floor


def own_region(view: View, predicate: int) -> set[int]:
    region = view.subtree(predicate, stop={"ccomp", "parataxis", "acl:relcl", "advcl"})
    for kid in view.children(predicate, "conj"):
        region |= view.subtree(kid.i, stop={"ccomp", "parataxis"})
    return region


def place_name_tokens(view: View, tok, nouns: frozenset[str]):
    """The proper noun itself, or the complement of a place noun ('la ville de Qingdao')."""
    if tok.pos in ("PROPN", "X") or tok.text[:1].isupper():
        yield tok
    if tok.lemma in nouns:
        for kid in view.children(tok.i):
            if kid.case in ("de", "of") and kid.text[:1].isupper():
                yield kid
        for kid in view.children(tok.i):
            if kid.dep in ("appos", "flat:name", "compound") and kid.text[:1].isupper():
                yield kid


def name_text(view: View, tok) -> str:
    """'La Havane', 'New York', 'Tel-Aviv': the run of capitalised words (and hyphens) around the
    token, whatever the parser made of it."""
    tokens = view.tokens
    start = end = tok.i
    while start > 0 and (tokens[start - 1].text[:1].isupper() or tokens[start - 1].text == "-") \
            and tokens[start - 1].pos in ("PROPN", "NOUN", "DET", "PUNCT", "X", "ADJ"):
        start -= 1
    while end + 1 < len(tokens) and (tokens[end + 1].text[:1].isupper() or tokens[end + 1].text == "-") \
            and tokens[end + 1].pos in ("PROPN", "NOUN", "PUNCT", "X", "ADJ"):
        end += 1
    while start < tok.i and tokens[start].text == "-":
        start += 1
    while end > tok.i and tokens[end].text == "-":
        end -= 1
    first, last = tokens[start], tokens[end]
    return view.sentence.text[first.idx:last.end]


def as_planned(place: Place) -> Place:
    return Place(name=place.name, geonameid=place.geonameid, lat=place.lat, lon=place.lon, country=place.country,
                 fips=place.fips, adm1=place.adm1, kind=place.kind, text=place.text, method="planned")
