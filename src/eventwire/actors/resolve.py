"""Resolve actor chunks to CAMEO-style actor codes, with the document's memory of who is who.

A DocumentContext lives for one document only (created and dropped by the coder); it remembers
people introduced with their role ("le président chinois Xi Jinping"), so that "M. Xi",
"Xi" and "il" later in the document resolve to the same actor, and the countries in focus
for "les deux pays".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..model import Actor, ParsedSentence
from .lexicon import ActorLexicon, Entry, norm_key
from .mentions import Atom, Chunk

PERSON_ATOMS = ("person", "name-run", "title-ref")


@dataclass
class DocumentContext:
    """Per-document memory; never shared between documents."""

    lexicon: ActorLexicon
    on: date | None = None                          # event/publication date for office holders
    people: dict[str, Actor] = field(default_factory=dict)    # name and surname keys -> actor
    aliases: dict[str, str] = field(default_factory=dict)     # "poutine" -> "Vladimir Putin"
    last_person: Actor | None = None
    countries: list[str] = field(default_factory=list)        # most recent last

    def remember_person(self, actor: Actor) -> None:
        if not actor.name or not actor.country:
            return
        self.people[norm_key(actor.name)] = actor
        # "M. Xi" and "M. Lavrov": family names come first in some languages, last in others
        for part in actor.name.split():
            if len(part) >= 2 and part[0].isupper():
                self.people.setdefault(norm_key(part), actor)

    def note_country(self, country: str | None) -> None:
        if country:
            if country in self.countries:
                self.countries.remove(country)
            self.countries.append(country)

    def pair(self) -> tuple[str, ...]:
        return tuple(self.countries[-2:]) if len(self.countries) >= 2 else ()


def chunk_text(sentence: ParsedSentence, chunk: Chunk) -> tuple[str, tuple[int, int]]:
    first, last = sentence.tokens[chunk.start], sentence.tokens[chunk.end - 1]
    return sentence.text[first.idx:last.end], (first.idx, last.end)


def resolve_chunk(chunk: Chunk, sentence: ParsedSentence, ctx: DocumentContext,
                  subject_person: Actor | None = None, speaker: Actor | None = None,
                  subject_actor: Actor | None = None) -> tuple[Actor, ...]:
    """One chunk -> its actor(s); a pair phrase gives two, an unresolvable pronoun none."""
    text, span = chunk_text(sentence, chunk)
    kinds = chunk.kinds()
    if "pronoun" in kinds:
        # "il/elle" is a person when one leads the sentence, else the country or body that does
        person = subject_person or (subject_actor if subject_actor and subject_actor.country else None) or ctx.last_person
        return (with_text(person, text, span, "pronoun"),) if person else ()
    if "group-pronoun" in kinds:
        # "Japan said it had halted aid": the subject of the clause that reports it
        return (with_text(subject_actor, text, span, "pronoun"),) if subject_actor else ()
    if "pair" in kinds:
        return tuple(country_actor(c, ctx, text, span, "pair") for c in ctx.pair())
    if "speaker" in kinds:
        person = speaker or ctx.last_person
        if person and person.country:
            return (country_actor(person.country, ctx, text, span, "speaker"),)
        return ()
    countries = distributed_countries(chunk, ctx)
    if len(countries) > 1:
        role_atom = next(a for a in chunk.atoms if a.kind == "role")
        role = first_entry(role_atom, ctx).role
        actors = tuple(Actor(code=c + (role or ""), country=c, role=role, name=ctx.lexicon.country_names.get(c, c),
                             text=text, span=span, how="lexicon") for c in countries)
        for actor in actors:
            ctx.note_country(actor.country)
        return actors
    actor = compose(chunk, text, span, ctx)
    if actor is None:
        return ()
    ctx.note_country(actor.country)
    if any(a.kind in PERSON_ATOMS for a in chunk.atoms):
        ctx.remember_person(actor)
    return (actor,)


def distributed_countries(chunk: Chunk, ctx: DocumentContext) -> tuple[str, ...]:
    """Countries of a chunk that shares one role between several nationalities."""
    if not any(a.kind == "role" for a in chunk.atoms):
        return ()
    found = []
    for atom in chunk.atoms:
        if atom.kind in ("adj", "name", "demonym"):
            country = first_entry(atom, ctx).country
            if country and country not in found:
                found.append(country)
    return tuple(found)


def with_text(actor: Actor, text: str, span: tuple[int, int], how: str) -> Actor:
    return Actor(code=actor.code, country=actor.country, role=actor.role, name=actor.name, text=text,
                 span=span, how=how)


def country_actor(country: str, ctx: DocumentContext, text: str, span: tuple[int, int], how: str) -> Actor:
    return Actor(code=country, country=country, role=None, name=ctx.lexicon.country_names.get(country, country),
                 text=text, span=span, how=how)


def first_entry(atom: Atom, ctx: DocumentContext) -> Entry:
    """People: the office held on the event date; others: the preferred entry."""
    if atom.kind == "person" and ctx.on:
        dated = [e for e in atom.entries if e.kind == "person" and (e.start is None or e.start <= ctx.on)
                 and (e.end is None or ctx.on <= e.end)]
        if dated:
            return dated[0]
        latest = [e for e in atom.entries if e.kind == "person" and e.end and e.end < ctx.on]
        if latest:  # a former office holder keeps the country, not the office
            e = max(latest, key=lambda x: x.end)
            return Entry(kind="person", code=e.country or e.code[:3], name=e.name, phrase=e.phrase,
                         country=e.country, role=None)
        future = [e for e in atom.entries if e.kind == "person" and e.start and e.start > ctx.on]
        if future and len(future) == len([e for e in atom.entries if e.kind == "person"]):
            # "le Premier ministre néerlandais Mark Rutte" in 2022: his NATO office is still to come;
            # the name stays, the office comes from the words around it
            e = future[0]
            return Entry(kind="person", code="", name=e.name, phrase=e.phrase, country=None, role=None)
    return atom.entries[0]


def compose(chunk: Chunk, text: str, span: tuple[int, int], ctx: DocumentContext) -> Actor | None:
    country = role = code = name = None
    how = "lexicon"
    person_name = None
    for atom in chunk.atoms:
        if atom.kind in ("name-run", "title-ref"):
            person_name = atom.text
            known = ctx.people.get(norm_key(atom.text)) or ctx.people.get(norm_key(atom.text.split()[-1])) or \
                ctx.people.get(norm_key(ctx.aliases.get(norm_key(atom.text.split()[-1]), "")))
            if known:
                country, role, name, how = known.country, known.role, known.name, "context"
                code = known.code
            continue
        entry = first_entry(atom, ctx)
        if atom.kind == "person" and not entry.code:
            person_name = entry.name
            continue
        if atom.kind == "person":
            person_name = entry.name
            ctx.aliases[norm_key(entry.phrase)] = entry.name
            for part in entry.phrase.split():
                if len(part) >= 3 and part[0].isupper():
                    ctx.aliases.setdefault(norm_key(part), entry.name)
            known = ctx.people.get(norm_key(entry.name))
            code, country, role, name, how = entry.code, entry.country, entry.role, entry.name, "person"
            if known and ctx.on is None:
                code, country, role = known.code, known.country, known.role
        elif atom.kind in ("igo", "group", "metonym"):
            code, name = entry.code, entry.name
            country = entry.country
            role = role if atom.kind == "metonym" and role else entry.role
            if atom.kind == "group":
                how = "group"
        elif atom.kind in ("name", "demonym", "adj"):
            country = country or entry.country
            name = name or entry.name
        elif atom.kind == "role":
            role = entry.role or entry.code
            inner = next((e.country for e in atom.entries if e.kind == "adj"), None)
            country = country or entry.country or inner
    if code and code.startswith(("IGO", "NGO")):
        return Actor(code=code, country=None, role=None, name=name, text=text, span=span, how=how)
    if code and not role and not country:
        return Actor(code=code, country=None, role=None, name=name, text=text, span=span, how=how)
    if person_name and not country and not role and not code:
        return None  # an unknown person with no affiliation is not yet an actor
    if not country and not role:
        return None
    if code and (not role or code.endswith(role)) and len(code) > 3 and how in ("person", "context"):
        final = code
    elif code and how == "group" and (not role or code[3:6] == role):
        final = code  # three-level group codes stay whole: IMGMUSISI
    else:
        final = (country or "---") + (role or "")
    display = person_name or name or (ctx.lexicon.country_names.get(country) if country else None)
    return Actor(code=final, country=country, role=role, name=display, text=text, span=span, how=how)
