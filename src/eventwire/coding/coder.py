"""The coder: parsed sentences + actor mentions -> CAMEO events with modality, date and place.

Six steps per sentence, as the field's coders decompose it: find actor chunks, resolve them,
find predicates in the lexicon, fill the source/target slots from the parse, settle modality
(and the intent/refusal/threat codes it implies), then date and place the event.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, replace
from datetime import date

from ..actors.lexicon import ActorLexicon, load_lexicon
from ..actors.lexicon import norm_key
from ..actors.mentions import Chunk, adjective_countries, find_chunks_and_places, load_references
from ..actors.resolve import PERSON_ATOMS, DocumentContext, chunk_text, resolve_chunk, with_text
from ..model import Actor, Document, Event, ParsedSentence, Token, Trigger, content_id
from .dating import DocumentClock, date_event
from .lexicon import EventLexicon, Pattern, load_event_lexicon
from .locating import Locator
from .conventions import (CIVIL_RESTRICTIONS, CROWD_ROLES, SECURITY_ROLES, STATE_ROLES, attempted, code_for_agent,
                          code_for_settled, implied_actor, localised, mass_killing, own_government, protest_code,
                          solo_exercise)
from .modality import Modality, forms, modality_of, modality_words, purpose_governor
from .syntax import View, quantifier_heads, syntax_words, worded_by_document
from .tables import appeal_code, demand_code, describe, intent_code, refusal_code, threat_code


def norm_key_words(text: str) -> list[str]:
    return [norm_key(w) for w in text.split()]


# Roots whose action lands on the country where it happens (visits, aid, force, violence)
PLACE_TARGET_ROOTS = frozenset({"04", "06", "07", "15", "17", "18", "19", "20"})
# ... and codes that carry such an action: claiming responsibility for an attack in Kenya targets Kenya
PLACE_TARGET_CODES = frozenset({"015"})
# empathetic comments and condolences, addressed to the victims where the tragedy happened
SYMPATHY = frozenset({"016", "018"})
# Agents that act against their own country ("M23 rebels seized Goma" -> COD)
NON_STATE_ROLES = frozenset({"REB", "INS", "SEP", "UAF", "OPP", "CRM"})


@dataclass(frozen=True, slots=True)
class CoderResources:
    lang: str
    actors: ActorLexicon
    events: EventLexicon
    locator: Locator

    @classmethod
    def load(cls, lang: str, user_actor_files: tuple[str, ...] = (),
             remembered: tuple[tuple[str, str], ...] = ()) -> "CoderResources":
        return cls(lang, load_lexicon(lang, user_actor_files, remembered), load_event_lexicon(lang), Locator.load())


@dataclass(frozen=True, slots=True)
class Found:
    """An event before dating and placing."""

    pattern: Pattern
    predicate: int
    source: Actor
    target: Actor | None
    code: str
    modality: Modality
    trigger_tokens: tuple[int, ...]


class SentenceActors:
    """The actor chunks of one sentence, resolved once, looked up by token."""

    def __init__(self, sentence: ParsedSentence, view: View, ctx: DocumentContext, locator: Locator | None = None):
        self.sentence = sentence
        self.view = view
        self.city_phrases = locator.city_phrases(view) if locator is not None else set()
        self.chunks, self.geo_names = find_chunks_and_places(sentence, ctx.lexicon)
        self.adjectives = adjective_countries(sentence, ctx.lexicon)
        self.names = ctx.lexicon.country_names
        self.resolved: dict[int, tuple[Actor, ...]] = {}
        self.subject_person: Actor | None = None
        self.subject_actor: Actor | None = None
        subject_token: int | None = None
        for number, chunk in enumerate(self.chunks):
            actors = resolve_chunk(chunk, sentence, ctx, subject_person=self.subject_person,
                                   speaker=self.subject_person or ctx.last_person, subject_actor=self.subject_actor)
            if subject_token is not None and self.is_plural_pronoun(chunk):
                actors = self.coordinated_subject(subject_token, chunk) or actors
            if self.names_a_community(chunk):
                actors = tuple(community(a) for a in actors)
            if self.is_mere_modifier(chunk):
                actors = ()
            # "an air strike that killed seven aid workers": a weapon says whose force fired it only
            # with a nationality ("an Israeli air strike"); alone it names nobody
            actors = tuple(a for a in actors if not a.code.startswith("---") or not self.is_instrument(a))
            self.resolved[number] = actors
            if actors and self.is_subject(chunk) and any(a.kind in PERSON_ATOMS for a in chunk.atoms):
                self.subject_person = actors[0]
            if actors and self.is_subject(chunk) and not chunk.has("pronoun") and not chunk.has("group-pronoun"):
                self.subject_actor = actors[0]
                subject_token = next(i for i in range(chunk.start, chunk.end)
                                     if view.tok(i).dep in ("nsubj", "nsubj:pass"))
        self.share_role_across_complements()

    def share_role_across_complements(self) -> None:
        """'the foreign ministers of Armenia and Azerbaijan', 'les ministres de l'Arménie et de
        l'Azerbaïdjan': the role belongs to every coordinated country, so the chunk stands for all."""
        for number, chunk in enumerate(self.chunks):
            kinds = [a.kind for a in chunk.atoms]
            found = self.resolved.get(number, ())
            if kinds[:1] != ["role"] or "name" not in kinds[1:] or len(found) != 1 or not found[0].role:
                continue
            holder = found[0]
            shared = []
            members = [m for i in range(chunk.start, chunk.end) for m in self.view.conjuncts(i) if m.i >= chunk.end]
            for member in dict.fromkeys(members):
                other = self.chunk_at(member.i)
                if other is None or other == number or [a.kind for a in self.chunks[other].atoms] != ["name"]:
                    continue
                for country_actor in self.resolved.get(other, ()):
                    if country_actor.country and not country_actor.role:
                        shared.append(replace(country_actor, code=country_actor.country + holder.role,
                                              role=holder.role))
                self.resolved[other] = ()
            if shared:
                self.resolved[number] = (holder, *shared)

    def is_mere_modifier(self, chunk: Chunk) -> bool:
        """'military exercises', 'des exercices militaires': a role word used as an adjective of a
        thing is no actor (a nationality adjective is handled on its own, see adjective_target)."""
        if len(chunk.atoms) != 1 or chunk.atoms[0].kind != "role" or chunk.end - chunk.start != 1:
            return False
        tok = self.view.tok(chunk.start)
        head = self.view.head(tok.i)
        # "paramilitary Rangers": the adjective of a named force is still that force
        return tok.pos == "ADJ" and tok.dep == "amod" and (head is None or not head.text[:1].isupper())

    def names_a_community(self, chunk: Chunk) -> bool:
        markers = load_references(self.sentence.lang).ethnic_markers
        near = range(max(0, chunk.start - 2), min(len(self.view.tokens), chunk.end + 2))
        return any(self.view.tok(i).text.lower() in markers for i in near)

    def is_plural_pronoun(self, chunk: Chunk) -> bool:
        plural = load_references(self.sentence.lang).plural_pronouns
        return chunk.has("group-pronoun") and self.view.tok(chunk.start).text.lower() in plural

    def coordinated_subject(self, subject_token: int, pronoun: Chunk) -> tuple[Actor, ...]:
        """'Obama and Putin said they will ...': 'they' is every member of the coordinated subject."""
        members = [subject_token] + [t.i for t in self.view.conjuncts(subject_token)]
        if len(members) < 2:
            return ()
        found: list[Actor] = []
        for member in members:
            number = self.chunk_at(member)
            if number is not None and number in self.resolved:
                found.extend(self.resolved[number])
        text, span = chunk_text(self.sentence, pronoun)
        return tuple(with_text(a, text, span, "pronoun") for a in dict.fromkeys(found)) if len(found) > 1 else ()

    def state_countries(self) -> tuple[str, ...]:
        """Countries of the state actors named in the sentence ('le gouvernement israélien')."""
        return tuple(dict.fromkeys(a.country for found in self.resolved.values() for a in found
                                   if a.country and a.role in STATE_ROLES))

    def countries(self) -> tuple[str, ...]:
        """Countries named in the sentence ('the eastern Ukrainian town of Avdiivka'): place hints."""
        return tuple(a.country for found in self.resolved.values() for a in found if a.country)

    def is_subject(self, chunk: Chunk) -> bool:
        return any(self.view.tok(i).dep in ("nsubj", "nsubj:pass") for i in range(chunk.start, chunk.end))

    def chunk_at(self, i: int) -> int | None:
        for number, chunk in enumerate(self.chunks):
            if chunk.covers(i):
                return number
        return None

    def actors_for(self, token: Token, acting: bool = True) -> tuple[Actor, ...]:
        """The actors a slot token stands for, expanding coordination ('la Chine et la Russie').
        A weapon stands for the force that fires it only as the one acting ('Russian missiles struck')."""
        members = self.listed_members(token) or [token] + self.view.conjuncts(token.i)
        found: list[Actor] = []
        for member in members:
            if not acting and member.i in self.city_phrases and member.dep not in ("obl:arg", "iobj"):
                continue  # "a appelé à Caracas au départ de …": a city named as a place is not addressed
            in_np = [a for a in self.actors_in_np(member) if acting or not self.is_instrument(a)]
            if not in_np and not acting:
                in_np = self.adjective_target(member)
            found.extend(in_np)
        return tuple(dict.fromkeys(found))

    def listed_members(self, token: Token) -> list[Token]:
        """'quatorze factions, dont le Hamas et le Fatah', 'several countries, including Canada and
        Germany': the named members act, not the group word."""
        inclusion = syntax_words(self.sentence.lang, "inclusion_markers")
        for kid in self.view.children(token.i):
            marked = kid.case in inclusion or any(k.text.lower() in inclusion for k in self.view.children(kid.i))
            if marked and kid.pos in ("PROPN", "NOUN") and self.chunk_at(kid.i) is not None:
                return [kid] + self.view.conjuncts(kid.i)
        return []

    def adjective_target(self, token: Token) -> list[Actor]:
        """'rejected an Israeli proposal', 'pilonné des positions ukrainiennes': the thing acted on
        belongs to the country its adjective names."""
        for i in sorted(self.view.np_tokens(token.i)):
            country = self.adjectives.get(i)
            if country and self.view.tok(i).head == token.i:
                tok = self.view.tok(i)
                return [Actor(code=country, country=country, role=None, name=self.names.get(country, country),
                              text=tok.text, span=(tok.idx, tok.end), how="adjective")]
        return []

    def is_instrument(self, actor: Actor) -> bool:
        instruments = load_references(self.sentence.lang).instruments
        return any(word in instruments for word in norm_key_words(actor.text))

    def actors_in_np(self, token: Token) -> tuple[Actor, ...]:
        number = self.chunk_at(token.i)
        if number is not None:
            return self.resolved[number]
        np = self.view.np_tokens(token.i)
        for number, chunk in enumerate(self.chunks):
            if any(i in np for i in range(chunk.start, chunk.end)):
                return self.resolved[number]
        return ()

    def actors_in(self, indices: set[int], exclude: set[str], avoid: frozenset[int] | set[int] = frozenset()) -> list[Actor]:
        result = []
        for number, chunk in enumerate(self.chunks):
            span = range(chunk.start, chunk.end)
            if any(i in indices for i in span) and not any(i in avoid for i in span):
                result.extend(a for a in self.resolved[number] if a.code not in exclude)
        return result


def code_sentences(document: Document, sentences: tuple[ParsedSentence, ...], resources: CoderResources,
                   occasion_dates: bool = True) -> tuple[Event, ...]:
    publication = date.fromisoformat(document.publication.date) if document.publication.date else None
    ctx = DocumentContext(lexicon=resources.actors, on=publication)
    clock = DocumentClock(publication=publication, year_known=document.publication.year_known,
                          use_occasion=occasion_dates)
    dateline = resources.locator.dateline(document.text)
    events: list[Event] = []
    for sentence in sentences:
        view = View(sentence, resources.events.verbs)
        actors = SentenceActors(sentence, view, ctx, resources.locator)
        found = find_events(view, actors, resources)
        for item in found:
            event = settle_unknown_countries(finish_event(item, document, sentence, view, actors, resources,
                                                          clock, dateline), actors.state_countries(),
                                             speaker_country(view, actors, item))
            if event is not None:
                events.append(event)
        remember_main_subject(view, actors, ctx)
    return tuple(dedupe(events))


def remember_main_subject(view: View, actors: SentenceActors, ctx: DocumentContext) -> None:
    """'il' in the next sentence is the person who was the subject of a main or reporting clause."""
    words = modality_words(view.sentence.lang)
    for tok in view.tokens:
        main = tok.head == tok.i or tok.dep == "parataxis" or tok.lemma in words.reporting
        if not main:
            continue
        for subj in view.own_subjects(tok.i):
            number = actors.chunk_at(subj.i)
            if number is None:
                continue
            chunk = actors.chunks[number]
            resolved = actors.resolved[number]
            if resolved and (any(a.kind in PERSON_ATOMS for a in chunk.atoms) or chunk.has("pronoun")):
                ctx.last_person = resolved[0]


# ------------------------------------------------------------------ finding events

SCORE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")


def non_political(view: View) -> bool:
    """Sport, weather, markets: 'Germany and Spain meet in the quarter-final' is not diplomacy, nor
    is 'Brazil beat Argentina 3-1'. A stadium or the Olympics is sport only with a contest in the
    sentence: a competition verb followed by a score."""
    cue_words = modality_words(view.sentence.lang)
    words = {t.text.lower() for t in view.tokens} | {t.lemma.lower() for t in view.tokens}
    text = view.sentence.text.lower()

    def said(cues: frozenset[str]) -> bool:
        return any(cue in words if " " not in cue else cue in text for cue in cues)

    if said(cue_words.non_political):
        return True
    return scored_contest(view, cue_words) or said(cue_words.venues) and bool(words & cue_words.competition)


def scored_contest(view: View, cue_words) -> bool:
    """'beat Argentina 3-1', 'a battu l'Espagne 2 à 0': a competition verb with a score a few words
    after it; a range elsewhere ('arrested 10-15 activists', 'les 12-13 juin') is no score."""
    tokens = view.tokens
    for i, tok in enumerate(tokens):
        if tok.lemma.lower() not in cue_words.competition and tok.text.lower() not in cue_words.competition:
            continue
        window = tokens[i + 1:i + 6]
        for j, near in enumerate(window):
            joined = near.text.isdigit() and j + 2 < len(window) and window[j + 1].text.lower() in cue_words.score_joiners \
                and window[j + 2].text.isdigit()
            if SCORE.match(near.text) or joined:
                return True
    return False


def find_events(view: View, actors: SentenceActors, resources: CoderResources) -> list[Found]:
    if non_political(view):
        return []
    found: list[Found] = []
    lexicon = resources.events
    coded_verbs: set[int] = set()
    for tok in view.tokens:
        verb_patterns = lexicon.verbs.get(verb_lemma(tok, lexicon)) if acts_as_verb(view, tok) else None
        if verb_patterns:
            events = code_verb(view, actors, tok, verb_patterns)
            if events:
                coded_verbs.add(tok.i)
            found.extend(events)
    found = [blamed_for_the_act(view, actors, lexicon, item) for item in found]
    for tok in view.tokens:
        noun = nominal_lemma(tok, lexicon)
        if noun and tok.head not in coded_verbs and tok.i not in coded_verbs:
            events = code_noun(view, actors, tok, lexicon.nouns[noun], resources)
            if events:
                coded_verbs.add(tok.i)  # "la suspension de leur aide": the aid is not a second event
            found.extend(events)
    found.extend(demands(view, actors, found))
    found.extend(permissions(view, actors, found))
    claims = claims_of_own_acts(view, actors, found)
    claimed_by = {c.predicate for c in claims}
    # "a reconnu avoir tué dix civils": the claiming verb's own lexicon reading (recognition) gives way
    found = [f for f in found if f.predicate not in claimed_by] + claims
    found = demand_clauses(view, actors, found)
    found = specific_appeals(found)
    found = specific_codes_only(found)
    found = obligations_are_not_acts(view, found)
    found.extend(unlexicalised_demands(view, actors, found))
    found = wishes_for_others(view, actors, found)
    found = protest_purposes(view, found)
    found = drop_attributions(view, actors, found)
    if not found:
        found.extend(stance_events(view, actors))
    if not found:
        found.extend(statement_events(view, actors))
    return best_of_sentence(drop_governors(drop_consequences(view, found)))


def protest_purposes(view: View, found: list[Found]) -> list[Found]:
    """'des milliers de manifestants ont réclamé la démission', 'protesters gathered to demand the
    president's resignation': what protesters demand, or a crowd gathers to demand, is a demonstration
    for it (104x -> 141x)."""
    result = list(found)
    for item in found:
        if not item.code.startswith("10") or item.source.role not in CROWD_ROLES:
            continue
        if item.modality.kind in ("asserted", "reported") and demanded_by_protesters(view, item):
            result[result.index(item)] = replace(item, code=protest_code(item.code))
        elif item.modality.kind == "hypothetical":
            result = demonstrate_for(view, item, result)
    return result


def demanded_by_protesters(view: View, item: Found) -> bool:
    protesters = load_references(view.sentence.lang).protesters
    return bool(set(norm_key_words(item.source.text)) & protesters)


def demonstrate_for(view: View, item: Found, result: list[Found]) -> list[Found]:
    """The demand is the purpose of a gathering: it says what the march already coded was for, or,
    with no march coded, it is the demonstration."""
    gathering = purpose_governor(view, item.predicate, modality_words(view.sentence.lang))
    if gathering is None:
        return result
    code = protest_code(item.code)
    result = [f for f in result if f is not item]
    coded = [f for f in result if f.predicate == gathering.i and f.code[:2] == "14"]
    if not coded:
        return result + [replace(item, code=code, modality=Modality("asserted"), predicate=gathering.i)]
    return [replace(f, code=code) if f in coded and f.code in ("140", "141") else f for f in result]


def drop_attributions(view: View, actors: SentenceActors, found: list[Found]) -> list[Found]:
    """'…, a indiqué l'armée israélienne', 'the ministry said': a reporting verb whose lexicon code is
    a plain statement (010) only attributes what the sentence reports; it is an event of its own only
    when nothing else is coded and what is said involves no other actor (see statement_events)."""
    words = modality_words(view.sentence.lang)

    def attribution(f: Found) -> bool:
        verb = view.tok(f.predicate)
        return f.pattern.code == "010" and bool(forms(verb) & words.reporting)

    others = [f for f in found if not attribution(f)]
    kept = []
    for f in found:
        if attribution(f) and (others or speaks_of_others(view, actors, view.tok(f.predicate), (f.source,))):
            continue
        kept.append(f)
    return kept


def drop_consequences(view: View, found: list[Found]) -> list[Found]:
    """'shelled the city, killing eight people', 'ont ouvert le feu, tuant trois personnes': the toll of
    an attack already coded is part of that attack, not a second event."""
    violent = {f.predicate for f in found if f.code[:2] in VIOLENT_ROOTS}
    return [f for f in found if not (f.code[:2] in VIOLENT_ROOTS and
                                     (is_participle_of(view, f.predicate, violent) or caused_by(view, f.predicate, violent)))]


def caused_by(view: View, i: int, events: set[int]) -> bool:
    """'the Russian shelling of Kharkiv killed 12', 'les frappes sur Gaza ont tué 20 personnes': the
    deaths are the toll of the attack that is the verb's subject."""
    return any(s.i in events for s in view.own_subjects(i))


def is_participle_of(view: View, i: int, heads: set[int]) -> bool:
    tok = view.tok(i)
    return present_participle(tok) and tok.dep in ("advcl", "xcomp", "conj") and tok.head in heads and tok.head != i


def present_participle(tok: Token) -> bool:
    """'killing', 'tuant' (by morphology: a spelling test would also catch 'bring')."""
    return tok.feat("VerbForm") == "Ger" or (tok.feat("VerbForm") == "Part" and tok.feat("Tense") == "Pres")


def stance_events(view: View, actors: SentenceActors) -> list[Found]:
    """'Abiy Ahmed s'est dit optimiste', 'the EU remains concerned': a stance stated by an actor
    (CAMEO 012/013/018/110) when the sentence holds no better event."""
    words = modality_words(view.sentence.lang)
    stances = dict(words.stances)
    for tok in view.tokens:
        code = stances.get(tok.lemma) or stances.get(tok.text.lower())
        if code is None or tok.pos not in ("ADJ", "VERB", "NOUN"):
            continue
        head = view.head(tok.i)
        verb = head if head is not None and head.pos in ("VERB", "AUX") else None
        if verb is None and head is not None:  # "s'est dit jeudi « optimiste »": hung on the weekday
            grand = view.head(head.i)
            verb = grand if grand is not None and grand.pos in ("VERB", "AUX") else None
        if verb is None or not forms(verb) & words.stance_verbs:
            # a copular adjective is its own head: "the EU is concerned"
            if not any(k.dep == "cop" for k in view.children(tok.i)):
                continue
            verb = tok
        if modality_of(view, verb.i, view.sentence.lang).kind in ("negated", "hypothetical"):
            continue
        sources = tuple(a for s in view.subjects(verb.i) for a in actors.actors_for(s) if not a.code.startswith("---"))
        if sources:
            pattern = Pattern(lemma=tok.lemma, code=code, source=("subj",), target=(),
                              rule=f"{view.sentence.lang}/stance/{tok.lemma}")
            return [Found(pattern, verb.i, s, None, code, Modality("asserted"), (verb.i, tok.i)) for s in sources[:2]]
    return []


def obligation_reporter(view: View, predicate: int) -> Token | None:
    """The reporting verb over 'Y must V' / 'Y doit V', when the obligation is the reporter's."""
    words = modality_words(view.sentence.lang)
    tok = view.tok(predicate)
    obligation = words.obligation
    must = False
    current = tok
    for _ in range(3):
        must = must or any(k.dep.startswith("aux") and k.text.lower() in obligation for k in view.children(current.i)) \
            or mandative_subjunctive(view, current)
        head = view.head(current.i)
        if head is None:
            return None
        if current.dep == "xcomp" and forms(head) & obligation:
            must, current = True, head
            continue
        if current.dep == "ccomp" and must and forms(head) & words.reporting:
            return head
        current = head
    return None


def mandative_subjunctive(view: View, tok: Token) -> bool:
    """'insisted that the government release the prisoners', 'exige que Paris retire': a clause in
    the subjunctive (in English, a bare verb with its own subject) says what must be done."""
    if tok.dep != "ccomp" or not view.own_subjects(tok.i) or \
            any(k.dep.startswith("aux") or k.dep == "cop" for k in view.children(tok.i)):
        return False  # "était impatient de": the French model reads the adjective as a subjunctive
    return tok.feat("Mood") == "Sub" or (view.sentence.lang == "en" and tok.pos == "VERB" and tok.feat("VerbForm") == "Inf")


def addressed(view: View, governor: Token, source: Actor, target: Actor | None, code: str, kind: str,
              predicate: int) -> Found:
    """An event the governing verb's subject addresses to another about what it should do: a demand
    ('X said Y must …') or an appeal ('X wants Y to …'), coded on the governing verb."""
    pattern = Pattern(lemma=governor.lemma, code=code, source=("subj",), target=(),
                      rule=f"{view.sentence.lang}/{kind}/{governor.lemma}")
    return Found(pattern, governor.i, source, target, code, Modality("asserted"), (governor.i, predicate))


def asked_code(act: Found, table) -> str:
    """What demanding, wanting or urging `act` is coded as (a demand, appeal… table over codes): read
    from the act's own lexicon code, before intent, threat or agent conventions reshaped it."""
    return table(act.pattern.code)


def demands(view: View, actors: SentenceActors, found: list[Found]) -> list[Found]:
    """'China declared that Japan must withdraw', 'Paris a estimé que Moscou devait négocier': the
    speaker demands the act of the one who must do it (CAMEO 10)."""
    extra = []
    for item in found:
        if item.modality.kind not in ("hypothetical", "intended", "asserted", "reported"):
            continue
        reporter = obligation_reporter(view, item.predicate)
        if reporter is None:
            continue
        for subj in view.subjects(reporter.i):
            for speaker in actors.actors_for(subj):
                if speaker.code != item.source.code:
                    extra.append(addressed(view, reporter, speaker, item.source, asked_code(item, demand_code),
                                           "demand", item.predicate))
    return extra


def permissions(view: View, actors: SentenceActors, found: list[Found]) -> list[Found]:
    """'Iran allowed UN inspectors to visit the site', 'la junte a autorisé l'opposant à quitter le
    pays': letting another actor act is yielding to it (CAMEO 08): 086 when the one let in is foreign
    or international, 081 (easing a restriction) when it is one's own. Lexicon entries for the verb
    ('allow the return of …') come first."""
    words = modality_words(view.sentence.lang)
    coded = {f.predicate for f in found}
    result = []
    for tok in view.tokens:
        if tok.i in coded or tok.pos != "VERB" or not forms(tok) & words.permission:
            continue
        clauses = [k for k in view.children(tok.i) if k.dep in ("ccomp", "xcomp") and k.pos == "VERB"]
        if not clauses:
            continue
        allowed_tokens = view.own_subjects(clauses[0].i) or view.objects(tok.i) or \
            [k for k in view.children(tok.i) if k.dep in ("iobj", "obl:arg")]
        allowed = tuple(dict.fromkeys(a for t in allowed_tokens for a in actors.actors_for(t, acting=False)))
        sources = tuple(a for s in view.subjects(tok.i) for a in actors.actors_for(s) if not actors.is_instrument(a))
        for source in sources:
            # letting one's own organs act ("allowed its troops to stay") yields to nobody
            targets = tuple(a for a in allowed if a.code != source.code and not
                            (a.role in STATE_ROLES and a.country in (source.country, None)))
            if not targets:
                continue
            foreign = any(a.code.startswith(("IGO", "NGO")) or (a.country and source.country and a.country != source.country)
                          for a in targets)
            pattern = Pattern(lemma=tok.lemma, code="086" if foreign else "081", source=("subj",), target=(),
                              rule=f"{view.sentence.lang}/permission/{tok.lemma}")
            result.extend(build(view, tok, pattern, (source,), targets, (tok.i,)))
    return result


def claims_of_own_acts(view: View, actors: SentenceActors, found: list[Found]) -> list[Found]:
    """'Hamas claimed it had fired rockets at Tel Aviv', 'l'armée a reconnu avoir tué dix civils':
    an actor claiming or admitting its own violent act takes responsibility for it (015)."""
    words = modality_words(view.sentence.lang)
    judged = {f.predicate for f in found if f.code.startswith("11")}
    result = []
    for item in found:
        if item.code[:2] not in ("17", "18", "19", "20") or item.modality.kind not in ("reported", "asserted", "hypothetical"):
            continue
        current = view.tok(item.predicate)
        for _ in range(2):
            head = view.head(current.i)
            if head is None or current.dep not in ("ccomp", "xcomp"):
                break
            if forms(head) & words.claiming:
                speakers = [a for s in view.subjects(head.i) for a in actors.actors_for(s)]
                own = [a for a in speakers if a.code == item.source.code or
                       (a.country and item.source.country in (a.country, None))]  # "its troops" are its own
                if own:
                    claimant = item.source if item.source.country else own[0]  # "its troops": the speaker's
                    result.append(addressed(view, head, claimant, item.target, "015", "claim", item.predicate))
                elif forms(head) & words.accusation and head.i not in judged and item.source.country:
                    # "Russia claimed that Ukraine had attacked Belgorod": an accusation, the attack alleged
                    result.extend(addressed(view, head, speaker, item.source, "112", "accusation", item.predicate)
                                  for speaker in speakers if speaker.country)
                    judged.add(head.i)
                break
            current = head
    return result


def specific_appeals(found: list[Found]) -> list[Found]:
    """'France urged Israel to halt its offensive': a bare appeal (020) takes the code of the act it
    asks the addressee to do (02x mirrors 03x), as the demands do."""
    result = []
    for item in found:
        if item.code == "020" and item.target is not None:
            asked = [f for f in found if f.modality.governor == item.predicate and f.predicate != item.predicate
                     and f.source.code == item.target.code]
            if asked:
                item = replace(item, code=asked_code(asked[0], appeal_code))
        result.append(item)
    return result


def demand_clauses(view: View, actors: SentenceActors, found: list[Found]) -> list[Found]:
    """'Kenya reiterated its demand that Somalia withdraw its troops', 'sa demande que Moscou
    retire ses troupes': a demand noun's content clause names who is to act (the target) and what
    is demanded (the code), in place of whatever the noun's own slots picked up."""
    result = []
    for item in found:
        clause = demand_content_clause(view, item) if item.code.startswith("10") else None
        if clause is None:
            result.append(item)
            continue
        doers = [a for s in view.own_subjects(clause.i) for a in actors.actors_for(s) if a.code != item.source.code]
        acts = [f for f in found if f.predicate == clause.i and f.source in doers]
        if acts:
            result.extend(replace(item, target=act.source, code=asked_code(act, demand_code)) for act in acts)
        else:
            result.extend([replace(item, target=doer) for doer in doers] or [item])
    return result


def demand_content_clause(view: View, item: Found) -> Token | None:
    """The 'that …' clause of a demand noun in the trigger, when it has a subject of its own."""
    marks = modality_words(view.sentence.lang).content_marks
    for i in item.trigger_tokens:
        if view.tok(i).pos != "NOUN":
            continue
        for child in view.children(i):
            if child.dep in ("acl", "ccomp") and view.own_subjects(child.i) and \
                    any(k.dep == "mark" and k.text.lower() in marks for k in view.children(child.i)):
                return child
    return None


# the bare code of a root that a more precise code of the same root makes redundant
BARE_CODES = frozenset({"100", "030", "020"})


def specific_codes_only(found: list[Found]) -> list[Found]:
    """'reiterated its demand that Israel ease restrictions', 'expressed a desire to improve ties':
    the noun's bare demand or intent (100, 030) says less than the one its clause spells out (1051,
    032), so the pair keeps only the latter."""
    def key(f: Found) -> tuple:
        return f.source.code, f.target.code if f.target else None, f.code[:2], f.modality.kind
    specific = {key(f) for f in found if f.code not in BARE_CODES}
    return [f for f in found if f.code not in BARE_CODES or key(f) not in specific]


def wishes_for_others(view: View, actors: SentenceActors, found: list[Found]) -> list[Found]:
    """'Obama wants Putin to attack Switzerland', 'Paris souhaite que Téhéran revienne à la table': what
    X wants another actor to do is X's appeal to that actor (CAMEO 02x); the act itself has not happened."""
    wishes = modality_words(view.sentence.lang).wish
    result = []
    for item in found:
        governor = view.tok(item.modality.governor) if item.modality.governor is not None else None
        if item.modality.kind != "intended" or governor is None or governor.i == item.predicate \
                or not forms(governor) & wishes:
            result.append(item)
            continue
        wishers = [a for s in view.subjects(governor.i) for a in actors.actors_for(s)]
        if not wishers or any(a.code == item.source.code for a in wishers):
            result.append(item)  # 'Russia wants to meet': the speaker's own intention
            continue
        result.append(replace(item, modality=Modality("hypothetical", governor=governor.i)))
        code = asked_code(item, appeal_code)
        result.extend(addressed(view, governor, wisher, item.source, code, "appeal", item.predicate)
                      for wisher in dict.fromkeys(wishers))
    return result


def obligations_are_not_acts(view: View, found: list[Found]) -> list[Found]:
    """What a speaker says another must do ('said the US must be ready to mediate') is demanded, not
    intended or done: the demand carries the event (see demands)."""
    kept = []
    for item in found:
        if item.modality.kind in ("intended", "asserted", "reported") and obligation_reporter(view, item.predicate) is not None:
            item = replace(item, modality=Modality("hypothetical", governor=item.modality.governor))
        kept.append(item)
    return kept


def unlexicalised_demands(view: View, actors: SentenceActors, found: list[Found]) -> list[Found]:
    """'declared that China must drop barriers to U.S. exports': a demand (100) even when the
    lexicon does not know what is demanded."""
    extra = []
    demanded = {(f.source.code, f.target.code if f.target else None) for f in found if f.code.startswith("10")}
    for tok in view.tokens:
        head = view.head(tok.i)
        if tok.pos not in ("VERB", "AUX", "ADJ") or tok.dep != "ccomp" or head is None \
                or any(f.predicate == tok.i for f in found):
            continue
        reporter = obligation_reporter(view, tok.i)
        if reporter is None or reporter.i != head.i:
            continue  # only the clause the reporter governs itself
        targets = [a for subj in view.own_subjects(tok.i) for a in actors.actors_for(subj)]
        speakers = [a for subj in view.subjects(reporter.i) for a in actors.actors_for(subj)]
        for speaker in speakers:
            for target in targets:
                if target.code == speaker.code or (speaker.code, target.code) in demanded:
                    continue
                extra.append(addressed(view, reporter, speaker, target, "100", "demand", tok.i))
                demanded.add((speaker.code, target.code))
    return extra


def drop_governors(found: list[Found]) -> list[Found]:
    """'a refusé de rencontrer' is one event (125), not also a bare 'refuse' (120); the same for
    threats and promises that already shaped the embedded action's code."""
    shaping = {f.modality.governor for f in found if f.modality.transform and f.modality.governor != f.predicate}
    return [f for f in found if f.predicate not in shaping]


JUDGING_ROOTS = ("11", "12")
HARMFUL_ROOTS = ("15", "16", "17", "18", "19", "20")
# acts only a state in power does where they happen (arrests, expulsions, bans): with no agent
# named, the country they were done in did them; a killing in Gaza may be anybody's
STATE_ACT_ROOTS = ("15", "16", "17")


def blamed_for_the_act(view: View, actors: SentenceActors, lexicon: EventLexicon, item: Found) -> Found:
    """'Paris a condamné l'arrestation d'un chercheur français en Iran', 'condemned the killing of
    two journalists by the militia': what is condemned is the act, so the target is whoever did it
    (its 'par/by' agent or possessor) or, unnamed, the state where it was done, not its victim."""
    # only lexicon readings (a rule name) say which slot holds what is judged; rule-made events do not
    if not item.pattern.rule or item.code[:2] not in JUDGING_ROOTS or "obj" not in item.pattern.target[:1]:
        return item
    for obj in view.objects(item.predicate):
        patterns = lexicon.nouns.get(obj.lemma, ())
        if obj.pos != "NOUN" or not any(p.code[:2] in HARMFUL_ROOTS for p in patterns):
            continue
        agents = named_in_phrase(view, actors, obj, "agent_prepositions") or \
            actors_for_slots(view, actors, obj, ("poss",), None) or tuple(actors.adjective_target(obj)) or \
            (tuple(a for a in named_in_phrase(view, actors, obj, "done_in") if a.role is None)
             if any(p.code[:2] in STATE_ACT_ROOTS for p in patterns) else ())
        agents = tuple(a for a in agents if a.code != item.source.code)
        if agents:
            return replace(item, target=agents[0])
    return item


def named_in_phrase(view: View, actors: SentenceActors, noun: Token, key: str) -> tuple[Actor, ...]:
    """The actors introduced by one of the prepositions listed under `key`, anywhere in the act's
    noun phrase: the parser hangs 'par la junte' or 'en Iran' on the nearest noun."""
    prepositions = syntax_words(view.sentence.lang, key)
    for i in sorted(view.subtree(noun.i)):
        tok = view.tok(i)
        if tok.case in prepositions:
            found = actors.actors_in_np(tok)
            if found:
                return found
    return ()


def nominal_lemma(tok: Token, lexicon: EventLexicon) -> str | None:
    """The noun lexicon's lemma for an event noun; a gerund the parser tags as a verb in subject
    position ('Fighting between the army and M23 rebels continued') is read as the noun."""
    if tok.pos in ("NOUN", "PROPN") and tok.lemma in lexicon.nouns:
        return tok.lemma
    if tok.pos == "VERB" and tok.dep in ("nsubj", "nsubj:pass") and tok.text.lower() in lexicon.nouns:
        return tok.text.lower()
    return None


def acts_as_verb(view: View, tok: Token) -> bool:
    """fr_core_news_md tags some present-tense verbs NOUN/ADJ ('signe', 'rencontre') at the root."""
    if tok.pos in ("VERB", "AUX"):
        return tok.dep not in ("amod",)
    return tok.dep == "ROOT" and any(k.dep == "nsubj" for k in view.children(tok.i))


def verb_lemma(tok: Token, lexicon: EventLexicon) -> str:
    """The lexicon's lemma for a verb token, repairing the French model's present-tense lemmas
    ('rencontre' -> 'rencontrer', 'attaqu' -> 'attaquer')."""
    if tok.lemma in lexicon.verbs:
        return tok.lemma
    if lexicon.lang != "fr":
        return next((f for f in sorted(forms(tok)) if f in lexicon.verbs), tok.lemma)
    word = tok.text.lower()
    for candidate in (tok.lemma + "r", tok.lemma + "er", word + "r", word[:-1] + "r" if word.endswith("s") else word,
                      word[:-2] + "r" if word.endswith("nt") else word):
        if candidate in lexicon.verbs:
            return candidate
    return tok.lemma


# statements that are acts in their own right, kept beside the sentence's other events
STANDING_STATEMENTS = frozenset({"015"})


def best_of_sentence(found: list[Found]) -> list[Found]:
    """A plain statement (root 01) is only coded when nothing better applies in the sentence; a
    claim of responsibility is an act of its own and always stays."""
    better = [f for f in found if not f.code.startswith("01") or f.code in STANDING_STATEMENTS]
    return better if better else found


def pattern_holds(view: View, tok: Token, pattern: Pattern) -> bool:
    if pattern.obj:
        # the direct object decides when there is one; obliques stand in only when there is none
        objects = view.objects(tok.i) or [k for k in view.children(tok.i) if k.dep in ("obl:arg", "iobj", "obl")]
        # "questioned former Prime Minister Imran Khan": the title before a name says what the object is
        titled = [k for o in objects for k in view.children(o.i) if k.dep in ("compound", "nn") and o.pos == "PROPN"]
        if not any(o.lemma in pattern.obj or o.text.lower() in pattern.obj for o in objects + titled):
            return False
    if pattern.not_obj and any(o.lemma in pattern.not_obj for o in view.objects(tok.i)):
        return False
    if pattern.prep and not any(view.obliques(tok.i, p) or any(view.obliques(o.i, p) for o in view.objects(tok.i))
                                for p in pattern.prep):
        return False
    if pattern.particle and not has_particle(view, tok, pattern.particle):
        return False
    if pattern.reflexive is not None and view.has_reflexive(tok.i) != bool(pattern.reflexive):
        return False
    return True


def has_particle(view: View, tok: Token, particles: tuple[str, ...]) -> bool:
    """'shot down', 'shot dead': the particle as the verb's dependent, or right after it when the
    parser hangs it elsewhere ('shot dead two soldiers' with 'dead' on the object)."""
    if any(k.dep in ("compound:prt", "advmod", "prep", "acomp", "oprd", "xcomp") and k.lemma in particles
           for k in view.children(tok.i)):
        return True
    following = view.tok(tok.i + 1) if tok.i + 1 < len(view.tokens) else None
    return following is not None and following.lemma in particles and following.pos in ("ADP", "ADV", "ADJ", "PART")


def slot_tokens(view: View, predicate: Token, slot: str, light: Token | None = None) -> list[Token]:
    """Tokens that fill a lexicon slot for this predicate (see docs/data-formats.md)."""
    if "." in slot:
        first, rest = slot.split(".", 1)
        return [t for base in slot_tokens(view, predicate, first, light) for t in slot_tokens(view, base, rest)]
    if slot == "subj":
        return view.subjects(light.i if light else predicate.i)
    if slot == "obj":
        return view.objects(predicate.i)
    if slot == "iobj":
        return [k for k in view.children(predicate.i) if k.dep == "iobj"]
    if slot == "poss":
        return [k for k in view.children(predicate.i)
                if k.dep == "nmod:poss" or (k.dep == "det" and k.feat("Poss") == "Yes")]
    found = list(view.obliques(predicate.i, slot))
    if light is not None:
        found += view.obliques(light.i, slot)
    found = [t for t in found if not absolute_construction(view, t)]
    if predicate.pos in ("VERB", "AUX"):
        for obj in view.objects(predicate.i):  # "imposer des sanctions à la Russie" attached to the noun
            found += view.obliques(obj.i, slot)
    return found


def absolute_construction(view: View, tok: Token) -> bool:
    """'…, with Oman's foreign minister carrying messages': a circumstance, not a participant."""
    return (tok.case or "") in syntax_words(view.sentence.lang, "absolute_prepositions") and any(
        k.dep == "acl" and k.pos == "VERB" and present_participle(k) for k in view.children(tok.i))


def actors_for_slots(view: View, actors: SentenceActors, predicate: Token, slots: tuple[str, ...],
                     light: Token | None = None) -> tuple[Actor, ...]:
    for slot in slots:
        for tok in slot_tokens(view, predicate, slot, light):
            if slot == "poss" and tok.pos == "DET":
                owner = possessor(view, actors, tok, light or predicate)
                if owner:
                    return owner
                continue
            found = actors.actors_for(tok, acting=slot == "subj")
            if found and slot == "subj":
                # "Japan, South Korea, and China held talks": a list parsed as two subjects is one
                others = [a for t in slot_tokens(view, predicate, slot, light) if t.i != tok.i
                          and t.dep in ("nsubj", "nsubj:pass") for a in actors.actors_for(t)]
                return tuple(dict.fromkeys(found + tuple(others)))
            if found:
                return found
    return ()


def possessor(view: View, actors: SentenceActors, det: Token, predicate: Token) -> tuple[Actor, ...]:
    """'sa rencontre avec Lavrov': 'sa' is the subject of the clause the noun sits in."""
    current = predicate
    for _ in range(5):
        head = view.head(current.i)
        if head is None:
            break
        if head.pos in ("VERB", "AUX"):
            for subj in view.subjects(head.i):
                found = actors.actors_for(subj)
                if found:
                    return found
            break
        current = head
    return (actors.subject_person,) if actors.subject_person else ()


def fallback_targets(view: View, actors: SentenceActors, predicate: Token, sources: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """No target in the slots: the first other actor in the predicate's clause or its conjuncts."""
    exclude = {a.code for a in sources}
    stop = {"ccomp", "parataxis", "acl:relcl"}
    indices = view.subtree(predicate.i, stop=stop) - {predicate.i}
    current = predicate
    for _ in range(3):  # "est prête à renforcer la coopération" + "attache ... au partenariat avec la Chine"
        head = view.head(current.i)
        if head is None or current.dep not in ("xcomp", "conj", "advcl"):
            break
        indices |= view.subtree(head.i, stop=stop | {"xcomp"} if current.dep != "conj" else stop)
        current = head
    for kid in view.children(predicate.i, "conj"):
        indices |= view.subtree(kid.i, stop=stop)
    for token in {predicate.i} | {t.i for t in view.tokens if t.i in indices and t.pos in ("VERB", "AUX", "ADJ")}:
        if token != predicate.i and view.tok(token).dep == "acl" and view.is_passive(token) and \
                view.tok(view.tok(token).head).dep not in ("nsubj", "nsubj:pass"):
            continue  # "a rejeté le plan présenté par Trump": the agent of what is acted on is its owner
        for subj in view.own_subjects(token):
            indices -= view.np_tokens(subj.i) | {subj.i}
    clause_subjects = [a for kid in view.children(predicate.i, "ccomp") for subj in view.own_subjects(kid.i)
                       for a in actors.actors_for(subj) if a.code not in exclude]
    if clause_subjects:
        return (clause_subjects[0],)  # "a exigé que Washington cesse …": who is told what to do
    cited = cited_sources(view)
    indices -= actors.city_phrases | cited
    for chunk in actors.chunks:  # "… in Washington.": a city's chunk that swallowed the full stop is still the city
        if all(a.kind == "metonym" for a in chunk.atoms) and any(i in actors.city_phrases for i in range(chunk.start, chunk.end)):
            indices -= set(range(chunk.start, chunk.end))
    found = [a for a in actors.actors_in(indices, exclude, cited) if not actors.is_instrument(a)]  # the missiles fired
    chain = [predicate]
    while chain[-1].dep == "xcomp" and view.head(chain[-1].i) is not None and len(chain) < 3:
        chain.append(view.head(chain[-1].i))  # "a menacé de déclencher une grève si le gouvernement …"
    if not found:
        # "demanded that UN peacekeepers leave", "warned it would retaliate if Finland joined NATO"
        for kid in (k for verb in chain for k in view.children(verb.i, "ccomp", "xcomp", "advcl")):
            for subj in view.own_subjects(kid.i) + [k for k in view.children(kid.i, "advcl") for k in view.own_subjects(k.i)]:
                found.extend(a for a in actors.actors_for(subj) if a.code not in exclude)
    return (found[0],) if found else ()


ENEMY_ROLES = frozenset({"REB", "INS", "SEP", "UAF", "CRM"})


def force_reporting_its_own_strike(view: View, actors: SentenceActors, tok: Token,
                                   pattern: Pattern) -> tuple[Actor, ...]:
    """'Douze terroristes ont été neutralisés près de Gao, a indiqué l'armée malienne', 'twelve
    militants were killed, the army said': a security force reporting armed enemies killed with no
    agent named reports its own operation. (Its own losses, 'deux soldats ont été tués', are not.)"""
    victims = actors_for_slots(view, actors, tok, pattern.target)
    if not victims or not all(v.role in ENEMY_ROLES for v in victims):
        return ()
    words = modality_words(view.sentence.lang)
    tellers: list[Token] = []
    head = view.head(tok.i)
    if head is not None and tok.dep == "ccomp" and forms(head) & words.reporting:
        tellers += view.subjects(head.i)
    for kid in view.children(tok.i, "parataxis"):
        if forms(kid) & words.reporting:
            inverted = view.inverted_subject(kid.i)
            tellers += view.subjects(kid.i) + ([inverted] if inverted is not None else [])
    found = [a for t in tellers for a in actors.actors_for(t)]
    found += [a for i in sorted(cited_sources(view)) if actors.chunk_at(i) is not None
              for a in actors.resolved[actors.chunk_at(i)]]
    return tuple(a for a in dict.fromkeys(found) if a.role in SECURITY_ROLES)[:1]


def cited_sources(view: View) -> set[int]:
    """Tokens of 'selon l'ONU', 'according to the UN': who is quoted, not who is acted on."""
    markers = syntax_words(view.sentence.lang, "attribution_markers")
    cited: set[int] = set()
    for tok in view.tokens:
        head = view.head(tok.i)
        if (tok.case or "").lower() in markers or (head is not None and head.lemma.lower() in markers and head.pos != "NOUN"):
            cited |= view.subtree(tok.i) | {tok.i}
    return cited


def code_verb(view: View, actors: SentenceActors, tok: Token, patterns: tuple[Pattern, ...]) -> list[Found]:
    if tok.dep == "acl" and tok.feat("VerbForm") != "Inf" and not any(view.is_agent(k) for k in view.children(tok.i)) \
            and not worded_by_a_document(view, tok):
        return []  # "les normes généralement reconnues": a description, not an action
    if circumstance(view, tok):
        return []  # "declined to comment when asked about …": the setting of the act, not an act
    for pattern in patterns:
        if not pattern_holds(view, tok, pattern):
            continue
        sources = actors_for_slots(view, actors, tok, pattern.source)
        if not sources and pattern.code[:2] in VIOLENT_ROOTS and not accidental(view):
            sources, means_code = unidentified_attacker(view, actors, tok)
            if means_code and pattern.code in MEANS_DECIDE:
                pattern = replace(pattern, code=means_code)
        if not sources and pattern.code[:2] in VIOLENT_ROOTS and view.is_passive(tok.i):
            sources = force_reporting_its_own_strike(view, actors, tok, pattern)
        if not sources and pattern.code[:2] in ("18", "20") and view.is_passive(tok.i) and tok.dep in MAIN_CLAUSE \
                and not accidental(view):
            # "a été assassiné mercredi", "tuée par un assaillant": nobody the lexicon knows did it
            sources = (implied_actor(None, "UAF", "unnamed"),)
        if not sources and pattern.code[:2] == "17" and view.is_passive(tok.i) and tok.dep in MAIN_CLAUSE:
            # "trois opposants ont été arrêtés à Conakry", "was detained in Iran": arrests, expulsions
            # and sentences are the acts of the state where they happen (its country is settled from the place)
            sources = (implied_actor(None, "GOV", "state"),)
        if not sources:
            return []
        if len(sources) > 1 and acts_on_one_another(view, tok):
            return build(view, tok, replace(pattern, reciprocal=True), sources, (), (tok.i,))
        targets = actors_for_slots(view, actors, tok, pattern.target)
        if not targets and not pattern.code.startswith("01") and not (pattern.reciprocal and len(sources) > 1):
            targets = fallback_targets(view, actors, tok, sources)
        return build(view, tok, pattern, sources, targets, (tok.i,))
    return []


def worded_by_a_document(view: View, tok: Token) -> bool:
    """'a adopté une résolution condamnant la Géorgie', 'issued a statement urging Russia to …': a
    document's present participle says what its author does, when the verb over the document issues
    it ('vetoed a resolution condemning its invasion' is not Russia condemning)."""
    document = view.head(tok.i)
    issuer = view.head(document.i) if document is not None else None
    return document is not None and issuer is not None and worded_by_document(tok, document, view.sentence.lang) \
        and issuer.lemma.lower() in syntax_words(view.sentence.lang, "issuing_verbs")


def circumstance(view: View, tok: Token) -> bool:
    """A subjectless clause opened by 'when', 'while', 'lorsque' ('when asked about X') sets the scene."""
    marks = syntax_words(view.sentence.lang, "circumstance_marks")
    return tok.dep == "advcl" and not view.own_subjects(tok.i) and any(
        k.dep in ("mark", "advmod") and k.text.lower() in marks for k in view.children(tok.i))


def community(actor: Actor) -> Actor:
    """'ethnic Albanians' -> civilians of Albanian descent, of a country the event's place will tell."""
    if actor.role is not None or not actor.country:
        return actor
    return replace(actor, code="---CVL" + actor.country, country=None, role="CVL", how="community")


def acts_on_one_another(view: View, verb: Token) -> bool:
    """'L'Arménie et l'Azerbaïdjan se sont mutuellement accusés', 'accused each other', 'reopened
    their common border'."""
    markers = syntax_words(view.sentence.lang, "reciprocal_markers")
    if any(k.text.lower() in markers for k in view.children(verb.i)):
        return True
    # "le Bénin et le Niger ont rouvert leur frontière commune": what they share, they act on together
    shared = syntax_words(view.sentence.lang, "shared_markers")
    return any(m.text.lower() in shared for o in view.objects(verb.i) for m in view.children(o.i))


VIOLENT_ROOTS = ("18", "19", "20")
# killing and wounding by a bomb is a bombing (183); by an unnamed gunman, an assault (1823)
MEANS_DECIDE = frozenset({"180", "182", "1823", "190"})


# where a sentence states its own news, not a background ('the town where 28 people were killed')
MAIN_CLAUSE = frozenset({"ROOT", "root", "conj", "ccomp", "parataxis"})


def accidental(view: View) -> bool:
    """'tués dans un accident de la route', 'killed in a landslide': no attacker to look for."""
    accidents = load_references(view.sentence.lang).accidents
    return any(t.lemma.lower() in accidents or t.text.lower() in accidents for t in view.tokens)


def unidentified_attacker(view: View, actors: SentenceActors, predicate: Token) -> tuple[tuple[Actor, ...], str | None]:
    """'killed by a roadside bomb', 'tués dans un attentat': nobody named, the means did it. Whoever
    planted it ('a bomb planted by Islamic State militants') acts; else an unidentified armed group,
    later given the country where it happened. Returns the actors and the code the means implies."""
    means = load_references(view.sentence.lang).attack_means
    candidates = list(view.subjects(predicate.i))
    if view.is_passive(predicate.i):
        candidates += [k for k in view.children(predicate.i) if k.dep.split(":")[0] in ("obl", "prep", "nmod")]
        candidates += [g for k in candidates for g in view.children(k.i) if k.dep == "prep"]
    for tok in candidates:
        weapons = [a for a in actors.actors_for(tok) if actors.is_instrument(a)] if tok.dep.startswith("obl") else []
        if weapons:
            return tuple(weapons), None  # "killed in Israeli tank fire": the weapon's force did it
        words = [tok.lemma.lower(), tok.text.lower()] + [view.tok(i).text.lower() for i in sorted(view.np_tokens(tok.i))]
        code = next((means[w] for w in words if w in means), None)
        if code is None:
            continue
        for clause in view.children(tok.i, "acl"):
            planted_by = actors_for_slots(view, actors, clause, ("subj",))
            if planted_by:
                return planted_by, code
        owner = actors.adjective_target(tok) or next(
            (actors.adjective_target(k) for k in view.children(tok.i) if k.dep in ("compound", "nmod") and actors.adjective_target(k)), [])
        if owner:
            return tuple(owner), code  # "a Russian missile strike killed …": the adjective names the attacker
        return (implied_actor(None, "UAF", "means", tok.text, (tok.idx, tok.end)),), code
    return (), None


def code_noun(view: View, actors: SentenceActors, tok: Token, patterns: tuple[Pattern, ...],
              resources: CoderResources) -> list[Found]:
    head, dep = governor_through_quantity(view, tok)
    light = head if head is not None and dep in ("obj", "dobj", "nsubj:pass", "obl:arg", "obl", "obl:mod") and head.lemma in \
        next((p.light_verbs for p in patterns if p.light_verbs and head.lemma in p.light_verbs), ()) else None
    words = modality_words(view.sentence.lang)
    if light is None and (tok.case in words.background or in_background(view, tok, words)):
        return []
    for pattern in patterns:
        if light is not None and pattern.light_verbs and light.lemma not in pattern.light_verbs:
            continue
        if pattern.obj and not any(k.lemma.lower() in pattern.obj or k.text.lower() in pattern.obj
                                   for k in view.children(tok.i)):
            continue
        if light is not None:
            sources = actors_for_slots(view, actors, tok, ("subj",), light) or \
                actors_for_slots(view, actors, tok, pattern.source)
        else:
            sources = actors_for_slots(view, actors, tok, pattern.source)
            if not sources and "poss" in pattern.source:
                # "the Russian attack on Kyiv", "les frappes israéliennes sur Gaza": the nationality
                # adjective stands where a possessor would ("Russia's attack")
                sources = tuple(actors.adjective_target(tok))
        if not sources and pattern.reciprocal:
            # "des affrontements entre soldats et rebelles", "talks between X and Y": the members act on each other
            between = tuple(syntax_words(view.sentence.lang, "between_prepositions"))
            members = actors_for_slots(view, actors, tok, between) or opposed_parties(view, actors, tok)
            verb = view.head(tok.i)
            if not members and verb is not None and tok.dep in ("nsubj", "nsubj:pass") and verb.pos == "VERB":
                members = actors_for_slots(view, actors, verb, between)  # "des combats ont éclaté entre X et Y"
            if len(members) > 1:
                return build(view, light or tok, pattern, members, (), (light.i, tok.i) if light else (tok.i,))
        if not sources:
            continue
        targets = actors_for_slots(view, actors, tok, pattern.target, light)
        if light is not None and not targets and not pattern.code.startswith("01") and \
                not (pattern.reciprocal and len(sources) > 1):
            targets = fallback_targets(view, actors, light, sources)
        mutual = pattern.reciprocal and len(sources) > 1  # "les combats entre l'armée et le M23 se poursuivent"
        if light is None and not targets and not mutual and not aims_at_a_place(view, actors, tok, pattern):
            continue  # a bare event noun with one participant is background, not an event
        anchor = light or tok
        trigger = (anchor.i, tok.i) if light else (tok.i,)
        return build(view, anchor, pattern, sources, targets, trigger)
    return []


def governor_through_quantity(view: View, tok: Token) -> tuple[Token | None, str]:
    """'held two days of talks', 'a mené une série de frappes': the light verb governs the quantity."""
    head = view.head(tok.i)
    quantities = quantifier_heads(view.sentence.lang)
    if head is not None and tok.case in ("of", "de", "d'") and (head.lemma.lower() in quantities or head.text.lower() in quantities):
        return view.head(head.i), head.dep
    return head, tok.dep


def aims_at_a_place(view: View, actors: SentenceActors, tok: Token, pattern: Pattern) -> bool:
    """'les frappes israéliennes sur Gaza', 'the Russian shelling of Kharkiv': an attack on a place
    has that place's country as its target (see settle_unknown_countries)."""
    if pattern.code[:2] not in VIOLENT_ROOTS:
        return False
    slots = [s for s in pattern.target if s not in ("subj", "obj", "iobj", "poss")]
    return any(t.i in actors.city_phrases for s in slots for t in slot_tokens(view, tok, s))


def opposed_parties(view: View, actors: SentenceActors, tok: Token) -> tuple[Actor, ...]:
    """'Des accrochages ont opposé l'armée aux rebelles': the clash's parties are the verb's object
    and its 'à' complement."""
    head = view.head(tok.i)
    lang = view.sentence.lang
    if head is None or tok.dep not in ("nsubj", "nsubj:pass") or head.lemma not in syntax_words(lang, "opposing_verbs"):
        return ()
    members: list[Actor] = []
    prepositions = syntax_words(lang, "opposing_prepositions")
    objects = view.objects(head.i)
    # "ont opposé des manifestants aux forces de l'ordre": the parser may hang the second side on the first
    sides = [objects] + [view.obliques(head.i, p) for p in prepositions] + \
        [view.obliques(o.i, p) for o in objects for p in prepositions]
    for slot in sides:
        for member in slot:
            members.extend(actors.actors_for(member))
    return tuple(dict.fromkeys(members))


def in_background(view: View, tok: Token, words) -> bool:
    """'après le coup d'État', 'since the 2021 coup': a past event as a time reference."""
    current = tok
    for _ in range(3):
        if current.case in words.background:
            return True
        head = view.head(current.i)
        if head is None or head.pos in ("VERB", "AUX"):
            return False
        current = head
    return False


def build(view: View, anchor: Token, pattern: Pattern, sources: tuple[Actor, ...], targets: tuple[Actor, ...],
          trigger: tuple[int, ...]) -> list[Found]:
    modality = modality_of(view, anchor.i, view.sentence.lang)
    if pattern.code.startswith("03") and modality.kind in ("asserted", "reported"):
        modality = Modality("intended", None, governor=anchor.i)  # the verb itself expresses the intention
    code = transform_code(attempted(view, anchor, mass_killing(view, anchor, solo_exercise(pattern.code, sources, targets),
                                                               sources)), modality)
    # an intention, refusal or threat is one side's: only the reciprocal action itself is mutual;
    # but partners who jointly pledge cooperation ("X and Y pledged to deepen ties") pledge it to each other
    cooperative = pattern.reciprocal or pattern.code[:2] in ("03", "04", "05", "06")
    mutual = pattern.reciprocal and modality.transform is None
    if not targets and len(sources) > 1 and cooperative and modality.transform in (None, "intent"):
        mutual = True
    pairs: list[tuple[Actor, Actor | None]] = []
    if mutual and not targets and len(sources) > 1:
        # "l'Iran et l'Irak ont signé un accord": each member acts on the other
        pairs = [(a, b) for a in sources for b in sources if a.code != b.code]
    for source in sources:
        if pairs and mutual and not targets:
            break
        if not targets:
            pairs.append((source, None))
        for target in targets:
            if target.code != source.code:
                pairs.append((source, target))
                if mutual:
                    pairs.append((target, source))
    if not pairs and targets:
        pairs = [(source, None) for source in sources]  # the only target was the source itself
    trigger_tokens = tuple(sorted(set(trigger) | ({modality.governor} if modality.governor is not None else set())))
    return [Found(pattern, anchor.i, s, t, code_for_agent(code, s, t), modality, trigger_tokens) for s, t in pairs]


def speaker_country(view: View, actors: SentenceActors, item: Found) -> str | None:
    """The country of whoever reports the event ('le ministre russe a affirmé que l'armée …')."""
    reporter = item.modality.reporter
    if reporter is None or reporter > item.predicate or item.predicate not in view.subtree(reporter, stop={"parataxis"}):
        return None  # "…, Thai military sources said": an attribution after the fact names no owner
    for subj in view.subjects(reporter):
        for actor in actors.actors_for(subj):
            if actor.country and not actor.code.startswith(("IGO", "NGO", "IMG")):
                return actor.country
    return None


def settle_unknown_countries(event: Event, sentence_states: tuple[str, ...] = (),
                             speaker: str | None = None) -> Event | None:
    """'des hommes armés', 'students', 'farmers': an agent without a country takes the country
    where the event happened, else that of a state actor named in the sentence, else the other
    participant's; with none of these it says too little to code. A state organ in reported speech
    ('the minister said the army would …') is the speaker's own."""
    source, target = event.source, event.target
    place = event.place.country if event.place and event.place.country else None

    def settle(actor: Actor, other: Actor | None, acting: bool) -> Actor | None:
        if not actor.code.startswith("---"):
            return actor
        own = speaker if acting and actor.role in STATE_ROLES else None
        named = sentence_states
        if other is not None and other.country and not other.code.startswith(("IMG", "IGO", "NGO")):
            named += (other.country,)
        if acting and actor.role in STATE_ROLES and other is not None and other.role is None and other.country:
            # 'the government thanked China for its aid': a state organ does not act on the state it
            # names as the other side, unless that state is where it acts
            named = tuple(c for c in named if c != other.country)
        candidates = ((place,) if place else ()) + named
        country = own or (candidates[0] if candidates else None)
        if country is None:
            return None
        return replace(actor, code=country + actor.code[3:], country=country)

    new_source = settle(source, target, True)
    if new_source is None:
        return None
    new_target = settle(target, source, False) if target is not None else None
    new_source = localised(new_source, event)
    new_target = localised(new_target, event) if new_target is not None else None
    non_state = new_source.role in NON_STATE_ROLES
    if new_target is not None and new_source.how == "state" and new_target.role is None \
            and new_target.country == new_source.country:
        new_target = None  # "was arrested in Lebanon": the state acts in its country, not on it
    if new_target is None and event.place and event.place.country \
            and (event.root in PLACE_TARGET_ROOTS or event.cameo in PLACE_TARGET_CODES) \
            and (event.place.country != new_source.country or non_state) and event.place.method != "dateline":
        # "a débloqué une aide au Mozambique", "struck targets in Syria": the country acted upon
        new_target = place_actor(event.place)
    if new_target is None and event.root == "14" and not event.cameo.startswith("145"):
        new_target = protested_state(new_source, event)
    if new_target is None and event.cameo in SYMPATHY and event.place and event.place.country \
            and event.place.method != "dateline":
        # "expressed sorrow for the shootings in South Carolina": sympathy goes to the victims, at home too
        new_target = implied_actor(event.place.country, "CVL", "implied")
    if new_target is None and event.cameo in CIVIL_RESTRICTIONS and new_source.role in STATE_ROLES and new_source.country:
        # "a décrété un couvre-feu à Abidjan": a curfew or a state of emergency weighs on the population
        new_target = implied_actor(new_source.country, "CVL", "implied")
    if new_target is not None and new_target.code == new_source.code:
        new_target = None
    code = code_for_settled(event.cameo, new_source, new_target)
    if new_source is source and new_target is target and code == event.cameo:
        return event
    settled = replace(event, source=new_source, target=new_target)
    return settled if code == settled.cameo else recoded(settled, code)


def recoded(event: Event, code: str) -> Event:
    facts = describe(code)
    return replace(event, cameo=code, root=code[:2], quad_class=facts.quad_class, goldstein=facts.goldstein,
                   plover_type=facts.plover_type, plover_mode=facts.plover_mode)


def protested_state(source: Actor, event: Event) -> Actor | None:
    """A protest with no named target: foreigners protesting abroad ('US activists staged a
    protest in Beijing') protest the host state; anyone else, their own government."""
    place = event.place
    if place and place.country and source.country and place.country != source.country and place.method != "dateline":
        return place_actor(place)
    return own_government(source)


def place_actor(place) -> Actor:
    """The state of the place where an event happened, standing as its target."""
    return Actor(code=place.country, country=place.country, role=None, name=place.name,
                 text=place.text or place.name, span=(0, 0), how="place")


def transform_code(code: str, modality: Modality) -> str:
    if modality.transform == "intent":
        return intent_code(code)
    if modality.transform == "threat":
        return threat_code(code)
    if modality.transform == "refusal":
        return refusal_code(code)
    return code


def statement_events(view: View, actors: SentenceActors) -> list[Found]:
    """'X a déclaré ...' with nothing better in the sentence: a 010 statement by X."""
    words = modality_words(view.sentence.lang)
    for tok in view.tokens:
        if tok.pos != "VERB" or not forms(tok) & words.reporting or forms(tok) & words.intent:
            continue
        if not (tok.head == tok.i or tok.dep == "parataxis"):
            continue
        if not any(k.dep in ("ccomp", "obj", "dobj") for k in view.children(tok.i)) and tok.dep != "parataxis":
            continue
        sources = tuple(a for s in view.subjects(tok.i) for a in actors.actors_for(s) if not a.code.startswith("---"))
        if not sources or speaks_of_others(view, actors, tok, sources):
            continue
        modality = modality_of(view, tok.i, view.sentence.lang)
        if modality.kind in ("negated", "hypothetical"):
            continue
        pattern = Pattern(lemma=tok.lemma, code="010", source=("subj",), target=(),
                          rule=f"{view.sentence.lang}/statement/{tok.lemma}")
        return [Found(pattern, tok.i, s, None, "010", Modality("asserted"), (tok.i,)) for s in sources[:2]]
    return []


def speaks_of_others(view: View, actors: SentenceActors, verb: Token, speakers: tuple[Actor, ...]) -> bool:
    """'The UN said Myanmar's army was carrying out ethnic cleansing': what is reported involves other
    actors, so it is an event between them that the lexicon missed, not a plain statement."""
    content = set()
    for kid in view.children(verb.i, "ccomp", "parataxis"):
        content |= view.subtree(kid.i)
    head = view.head(verb.i)
    if verb.dep == "parataxis" and head is not None:
        content |= view.subtree(head.i) - view.subtree(verb.i)  # "…, a indiqué l'armée": the clause it attributes
    own = {a.code for a in speakers}
    return bool(actors.actors_in(content, own))


# ------------------------------------------------------------------ finishing

def finish_event(item: Found, document: Document, sentence: ParsedSentence, view: View, actors: SentenceActors,
                 resources: CoderResources, clock: DocumentClock, dateline) -> Event:
    facts = describe(item.code)
    when, planned_for = date_event(view, item.predicate, item.modality, clock, document.lang)
    hints = tuple(dict.fromkeys(c for c in (item.source.country, item.target.country if item.target else None)
                                + actors.countries() if c))
    place, planned_place = resources.locator.place_for(view, item.predicate, item.modality, actors, item, hints, dateline)
    first, last = min(item.trigger_tokens), max(item.trigger_tokens)
    span = (view.tok(first).idx, view.tok(last).end)
    trigger_text = " ".join(view.tok(i).text for i in item.trigger_tokens)
    target_code = item.target.code if item.target else ""
    event_id = content_id(document.doc_id, str(sentence.index), item.source.code, target_code, item.code,
                          str(item.predicate))
    return Event(
        event_id=event_id, doc_id=document.doc_id, sentence=sentence.index, source=item.source, target=item.target,
        cameo=item.code, root=item.code[:2], quad_class=facts.quad_class, goldstein=facts.goldstein,
        plover_type=facts.plover_type, plover_mode=facts.plover_mode, modality=item.modality.kind, when=when,
        planned_for=planned_for, place=place, planned_place=planned_place,
        trigger=Trigger(trigger_text, span), sentence_text=sentence.text, rule=item.pattern.rule, lang=document.lang,
    )


def dedupe(events: list[Event]) -> list[Event]:
    """One event per (sentence, source, target, code): two triggers for one action are one event."""
    seen: dict[tuple, Event] = {}
    for event in events:
        key = (event.sentence, event.source.code, event.target.code if event.target else None, event.cameo)
        seen.setdefault(key, event)
    return list(seen.values())
