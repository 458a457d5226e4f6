"""Argument structure over eventwire's dependency view: subjects, objects, obliques, clauses.

Both languages reach this module in the same UD-like labels (see nlp.py), so the rules here
are written once: passive agents, control and coordination inheritance, relative clauses.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Container
from dataclasses import replace
from functools import lru_cache

from ..model import ParsedSentence, Token
from ..resources import load_yaml

NOMINAL_DEPS = {"det", "amod", "nmod", "flat", "flat:name", "flat:foreign", "appos", "compound", "nummod",
                "nmod:poss", "fixed", "case", "punct", "cc", "conj", "advmod", "acl", "obl:mod", "nmod:npmod",
                "compound:prt", "nn", "poss", "quantmod", "npadvmod"}
CLAUSE_DEPS = {"ccomp", "advcl", "acl:relcl", "parataxis", "csubj", "xcomp", "acl"}
RELATIVE_PRONOUNS = {"qui", "que", "qu'", "lequel", "laquelle", "who", "which", "that", "whom"}
SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubj:pass", "csubj:pass")


@lru_cache(maxsize=128)
def syntax_words(lang: str, key: str) -> frozenset[str]:
    """A word list from resources/{lang}/syntax.yaml."""
    return frozenset(str(w).lower() for w in load_yaml(lang, "syntax.yaml").get(key, []))


@lru_cache(maxsize=4)
def quantifier_heads(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml(lang, "syntax.yaml").get("quantifier_heads", []))


@lru_cache(maxsize=4)
def temporal_heads(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml(lang, "syntax.yaml")["temporal_heads"])


def join_stray_subject(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """'Pékin et Moscou ont affiché …' parsed with 'Pékin' alone as the root (or a second root) and
    the verb with 'Moscou' as its subject: the stray name is the first member of the coordinated subject."""
    for stray in tokens:
        if stray.head != stray.i or stray.pos not in ("PROPN", "NOUN"):
            continue
        verb = next((t for t in tokens if t.pos in ("VERB", "AUX") and t.i > stray.i and
                     (t.head == t.i or t.head == stray.i and t.dep == "conj")), None)
        if verb is None:
            continue
        subject = next((t for t in tokens[stray.i + 1:verb.i] if t.head == verb.i and t.dep in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS), None)
        between = tokens[stray.i + 1:subject.i] if subject is not None else ()
        conjunction = next((t for t in between if t.pos == "CCONJ"), None)
        if subject is None or conjunction is None or any(t.pos in ("VERB", "AUX", "PUNCT") for t in between):
            continue
        fixed = [replace(t, head=verb.i) if t.head == stray.i and t.i != stray.i else t for t in tokens]
        fixed[verb.i] = replace(verb, head=verb.i, dep=stray.dep if verb.head == stray.i else verb.dep)
        fixed[stray.i] = replace(stray, head=verb.i, dep=subject.dep)
        fixed[subject.i] = replace(subject, head=stray.i, dep="conj")
        fixed[conjunction.i] = replace(conjunction, head=subject.i, dep="cc")
        return tuple(fixed)
    return tokens


def subject_from_adjunct(tokens: tuple[Token, ...], lang: str) -> tuple[Token, ...]:
    """'Plusieurs pays, dont le Canada, ont suspendu …' parsed with 'pays' as a bare adjunct: a noun
    without preposition before a finite verb that has no subject is that verb's subject."""
    words = temporal_heads(lang)
    fixed = list(tokens)
    for verb in tokens:
        if verb.pos not in ("VERB", "AUX") or verb.head != verb.i:
            continue
        if any(t.head == verb.i and t.dep in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS + ("expl:subj",) for t in tokens):
            continue
        stray = next((t for t in tokens[:verb.i] if t.head == verb.i and t.dep in ("obl:mod", "dep") and t.case is None
                      and t.pos in ("NOUN", "PROPN") and t.lemma.lower() not in words), None)
        if stray is not None:
            fixed[stray.i] = replace(stray, dep="nsubj")
    return tuple(fixed)


def object_after_recipient(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """'a accordé à la Serbie un prêt' parsed with the loan as an apposition of Serbia: a noun right
    after the recipient, with no comma, is the verb's object when it has none."""
    fixed = list(tokens)
    for tok in tokens:
        if tok.dep != "appos" or tok.pos != "NOUN":
            continue
        recipient = tokens[tok.head]
        verb = tokens[recipient.head]
        if recipient.dep not in ("obl:arg", "iobj", "obl") or recipient.case is None or verb.pos not in ("VERB", "AUX"):
            continue
        if any(t.pos == "PUNCT" for t in tokens[recipient.i + 1:tok.i]):
            continue  # "à Bamako, la capitale": a real apposition
        if any(t.head == verb.i and t.dep in ("obj", "dobj") for t in tokens):
            continue
        fixed[tok.i] = replace(tok, head=verb.i, dep="obj")
    for verb in tokens:
        # "a fourni à Israël des milliers de bombes": the partitive article read as a preposition
        kids = [t for t in fixed if t.head == verb.i and t.i != verb.i]
        if verb.pos != "VERB" or any(k.dep in ("obj", "dobj") for k in kids) or \
                not any(k.case == "à" and k.dep.startswith("obl") for k in kids):
            continue
        partitive = next((k for k in kids if k.dep.startswith("obl") and k.pos == "NOUN" and
                          any(c.head == k.i and c.dep == "case" and c.text.lower() in ("des", "du") for c in tokens)), None)
        if partitive is not None:
            fixed[partitive.i] = replace(partitive, dep="obj", case=None)
    return tuple(fixed)


def hoist_from_time_words(tokens: tuple[Token, ...], lang: str) -> tuple[Token, ...]:
    """'a mené mercredi des frappes': the parser hangs the object on the weekday; give the
    weekday's nominal dependents back to the verb (an object without a preposition, an oblique with one)."""
    words = temporal_heads(lang)
    moved = list(tokens)
    for tok in tokens:
        verb = tokens[tok.head]
        if tok.lemma.lower() not in words or verb.pos not in ("VERB", "AUX") or tok.head == tok.i:
            continue
        has_object = any(t.head == verb.i and t.dep in ("obj", "dobj") and t.i != tok.i for t in tokens)
        first_hoisted = None
        for kid in tokens:
            if kid.head != tok.i or kid.i == tok.i or kid.dep not in ("nmod", "appos", "obj", "nmod:poss", "obl", "conj"):
                continue
            if kid.i < tok.i or kid.case in ("à", "de") and kid.dep == "nmod" and kid.pos == "NUM":
                continue
            if kid.dep == "conj" and first_hoisted is not None:
                moved[kid.i] = replace(kid, head=first_hoisted)  # "dimanche Israël et le Hamas"
                continue
            dep = "obl" if kid.case else ("obj" if not has_object and tok.dep != "obj" else "obl")
            if dep == "obj":
                has_object = True
            moved[kid.i] = replace(kid, head=verb.i, dep=dep)
            first_hoisted = kid.i if first_hoisted is None else first_hoisted
        if tok.dep in ("obj", "dobj"):
            # "a mené la semaine dernière une opération": the operation, not the week, is what was led
            stray = [t for t in tokens if t.head == verb.i and t.i > tok.i and t.pos == "NOUN"
                     and t.dep.startswith("obl") and t.case is None and moved[t.i].dep != "obj"]
            if stray and not any(moved[k.i].head == verb.i and moved[k.i].dep == "obj" for k in tokens if k.i != tok.i):
                moved[stray[0].i] = replace(stray[0], dep="obj")
        if tok.dep in ("obj", "dobj") and any(moved[k.i].head == verb.i and moved[k.i].dep == "obj" for k in tokens):
            moved[tok.i] = replace(tok, dep="obl:tmod")
        if tok.dep.startswith("obl") and not any(moved[k.i].head == verb.i and moved[k.i].dep in ("obj", "dobj")
                                                 for k in tokens):
            # "ont bloqué lundi les principales routes": a bare noun after the weekday is the object
            stray = next((t for t in tokens if t.head == verb.i and t.i > tok.i and t.pos == "NOUN" and t.case is None
                          and t.dep == "obl:mod" and t.lemma.lower() not in words), None)
            if stray is not None:
                moved[stray.i] = replace(stray, dep="obj")
    return tuple(moved)


def present_tense_verb(tok: Token, verbs: Container[str]) -> bool:
    """A third-person present ('bombarde', 'expulsent') the French model tagged as a modifier: the
    morphology says so, or the word is a lexicon verb's present form."""
    if tok.feat("VerbForm") == "Fin":
        return True
    word = tok.text.lower()
    if not word.isalpha() or word.endswith(("é", "ée", "és", "ées")):
        return False
    stems = (word + "r",) if word.endswith("e") else (word[:-2] + "r",) if word.endswith("ent") else ()
    return any(stem in verbs for stem in stems)


def verb_from_modifier(tokens: tuple[Token, ...], lang: str, verbs: Container[str]) -> tuple[Token, ...]:
    """'L'armée israélienne bombarde le sud du Liban', 'Le Mali expulse l'ambassadeur de France':
    fr_core_news_md hangs a narrative present on its subject as a modifier and makes the object a
    complement of the subject (or the root). Give the verb its clause back: the noun it modifies is
    its subject, the bare noun after it its object. One repair per sentence: a second one would
    work on a tree the first has already changed."""
    if lang != "fr":
        return tokens
    verbless = not any(t.pos in ("VERB", "AUX") for t in tokens)
    for verb in tokens:
        subject = tokens[verb.head]
        if verb.dep not in ("amod", "acl") or verb.head == verb.i or subject.i > verb.i or \
                subject.pos not in ("NOUN", "PROPN") or subject.dep not in ("ROOT", "nsubj") or \
                not present_tense_verb(verb, verbs):
            continue
        if not (verb.pos == "VERB" or verb.pos in ("ADJ", "PRON") and verbless):
            continue  # "un affrontement violent a opposé …": an adjective is a verb only where no verb is
        if subject.dep == "nsubj" and tokens[subject.head].pos in ("VERB", "AUX"):
            continue  # the sentence already has its verb: "la situation critique à Gaza inquiète l'ONU"
        if any(t.pos not in ("ADJ", "DET") and t.head == subject.i for t in tokens[subject.i + 1:verb.i]):
            continue  # "le président de la Russie expulse": too tangled to repair safely
        fixed = list(tokens)
        root = verb.i if subject.dep == "ROOT" else subject.head
        fixed[verb.i] = replace(verb, head=verb.i, dep="ROOT", pos="VERB")
        fixed[subject.i] = replace(subject, head=verb.i, dep="nsubj")
        if subject.dep == "nsubj" and root != verb.i and tokens[root].i > verb.i:
            # "Le Mali expulse l'ambassadeur": the root noun was the object
            fixed[root] = replace(tokens[root], head=verb.i, dep="obj")
            for t in tokens:
                if t.head == root and t.i != root and t.dep == "punct":
                    fixed[t.i] = replace(t, head=verb.i)
        else:
            has_object = False
            for t in tokens[verb.i + 1:]:
                if t.head != subject.i or t.dep not in ("nmod", "appos", "obj", "punct", "conj"):
                    continue
                if t.dep == "punct":
                    fixed[t.i] = replace(t, head=verb.i)
                elif t.case is None and not has_object and t.pos in ("NOUN", "PROPN"):
                    fixed[t.i] = replace(t, head=verb.i, dep="obj")
                    has_object = True
                elif t.case is not None:
                    fixed[t.i] = replace(t, head=verb.i, dep="obl")
        return tuple(fixed)
    return tokens


def main_clause_after_opening(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """'Après avoir signé un accord avec Paris, le président ivoirien a regagné Abidjan', 'Ayant
    rencontré le président égyptien, le secrétaire d'Etat s'est rendu à Doha': the parser makes the
    subjectless opening the root and hangs the main clause under it. The clause after the comma
    that has its own subject is the main one; the opening is its adjunct (and shares its subject)."""
    root = next((t for t in tokens if t.head == t.i), None)
    if root is None or root.pos != "VERB" or any(t.head == root.i and t.dep in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS
                                                  for t in tokens if t.i != root.i):
        return tokens
    opening = tokens[:root.i]
    if not opening or not all(t.dep in ("mark", "aux:tense", "aux", "case", "advmod") for t in opening) and root.i > 0:
        return tokens
    comma = next((t for t in tokens[root.i + 1:] if t.text == ","), None)
    if comma is None:
        return tokens
    main = next((t for t in tokens[comma.i + 1:] if t.pos in ("VERB", "AUX") and t.dep != "ROOT"
                 and any(k.head == t.i and k.dep in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS and k.i > comma.i for k in tokens)), None)
    if main is None:
        return tokens
    fixed = list(tokens)
    fixed[main.i] = replace(main, head=main.i, dep="ROOT")
    fixed[root.i] = replace(root, head=main.i, dep="advcl")
    for t in tokens:
        if t.head == root.i and t.i > comma.i and t.i != main.i:
            fixed[t.i] = replace(t, head=main.i)  # the final full stop and what follows belong to the main clause
    return tuple(fixed)


def worded_by_document(tok: Token, head: Token, lang: str) -> bool:
    """'adopted a resolution condemning Georgia': a document's present participle states its content."""
    present = tok.feat("VerbForm") == "Ger" or (tok.feat("VerbForm") == "Part" and tok.feat("Tense") == "Pres")
    return present and head.lemma.lower() in syntax_words(lang, "document_nouns")


class View:
    """Index over one sentence's tokens: children, subtrees, and argument lookups."""

    def __init__(self, sentence: ParsedSentence, verbs: Container[str] = frozenset()):
        self.sentence = sentence
        self.tokens = hoist_from_time_words(
            object_after_recipient(subject_from_adjunct(join_stray_subject(main_clause_after_opening(
                verb_from_modifier(sentence.tokens, sentence.lang, verbs))), sentence.lang)),
            sentence.lang)
        self._kids: dict[int, list[int]] = defaultdict(list)
        for tok in self.tokens:
            if tok.head != tok.i:
                self._kids[tok.head].append(tok.i)

    def tok(self, i: int) -> Token:
        return self.tokens[i]

    def children(self, i: int, *deps: str) -> list[Token]:
        kids = [self.tokens[k] for k in self._kids.get(i, ())]
        if deps:
            kids = [k for k in kids if k.dep in deps]
        return kids

    def head(self, i: int) -> Token | None:
        tok = self.tokens[i]
        return None if tok.head == tok.i else self.tokens[tok.head]

    def subtree(self, i: int, stop: set[str] | None = None) -> set[int]:
        """Token indices under i; children whose label is in `stop` are not entered."""
        seen = {i}
        stack = [i]
        while stack:
            current = stack.pop()
            for kid in self._kids.get(current, ()):
                if stop and self.tokens[kid].dep in stop:
                    continue
                if kid not in seen:
                    seen.add(kid)
                    stack.append(kid)
        return seen

    def clause(self, i: int) -> set[int]:
        """The predicate's own clause: its subtree without embedded clauses."""
        return self.subtree(i, stop=CLAUSE_DEPS | {"conj"})

    # ------------------------------------------------------------ voice and arguments

    def is_agent(self, tok: Token) -> bool:
        """A passive's 'par/by' phrase, whatever label the parser gave it."""
        return tok.dep == "obl:agent" or tok.case in syntax_words(self.sentence.lang, "agent_prepositions")

    def is_passive(self, i: int) -> bool:
        kids = self.children(i)
        if self.has_reflexive(i) and (not any(k.dep in ("aux:pass", "auxpass") for k in kids)
                                      or not any(self.is_agent(k) for k in kids)):
            return False  # "la Chine s'est déclarée prête", "se sont accusés": pronominal, not passive
        if self.tokens[i].lemma.lower() in syntax_words(self.sentence.lang, "etre_verbs") and \
                not any(self.is_agent(k) for k in kids):
            return False  # "le chef de la diplomatie est arrivé à Riyad": a compound past with être
        if any(k.dep == "aux:tense" and k.lemma == "avoir" for k in kids) and \
                not any(k.dep in ("aux:pass", "auxpass") for k in kids):
            return False  # "la Norvège … ont reconnu", mislabelled nsubj:pass: a compound past with avoir is active
        return any(k.dep in PASSIVE_SUBJECT_DEPS or k.dep in ("aux:pass", "auxpass") for k in kids) or \
            any(k.dep == "obl:agent" for k in kids) or \
            (self.tokens[i].feat("VerbForm") == "Part" and any(self.is_agent(k) and k.dep.startswith("obl")
                                                               for k in kids) and not any(k.dep.startswith("aux:tense") or k.dep == "aux" for k in kids))

    def inverted_subject(self, i: int) -> Token | None:
        """'…, a dénoncé l'ONU.' / '…, said the ministry.': a clause set off by a comma at the end of the
        sentence, with no subject before its verb, has its subject after it."""
        kids = self.children(i)
        if any(k.dep in SUBJECT_DEPS or k.dep in PASSIVE_SUBJECT_DEPS for k in kids):
            return None
        verb = self.tokens[i]
        finite = verb.feat("VerbForm") == "Fin" or any(k.dep.startswith("aux") and k.feat("VerbForm") == "Fin" for k in kids)
        if not finite:
            return None  # ", killing 43 people": a participle's object is its object
        first = min([k.i for k in kids if k.dep.startswith("aux")] + [i])
        if first == 0 or self.tokens[first - 1].text != ",":
            return None
        objects = [k for k in kids if k.dep in ("obj", "dobj") and k.i > i and k.pos in ("PROPN", "NOUN")]
        if not objects:
            return None
        tail = self.subtree(objects[0].i)
        rest = [t for t in self.tokens[max(tail) + 1:] if t.pos != "PUNCT"]
        return objects[0] if not rest else None

    def own_subjects(self, i: int) -> list[Token]:
        inverted = self.inverted_subject(i)
        if inverted is not None:
            return [inverted]
        if self.is_passive(i):
            # the French model often labels "par la gendarmerie" obl:mod rather than obl:agent
            return [k for k in self.children(i) if k.dep == "obl:agent" or (k.dep.startswith("obl") and self.is_agent(k))]
        return [k for k in self.children(i) if k.dep in SUBJECT_DEPS or k.dep in PASSIVE_SUBJECT_DEPS]

    def own_objects(self, i: int) -> list[Token]:
        if self.inverted_subject(i) is not None:
            return []
        if self.is_passive(i):
            return [k for k in self.children(i) if k.dep in PASSIVE_SUBJECT_DEPS]
        return [k for k in self.children(i) if k.dep in ("obj", "dobj")]

    def subjects(self, i: int, depth: int = 0) -> list[Token]:
        """Subject with inheritance: control (xcomp), coordination, relatives, participles."""
        own = self.own_subjects(i)
        tok = self.tokens[i]
        if own:
            return [self.antecedent(s, i) for s in own]
        head = self.head(i)
        if head is None or depth > 4:
            return []
        if tok.dep == "acl" and self.is_participle(tok) and self.is_passive(i):
            return []  # "un attentat revendiqué par X": the agent would have been found above
        if tok.dep in ("xcomp", "conj", "advcl", "acl", "obl:arg", "obl", "ccomp", "dep", "acomp", "attr", "oprd") \
                and head.pos in ("VERB", "AUX", "ADJ", "NOUN"):
            if head.pos == "NOUN" and tok.dep not in ("acl",):
                return []
            if head.pos == "NOUN":
                # "la décision de la Gambie de rouvrir la frontière": the noun's named holder acts ...
                holder = next((k for k in self.children(head.i) if k.i < i and k.pos == "PROPN" and
                               (k.dep == "nmod:poss" or k.dep == "nmod" and k.case in ("de", "of"))), None) \
                    if head.lemma.lower() in syntax_words(self.sentence.lang, "holder_nouns") else None
                if holder is not None:
                    return [holder]
                # ... else "a annoncé son intention d'accorder un prêt": whoever holds the intention acts
                governor = self.head(head.i)
                if governor is not None and head.dep in ("obj", "dobj", "obl:arg", "obl") and governor.pos in ("VERB", "AUX"):
                    return self.subjects(governor.i, depth + 1)
                return []
            if tok.dep == "ccomp":
                return []
            if tok.dep == "xcomp" and not self.is_passive(head.i) and \
                    head.lemma.lower() in syntax_words(self.sentence.lang, "object_control_verbs"):
                controllers = [k for k in self.children(head.i) if k.dep in ("obj", "dobj") and k.pos in ("NOUN", "PROPN")]
                if controllers:
                    # "urged Russia to withdraw", "a exhorté Moscou à retirer ses troupes": the object acts
                    return [self.antecedent(c, head.i) for c in controllers]
            if tok.dep == "xcomp" and self.is_passive(head.i):
                # "Obama is scheduled to attend", "il a été contraint de démissionner": the passive's subject
                raised = [k for k in self.children(head.i) if k.dep in PASSIVE_SUBJECT_DEPS]
                if raised:
                    return [self.antecedent(s, head.i) for s in raised]
            return self.subjects(head.i, depth + 1)
        if tok.dep == "acl:relcl":
            return []
        return []

    def objects(self, i: int) -> list[Token]:
        own = self.own_objects(i)
        if own:
            return [self.through_quantity(self.antecedent(o, i)) for o in own]
        tok = self.tokens[i]
        head = self.head(i)
        if head is not None and tok.dep == "acl" and self.is_participle(tok) and head.pos in ("NOUN", "PROPN"):
            return [head]  # "des civils tués par l'armée": the noun is the patient
        if head is not None and tok.dep == "conj" and self.is_passive(i) is False and not own:
            return []
        return []

    def through_quantity(self, tok: Token) -> Token:
        """'l'ensemble des partis', 'dozens of protesters': the object is what is counted."""
        if tok.lemma.lower() not in quantifier_heads(self.sentence.lang) and tok.text.lower() not in quantifier_heads(self.sentence.lang):
            return tok
        counted = [k for k in self.children(tok.i) if k.case in ("de", "of", "d'") and k.pos in ("NOUN", "PROPN")]
        return self.through_quantity(counted[0]) if counted else tok

    def antecedent(self, arg: Token, predicate: int) -> Token:
        """A relative pronoun stands for the noun the relative clause hangs on."""
        if arg.text.lower() in RELATIVE_PRONOUNS or arg.feat("PronType") == "Rel":
            pred = self.tokens[predicate]
            head = self.head(predicate)
            if pred.dep in ("acl:relcl", "acl") and head is not None:
                return head
        return arg

    @staticmethod
    def is_participle(tok: Token) -> bool:
        return tok.feat("VerbForm") == "Part" or tok.pos == "VERB" and tok.text.endswith(("ed", "é", "ée", "és", "ées"))

    def obliques(self, i: int, prep: str) -> list[Token]:
        """Nominal dependents introduced by a preposition ('avec', 'with', 'à', 'de')."""
        return [k for k in self.children(i) if k.case == prep and k.dep.split(":")[0] in ("obl", "nmod", "iobj", "obj")
                or k.case == prep and k.dep in ("obl:arg", "obl:mod", "nmod", "advcl", "dative", "pcomp")]

    def has_reflexive(self, i: int) -> bool:
        return any(k.lemma in ("se", "soi") or k.dep.startswith("expl") and k.text.lower() in ("se", "s'", "s’")
                   for k in self.children(i))

    def conjuncts(self, i: int) -> list[Token]:
        """Coordinated members of a nominal: 'la Chine et la Russie'."""
        result = []
        for kid in self.children(i):
            if kid.dep == "conj" and kid.pos in ("NOUN", "PROPN", "PRON", "X", "ADJ") or self.listed_apposition(kid):
                result.append(kid)
                result.extend(self.conjuncts(kid.i))
        if not result:
            stray = self.stray_conjunct(i)
            if stray is not None:
                result.append(stray)
        return result

    def listed_apposition(self, kid: Token) -> bool:
        """'The US, Russia, and Switzerland': the parser makes the middle member an apposition
        that carries the rest of the list ('and Switzerland') as its own conjunct."""
        comma_nmod = kid.dep == "nmod" and kid.case is None and kid.i > 0 and self.tokens[kid.head].i < kid.i and \
            any(t.text == "," for t in self.tokens[kid.head + 1:kid.i])  # "le Burkina Faso, le Mali et le Niger"
        if not (kid.dep == "appos" or comma_nmod) or kid.pos != "PROPN":
            return False
        for holder in (kid.i, kid.head):  # the rest of the list hangs on the apposition or on its head
            kids = self.children(holder)
            conj = [k for k in kids if k.dep == "conj" and k.pos == "PROPN"]
            # the 'and' hangs on the head (English labels) or on the last member (UD)
            if conj and (any(k.dep == "cc" for k in kids) or any(c.dep == "cc" for k in conj for c in self.children(k.i))):
                return True
        return False

    def stray_conjunct(self, i: int) -> Token | None:
        """'entre Washington et les talibans' where the parser hung 'talibans' on the verb:
        a nominal marked conj right after 'et/and' that follows this noun phrase."""
        end = max(self.np_tokens(i)) + 1
        if end >= len(self.tokens) or self.tokens[end].text.lower() not in ("et", "and"):
            return None
        for j in range(end + 1, min(end + 4, len(self.tokens))):
            tok = self.tokens[j]
            if tok.dep == "conj" and tok.pos in ("NOUN", "PROPN") and self.tokens[tok.head].pos in ("VERB", "AUX"):
                return tok
            if tok.pos not in ("DET", "ADJ"):
                return None
        return None

    def np_tokens(self, i: int) -> set[int]:
        """The noun phrase under i: nominal dependents only, and only 'de/of' complements
        (a locative 'à Beijing' hanging on an actor is a place, not part of the actor)."""
        result = {i}
        stack = [i]
        while stack:
            current = stack.pop()
            for kid in self.children(current):
                if kid.i in result or kid.dep not in NOMINAL_DEPS or kid.dep == "conj":
                    continue
                if kid.dep in ("nmod", "obl:mod") and kid.case not in (None, "de", "of", "d'"):
                    continue
                if kid.dep == "acl":
                    continue
                result.add(kid.i)
                stack.append(kid.i)
        return result
