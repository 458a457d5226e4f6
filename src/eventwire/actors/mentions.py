"""Find actor mentions in a parsed sentence: lexicon atoms grouped into noun-phrase chunks.

The chunker is linear (like PETRARCH's noun-phrase coding) so that a parser's attachment
errors inside a noun phrase ("le ministre russe des Affaires étrangères Sergueï Lavrov")
do not break the actor; the dependency parse is used afterwards for argument structure.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from ..model import ParsedSentence, Token
from ..resources import load_yaml
from .lexicon import ActorLexicon, Entry, norm_key

KIND_PRIORITY = {"person": 0, "igo": 1, "group": 2, "metonym": 3, "name": 4, "demonym": 5, "role": 6, "adj": 7, "geo": 8}
NON_LEXICAL = ("pronoun", "pair", "speaker", "name-run", "title-ref")


@dataclass(frozen=True, slots=True)
class Atom:
    start: int                  # first token index
    end: int                    # one past the last token index
    kind: str                   # an Entry kind, or pronoun | pair | speaker | name-run | title-ref
    entries: tuple[Entry, ...] = ()
    text: str = ""              # name text for name-run / title-ref


@dataclass(frozen=True, slots=True)
class Chunk:
    start: int
    end: int
    atoms: tuple[Atom, ...]

    def kinds(self) -> set[str]:
        return {a.kind for a in self.atoms}

    def has(self, kind: str) -> bool:
        return any(a.kind == kind for a in self.atoms)

    def covers(self, i: int) -> bool:
        return self.start <= i < self.end


@dataclass(frozen=True, slots=True)
class References:
    person_pronouns: frozenset[str]
    titles: frozenset[str]
    pair_keys: frozenset[str]
    speaker_keys: frozenset[str]
    possessives: frozenset[str]
    linkers: frozenset[str]
    articles: frozenset[str]
    modifiers: frozenset[str]
    instruments: frozenset[str]
    group_pronouns: frozenset[str]
    plural_pronouns: frozenset[str] = frozenset()
    attack_means: Mapping[str, str] = field(default_factory=dict)
    ethnic_markers: frozenset[str] = frozenset()
    accidents: frozenset[str] = frozenset()
    protesters: frozenset[str] = frozenset()
    ruling_links: frozenset[str] = frozenset()
    led_links: frozenset[str] = frozenset()
    bare_name_prepositions: frozenset[str] = frozenset()
    stance_prefixes: frozenset[str] = frozenset()
    base_suffixes: frozenset[str] = frozenset()
    place_only_prepositions: frozenset[str] = frozenset()
    overhead_prepositions: frozenset[str] = frozenset()
    overhead_verbs: frozenset[str] = frozenset()
    capitalised_demonyms: bool = False


@lru_cache(maxsize=4)
def load_references(lang: str) -> References:
    data = load_yaml(lang, "references.yaml")
    return References(
        person_pronouns=frozenset(w.lower() for w in data["person_pronouns"]),
        titles=frozenset(w.lower().rstrip(".") for w in data["titles"]),
        pair_keys=frozenset(norm_key(p) for p in data["pair_phrases"]),
        speaker_keys=frozenset(norm_key(p) for p in data["speaker_country"]),
        possessives=frozenset(w.lower() for w in data["possessive_determiners"]),
        linkers=frozenset(w.lower() for w in data["linkers"]),
        articles=frozenset(w.lower() for w in data["articles"]),
        modifiers=frozenset(w.lower() for w in data.get("role_modifiers", [])),
        instruments=frozenset(norm_key(w) for w in data.get("instruments", [])),
        group_pronouns=frozenset(w.lower() for w in data.get("group_pronouns", [])),
        plural_pronouns=frozenset(w.lower() for w in data.get("plural_pronouns", [])),
        ethnic_markers=frozenset(w.lower() for w in data.get("ethnic_markers", [])),
        attack_means=MappingProxyType({str(w).lower(): str(code) for w, code in (data.get("attack_means") or {}).items()}),
        accidents=frozenset(w.lower() for w in data.get("accidents", [])),
        protesters=frozenset(w.lower() for w in data.get("protesters", [])),
        ruling_links=frozenset(w.lower() for w in data.get("ruling_links", [])),
        led_links=frozenset(w.lower() for w in data.get("led_links", [])),
        bare_name_prepositions=frozenset(w.lower() for w in data.get("bare_name_prepositions", [])),
        stance_prefixes=frozenset(w.lower() for w in data.get("stance_prefixes", [])),
        capitalised_demonyms=bool(data.get("capitalised_demonyms", False)),
        base_suffixes=frozenset(w.lower() for w in data.get("base_suffixes", [])),
        place_only_prepositions=frozenset(w.lower() for w in data.get("place_only_prepositions", [])),
        overhead_prepositions=frozenset(w.lower() for w in data.get("overhead_prepositions", [])),
        overhead_verbs=frozenset(w.lower() for w in data.get("overhead_verbs", [])),
    )


def find_chunks(sentence: ParsedSentence, lexicon: ActorLexicon) -> tuple[Chunk, ...]:
    return find_chunks_and_places(sentence, lexicon)[0]


def find_chunks_and_places(sentence: ParsedSentence, lexicon: ActorLexicon) -> tuple[tuple[Chunk, ...], frozenset[int]]:
    """The actor chunks, and the tokens of place names that hold a country's name ('mer du Japon')."""
    refs = load_references(sentence.lang)
    atoms = find_atoms(sentence, lexicon, refs)
    geo = frozenset(i for a in atoms if a.kind == "geo" for i in range(a.start, a.end))
    return group_atoms(sentence.tokens, atoms, refs), geo


def adjective_countries(sentence: ParsedSentence, lexicon: ActorLexicon) -> dict[int, str]:
    """Token index -> country for nationality adjectives ('an Israeli proposal', 'la position ukrainienne')."""
    found = {}
    keys = tuple(norm_key(t.text) for t in sentence.tokens)
    for i, key in enumerate(keys):
        if key in lexicon.adjectives and sentence.tokens[i].pos in ("ADJ", "PROPN", "NOUN"):
            entries = [e for e in lexicon.lookup(key, sentence.tokens[i].text) if e.kind == "adj" and e.country]
            if entries:
                found[i] = entries[0].country
    return found


# ------------------------------------------------------------------ atoms

def find_atoms(sentence: ParsedSentence, lexicon: ActorLexicon, refs: References) -> list[Atom]:
    tokens = sentence.tokens
    keys = tuple(norm_key(t.text) for t in tokens)
    atoms: list[Atom] = []
    i = 0
    while i < len(tokens):
        atom = reference_atom(tokens, keys, i, refs) or lexicon_atom(tokens, keys, i, lexicon, refs) or \
            name_atom(tokens, i, refs)
        if atom is None:
            i += 1
            continue
        if stance_on(tokens, atom.start, refs) or based_in(tokens, atom.end, refs):
            i = atom.end
            continue
        atoms.append(nominal_adjective(tokens, atom))
        i = atom.end
    return atoms


def stance_on(tokens: tuple[Token, ...], start: int, refs: References) -> bool:
    """'an anti-Syria journalist', 'pro-Russian separatists': the country is the side taken, not
    the actor's own."""
    return start >= 2 and tokens[start - 1].text in ("-", "‑") and tokens[start - 2].text.lower() in refs.stance_prefixes


def based_in(tokens: tuple[Token, ...], end: int, refs: References) -> bool:
    """'a UK-based group': where an organisation sits, not an actor of the sentence."""
    if end < len(tokens) and tokens[end - 1].text in ("-", "‑"):
        end -= 1  # the name's atom may have taken the hyphen ('UK-')
    return end + 1 < len(tokens) and tokens[end].text in ("-", "‑") and tokens[end + 1].text.lower() in refs.base_suffixes


def nominal_adjective(tokens: tuple[Token, ...], atom: Atom) -> Atom:
    """'Hundreds of thousands of Lebanese rallied': an -ese/-ish adjective used as a noun names people."""
    tok = tokens[atom.start]
    if atom.kind == "adj" and atom.end == atom.start + 1 and tok.pos in ("NOUN", "PROPN") and \
            tok.dep not in ("compound", "amod", "nmod:poss", "flat", "flat:name") and tok.text[:1].isupper():
        return Atom(atom.start, atom.end, "demonym", atom.entries, atom.text)
    return atom


def reference_atom(tokens: tuple[Token, ...], keys: tuple[str, ...], i: int, refs: References) -> Atom | None:
    tok = tokens[i]
    if tok.pos == "PRON" and tok.text.lower() in refs.person_pronouns:
        return Atom(i, i + 1, "pronoun", text=tok.text)
    if tok.pos == "PRON" and tok.text.lower() in refs.group_pronouns and tok.dep in ("nsubj", "nsubj:pass"):
        return Atom(i, i + 1, "group-pronoun", text=tok.text)
    if tok.pos not in ("DET", "NUM", "PRON", "ADJ", "NOUN"):
        return None
    for length in (4, 3, 2):
        if i + length > len(tokens):
            continue
        key = "".join(keys[i:i + length])
        if key in refs.pair_keys:
            return Atom(i, i + length, "pair")
        if key in refs.speaker_keys:
            return Atom(i, i + length, "speaker")
    return None


def lexicon_atom(tokens: tuple[Token, ...], keys: tuple[str, ...], i: int, lexicon: ActorLexicon,
                 refs: References) -> Atom | None:
    if not keys[i] or keys[i] not in lexicon.prefixes:
        return None
    best: Atom | None = None
    key = ""
    for end in range(i + 1, min(len(tokens), i + lexicon.max_tokens) + 1):
        key += keys[end - 1]
        if key not in lexicon.prefixes:
            break
        if key not in lexicon.phrases:
            continue
        surface = "".join(t.text for t in tokens[i:end])
        following = tokens[end] if end < len(tokens) else None
        found = tuple(e for e in lexicon.lookup(key, surface) if capitalised_enough(e, tokens[i], following, refs)
                      and not bare_institution_name(e, tokens, i, end, refs) and not seat_as_place(e, tokens, i, refs))
        if found:
            best = make_atom(i, end, found)  # keep growing: the longest match wins
    skipping = role_skipping_adjectives(tokens, keys, i, lexicon)
    if skipping and (best is None or skipping.end > best.end):
        return skipping
    return best


def bare_institution_name(entry: Entry, tokens: tuple[Token, ...], start: int, end: int, refs: References) -> bool:
    """'un immeuble de Douma': an institution's one-word name (la Douma, la Knesset) right after a
    preposition, with no article, is a town of the same name."""
    words = [t for t in tokens[start:end] if t.pos != "PUNCT"]
    if entry.kind != "role" or not entry.country or len(words) != 1 or not tokens[start].text[:1].isupper():
        return False
    return start > 0 and tokens[start - 1].pos == "ADP" and tokens[start - 1].text.lower() in refs.bare_name_prepositions


def seat_as_place(entry: Entry, tokens: tuple[Token, ...], start: int, refs: References) -> bool:
    """'Il pleuvait sur Bruxelles', 'flew over Moscow': after a preposition that only places things,
    a seat of power is the city, not the government it often stands for."""
    if entry.kind != "metonym" or start == 0:
        return False
    before = tokens[start - 1].text.lower()
    if before in refs.place_only_prepositions:
        return True
    # 'sur'/'over' also mark pressure and criticism ('faire pression sur Pékin'): a place only under
    # a verb of weather or flight ('il pleuvait sur Bruxelles', 'drones flew over Moscow')
    root = next((t for t in tokens if t.head == t.i), None)
    return before in refs.overhead_prepositions and root is not None and root.lemma.lower() in refs.overhead_verbs


def capitalised_enough(entry: Entry, first: Token, following: Token | None = None,
                       refs: References | None = None) -> bool:
    """Names of countries, capitals and people are written with a capital ('turkey' is a bird),
    unless the data file writes them in lower case ('pape François', 'chef de la diplomatie européenne')."""
    if entry.kind == "group" and " " in entry.phrase and entry.phrase[:1].isupper() and first.text[:1].islower():
        return False  # 'un rassemblement national des agriculteurs' is no party
    if entry.kind == "demonym" and refs is not None and refs.capitalised_demonyms and first.text[:1].islower() \
            and not entry.phrase[:1].islower():
        return False  # "scaling a pole": English writes its peoples with a capital (French does not: "les soldats pakistanais")
    if entry.kind in ("name", "metonym", "person") and first.text[:1].islower() and not entry.phrase[:1].islower():
        # 'iSrael': a capital inside the word is a slip of the keyboard, not a common noun
        return first.text.lower() in ("l'", "d'") or not first.text[:1].isalpha() or any(c.isupper() for c in first.text)
    if entry.kind in ("name", "metonym", "role") and first.ent == "PER" and following is not None \
            and following.ent == "PER" and following.text[:1].isupper():
        return False  # "Chad Smith", "Jordan Bardella", "Marine Le Pen": a first name, not a country or role
    return True


def make_atom(start: int, end: int, entries: tuple[Entry, ...]) -> Atom:
    ordered = tuple(sorted(entries, key=lambda e: KIND_PRIORITY.get(e.kind, 9)))
    return Atom(start, end, ordered[0].kind, ordered)


def role_skipping_adjectives(tokens: tuple[Token, ...], keys: tuple[str, ...], i: int, lexicon: ActorLexicon) -> Atom | None:
    """'ministre russe des Affaires étrangères' is the role 'ministre des Affaires étrangères'
    with a country adjective inside; match the role and leave the adjective to its own atom."""
    kept: list[int] = []
    adjectives: list[Entry] = []
    best = None
    grown = ""
    for j in range(i, min(len(tokens), i + lexicon.max_tokens + 2)):
        key = keys[j]
        if not key:
            break
        if j > i and key in lexicon.adjectives:
            adjectives.extend(e for e in lexicon.lookup(key, tokens[j].text) if e.kind == "adj")
            continue
        grown += key
        if grown not in lexicon.prefixes:
            break
        kept.append(j)
        if adjectives and len(kept) > 1 and grown in lexicon.phrases:
            surface = "".join(tokens[k].text for k in kept)
            roles = tuple(e for e in lexicon.lookup(grown, surface) if e.kind == "role")
            if roles:
                # the adjective's country travels with the role ("ministre russe des Affaires étrangères")
                best = Atom(i, j + 1, "role", roles + tuple(adjectives[:1]))
    return best


def name_atom(tokens: tuple[Token, ...], i: int, refs: References) -> Atom | None:
    """A person's name the knowledge base does not know, or 'M. Xi'."""
    tok = tokens[i]
    if tok.text.lower().rstrip(".") in refs.titles and i + 1 < len(tokens) and is_name_token(tokens[i + 1]):
        end = i + 1
        while end < len(tokens) and is_name_token(tokens[end]):
            end += 1
        return Atom(i, end, "title-ref", text=" ".join(t.text for t in tokens[i + 1:end]))
    if tok.ent == "PER" and is_name_token(tok):
        end = i
        while end < len(tokens) and tokens[end].ent == "PER" and is_name_token(tokens[end]):
            end += 1
        return Atom(i, end, "name-run", text=" ".join(t.text for t in tokens[i:end]))
    return None


def is_name_token(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.pos in ("PROPN", "X", "NOUN", "ADJ") and tok.text.isalpha() or \
        (tok.text[:1].isupper() and "-" in tok.text and tok.pos in ("PROPN", "X"))


# ------------------------------------------------------------------ chunks

def group_atoms(tokens: tuple[Token, ...], atoms: list[Atom], refs: References) -> tuple[Chunk, ...]:
    chunks: list[list[Atom]] = []
    for atom in atoms:
        if chunks and joins(tokens, chunks[-1], atom, refs):
            chunks[-1].append(atom)
        else:
            chunks.append([atom])
    chunks = merge_shared_roles(tokens, chunks)
    return tuple(Chunk(group[0].start, group[-1].end, tuple(group)) for group in chunks if is_actor(group))


def merge_shared_roles(tokens: tuple[Token, ...], chunks: list[list[Atom]]) -> list[list[Atom]]:
    """'U.S. and Russian negotiators', 'Hungarian and Romanian officials': the first nationality
    shares the role named after the second."""
    merged: list[list[Atom]] = []
    for group in chunks:
        if merged and all(a.kind in ("adj", "name") for a in merged[-1]) and group[0].kind == "adj" \
                and any(a.kind == "role" for a in group):
            gap = [t.text.lower() for t in tokens[merged[-1][-1].end:group[0].start]]
            if gap in (["and"], ["et"], [","]):
                merged[-1] = merged[-1] + group
                continue
        merged.append(group)
    return merged


def is_actor(group: list[Atom]) -> bool:
    return any(a.kind not in ("adj", "geo") for a in group)


def joins(tokens: tuple[Token, ...], group: list[Atom], atom: Atom, refs: References) -> bool:
    last = group[-1]
    if atom.kind in ("pronoun", "pair", "speaker", "group-pronoun", "geo") or \
            last.kind in ("pronoun", "pair", "speaker", "group-pronoun", "geo"):
        return False
    gap = [t.text.lower() for t in tokens[last.end:atom.start]]
    if distributes(gap, group, atom) or distributes_postposed(tokens, gap, group, atom):
        return True
    if last.kind == "adj" and atom.kind == "role" and 0 < atom.start - last.end <= 2 and all(
            t.dep == "compound" and t.pos == "NOUN" and atom.start <= t.head < atom.end for t in tokens[last.end:atom.start]):
        return True  # "Nigerian oil workers": a noun compound between nationality and role
    if not gap_allowed(gap, group, atom, refs):
        return False
    return compatible(group, atom)


def distributes(gap: list[str], group: list[Atom], atom: Atom) -> bool:
    """'les présidents russe et turc', 'U.S. and South Korean forces': one role, several countries."""
    return atom.kind == "adj" and group[-1].kind == "adj" and gap in (["et"], ["and"], [","]) and \
        any(a.kind == "role" for a in group) or \
        atom.kind == "role" and len(group) >= 2 and all(a.kind in ("adj", "name") for a in group) and \
        any(a.kind == "adj" for a in group) and not gap


def distributes_postposed(tokens: tuple[Token, ...], gap: list[str], group: list[Atom], atom: Atom) -> bool:
    """'les armées française et malienne', 'des émissaires américains et iraniens': the agreeing
    nationality adjectives after a role are tagged as demonyms ('les Américains') but share the role."""
    adjectival = ("adj", "demonym")
    return atom.kind in adjectival and group[-1].kind in adjectival and gap in (["et"], ["and"]) and \
        tokens[atom.start].pos == "ADJ" and tokens[group[-1].start].pos == "ADJ" and \
        any(a.kind == "role" for a in group)


def gap_allowed(gap: list[str], group: list[Atom], atom: Atom, refs: References) -> bool:
    kinds = {a.kind for a in group}
    has_agent = bool(kinds & {"role", "person", "name-run", "title-ref"})
    words = [w for w in gap if w not in refs.articles and w not in refs.modifiers]
    if not words:
        # "Kremlin spokesman" joins; "à Bamako l'ambassadeur" does not: after a place or body's name
        # an article opens a new noun phrase
        return not (gap and group[-1].kind in ("name", "metonym", "igo", "group") and atom.kind == "role")
    if words == [","]:
        # apposition: "Sergueï Lavrov, ministre russe" / "le ministre, Sergueï Lavrov"; two roles
        # across a comma are two people ("le président égyptien, le secrétaire d'Etat américain …")
        return atom.kind in ("role", "person", "name-run") and has_agent and not (atom.kind == "role" and "role" in kinds)
    if atom.kind == "role" and group[-1].kind in ("adj", "name", "demonym") and " ".join(gap) in refs.led_links:
        return True  # "Saudi-led forces", "Vietnamese-led troops": the leading country's force
    if has_agent and " ".join(gap) in refs.ruling_links and atom.kind in ("name", "metonym"):
        return True  # "la junte au pouvoir à Niamey", "the junta in power in Bamako"
    if len(words) == 1 and words[0] in refs.linkers:
        if words[0] in ("'s", "’s"):
            return atom.kind in ("role", "person", "name-run") and bool(kinds & {"name", "metonym", "igo", "group", "role"})
        # "le président de la Russie", "ministre des Affaires étrangères de la France"
        return has_agent and atom.kind in ("name", "igo", "role", "metonym", "group")
    return False


def compatible(group: list[Atom], atom: Atom) -> bool:
    kinds = [a.kind for a in group]
    kinds_set = set(kinds)
    persons = {"person", "name-run", "title-ref"}
    if atom.kind in persons and any(k in persons for k in kinds):
        return False
    if atom.kind in ("name", "igo", "group", "metonym") and any(k in ("name", "igo", "group", "metonym", "demonym") for k in kinds) \
            and not (atom.kind == "group" and kinds_set <= {"role", "adj", "name"}):
        return False
    countries = {e.country for a in group + [atom] if a.kind in ("name", "adj", "demonym", "metonym")
                 for e in a.entries[:1] if e.country}
    return len(countries) <= 1
