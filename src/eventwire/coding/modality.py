"""Modality: is the coded action asserted, intended, refused, threatened, negated or hypothetical?"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..model import Token
from ..resources import load_yaml
from .syntax import View, syntax_words, worded_by_document

GOVERNOR_LINKS = ("xcomp", "advcl", "obl:arg", "obl", "acl", "ccomp", "csubj", "nmod", "obj", "conj", "dep")


@dataclass(frozen=True, slots=True)
class ModalityWords:
    negation: frozenset[str]
    intent: frozenset[str]
    refusal: frozenset[str]
    threat: frozenset[str]
    hypothetical: frozenset[str]
    hypothetical_marks: frozenset[str]
    attempt: frozenset[str]
    reporting: frozenset[str]
    request: frozenset[str]
    purpose: frozenset[str]
    non_political: frozenset[str]
    content_nouns: frozenset[str]
    accusation: frozenset[str]
    stances: tuple[tuple[str, str], ...]
    stance_verbs: frozenset[str]
    obligation: frozenset[str]
    background: frozenset[str]
    future_aux: frozenset[str]
    infinitive_purpose: frozenset[str]
    wish: frozenset[str]
    content_marks: frozenset[str]
    venues: frozenset[str]
    competition: frozenset[str]
    permission: frozenset[str]
    warning: frozenset[str]
    unless: frozenset[str]
    claiming: frozenset[str]
    score_joiners: frozenset[str]


@lru_cache(maxsize=4)
def modality_words(lang: str) -> ModalityWords:
    data = load_yaml(lang, "modality.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key, []))

    return ModalityWords(words("negation_words"), words("intent_governors"), words("refusal_governors"),
                         words("threat_governors"), words("hypothetical_governors"), words("hypothetical_marks"),
                         words("attempt_governors"), words("reporting_verbs"), words("request_governors"), words("purpose_marks"),
                         words("non_political_cues"), words("content_nouns"), words("accusation_governors"),
                         tuple((str(k).lower(), str(v)) for k, v in (data.get("stance_adjectives") or {}).items()),
                         words("stance_verbs"), words("obligation_words"), words("background_prepositions"),
                         words("future_auxiliaries"), words("infinitive_purpose"),
                         words("wish_governors"), words("content_marks"),
                         words("venue_cues"), words("competition_verbs"), words("permission_governors"),
                         words("warning_governors"), words("unless_marks"),
                         words("claiming_verbs"), words("score_joiners"))


@dataclass(frozen=True, slots=True)
class Modality:
    kind: str                        # asserted | intended | negated | hypothetical | reported
    transform: str | None = None     # None | "intent" | "threat" | "refusal"
    governor: int | None = None      # index of the verb that carries the intention/report
    reporter: int | None = None      # index of the reporting verb, for attribution


def forms(tok: Token) -> set[str]:
    """The lemma plus plausible base forms of the word: the small English model lemmatises
    'hopes' as 'hop' and 'staged' as 'stag'; the French one leaves present tenses as they are."""
    word = tok.text.lower()
    found = {tok.lemma.lower(), word}
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""),
                         ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            found.add(word[: -len(suffix)] + repl)
    return found


def is_negated(view: View, i: int, words: ModalityWords) -> bool:
    for kid in view.children(i):
        if kid.dep == "advmod:neg" or (kid.dep in ("advmod", "neg", "det") and kid.lemma in words.negation
                                       and kid.text.lower() != "plus"):
            return True
    return False


def is_future(tok: Token, view: View, words: ModalityWords) -> bool:
    if tok.feat("Tense") == "Fut":
        return True
    return any(k.dep.startswith("aux") and (k.lemma in words.future_aux or k.text.lower() in words.future_aux)
               or k.dep.startswith("aux") and k.feat("Tense") == "Fut"
               for k in view.children(tok.i))


def is_conditional(tok: Token, view: View, words: ModalityWords) -> bool:
    if tok.feat("Mood") == "Cnd" or looks_conditional(tok):
        return True
    for kid in view.children(tok.i):
        if kid.dep.startswith("aux") and (kid.feat("Mood") == "Cnd" or kid.lemma in words.hypothetical
                                          or kid.text.lower() in words.hypothetical):
            return True
        if kid.dep == "mark" and kid.lemma in words.hypothetical_marks:
            return True
    return False


def looks_conditional(tok: Token) -> bool:
    """The French model tags some conditionals as imperfects ('poursuivrait'): a conditional is the
    infinitive (less a final -e) plus -ait/-aient, which an imperfect never is ('déclarait')."""
    if tok.feat("Tense") != "Imp" or not tok.lemma.endswith(("er", "ir", "re")):
        return False
    stem = tok.lemma[:-1] if tok.lemma.endswith("re") else tok.lemma
    return tok.text.lower() in (stem + "ait", stem + "aient", stem + "ais")


def future_in_the_past(view: View, tok: Token, words: ModalityWords) -> bool:
    """'Iraq said it would allow inspectors back', 'a annoncé qu'il enverrait des troupes': a
    conditional reported by a speaker is the speaker's future, unless an 'if/si' clause makes it one."""
    head = view.head(tok.i)
    if tok.dep != "ccomp" or head is None or not forms(head) & words.reporting:
        return False
    if not is_conditional(tok, view, words) or any(k.text.lower() in words.obligation for k in view.children(tok.i)):
        return False  # "said Libya must hand over": an obligation, which the demand rule codes
    clause = view.subtree(tok.i)
    return not any(view.tok(j).dep == "mark" and view.tok(j).lemma in words.hypothetical_marks for j in clause)


def expresses_intent(view: View, gov: Token, words: ModalityWords) -> bool:
    """'a exprimé son espoir de …', 'expressed the hope to …': the intention is the object noun."""
    return gov.pos in ("VERB", "AUX") and any(k.dep in ("obj", "dobj") and k.lemma in words.intent
                                              for k in view.children(gov.i))


QUOTES_AND_COMMAS = {"«", "»", '"', "'", "“", "”", ","}


def intent_noun_before(view: View, i: int, words: ModalityWords) -> Token | None:
    """The intention noun right before an infinitive ('intention d'attaquer', 'plans to attack')."""
    tok = view.tok(i)
    if not (tok.feat("VerbForm") == "Inf" or tok.tag_free_infinitive()):
        return None
    j = i - 1
    skippable = QUOTES_AND_COMMAS | syntax_words(view.sentence.lang, "infinitive_markers")
    while j >= 0 and view.tok(j).text.lower() in skippable:
        j -= 1
    if j < 0 or j == i - 1:
        return None
    candidate = view.tok(j)
    return candidate if candidate.pos == "NOUN" and candidate.lemma in words.intent else None


def is_purpose_clause(view: View, tok: Token, words) -> bool:
    """'pour réclamer', 'afin de', 'in order to'; in English a bare infinitive adjunct too
    ('gathered in Belgrade to demand …'), which the parser labels advcl with an 'to' auxiliary."""
    kids = view.children(tok.i)
    marked = any(k.dep == "mark" and (k.lemma in words.purpose or k.text.lower() in words.purpose) for k in kids)
    if marked and tok.dep in ("advcl", "xcomp", "acl", "obl"):
        return True
    head = view.head(tok.i)
    governed = head is not None and bool(forms(head) & (words.intent | words.request | words.refusal | words.threat
                                                         | words.attempt | words.hypothetical))
    return tok.dep == "advcl" and tok.pos == "VERB" and not governed and any(
        k.dep == "aux" and k.text.lower() in words.infinitive_purpose for k in kids)


def purpose_governor(view: View, i: int, words) -> Token | None:
    """The verb whose purpose the clause at i states ('gathered … to demand', 'ont manifesté pour
    réclamer'), through coordination ('to mark the day and demand rights')."""
    tok = view.tok(i)
    for _ in range(3):
        if is_purpose_clause(view, tok, words):
            return view.head(tok.i)
        if tok.dep != "conj" or view.head(tok.i) is None:
            return None
        tok = view.head(tok.i)
    return None


def rejected_or_alleged(view: View, noun: Token, words) -> bool:
    """The offer or plan is the object of a refusal or accusation: what it proposes is nobody's intention."""
    head = view.head(noun.i)
    return head is not None and bool(forms(head) & (words.refusal | words.accusation))


def perfect_infinitive(view: View, tok: Token) -> bool:
    """'a annoncé avoir ouvert une enquête', 'said to have met': done, not intended."""
    return any(k.dep.startswith("aux") and k.feat("VerbForm") == "Inf" and k.lemma in ("avoir", "être", "have")
               for k in view.children(tok.i))


def is_the_condition(view: View, tok: Token, words: ModalityWords) -> bool:
    """The clause an 'unless' / 'à moins que' introduces: what must happen, not what happened."""
    head = view.head(tok.i)
    marked = any(k.dep == "mark" and k.text.lower() in words.unless for k in view.children(tok.i))
    hung = head is not None and any(m.text.lower() in words.unless for m in [head] + view.children(head.i, "fixed"))
    return tok.dep in ("advcl", "ccomp") and (marked or hung)


def unless_clause(view: View, tok: Token, words: ModalityWords) -> bool:
    """An 'unless …' / 'à moins que …' clause on the act: the act is held over another's head."""
    for mark in view.tokens:
        if mark.text.lower() not in words.unless:
            continue
        # 'unless' marks its clause (advcl of the act); the French model hangs 'à moins (que)' on the act itself
        head = view.head(mark.i)
        while head is not None and head.i != tok.i and head.dep in ("fixed", "advcl", "ccomp", "advmod", "mark"):
            head = view.head(head.i)
        if head is not None and head.i == tok.i:
            return True
    return False


def warns_of_own_act(view: View, clause: Token, words: ModalityWords) -> bool:
    """'Kenya warned it would expel the refugees', 'Moscou a averti qu'elle riposterait': a warning
    about what the speaker itself (a pronoun subject) will do is a threat; one about others is not."""
    subjects = view.own_subjects(clause.i)
    return bool(subjects) and all(s.pos == "PRON" for s in subjects) and \
        (is_future(clause, view, words) or is_conditional(clause, view, words))


def governors(view: View, i: int, limit: int = 4) -> list[Token]:
    """The chain of verbs/adjectives that embed the predicate, nearest first."""
    chain = []
    current = view.tok(i)
    for _ in range(limit):
        head = view.head(current.i)
        if head is None or current.dep not in GOVERNOR_LINKS:
            break
        chain.append(head)
        if current.dep == "ccomp":
            break
        current = head
    return chain


def modality_of(view: View, i: int, lang: str) -> Modality:
    words = modality_words(lang)
    tok = view.tok(i)
    if is_negated(view, i, words):
        if is_future(tok, view, words) or is_conditional(tok, view, words) and any(
                k.text.lower() in ("would", "wouldn't") for k in view.children(i)):
            return Modality("asserted", "refusal", governor=i)  # "will not / would not provide": a refusal
        return Modality("negated")
    warner = view.head(i)
    if tok.dep == "ccomp" and warner is not None and forms(warner) & words.warning and warns_of_own_act(view, tok, words):
        return Modality("asserted", "threat", governor=warner.i)  # "warned it would expel": a threat
    if is_the_condition(view, tok, words):
        return Modality("hypothetical")  # "… unless Kiev pays", "à moins que le Hezbollah se retire": the condition
    if (is_conditional(tok, view, words) or is_future(tok, view, words)) and unless_clause(view, tok, words):
        return Modality("asserted", "threat", governor=i)  # "may halt gas supplies unless Kiev pays": a threat
    if is_conditional(tok, view, words) and not future_in_the_past(view, tok, words):
        return Modality("hypothetical")
    if is_purpose_clause(view, tok, words):
        return Modality("hypothetical")  # "ont manifesté pour réclamer …": the goal, not a second act
    noun = intent_noun_before(view, i, words)
    if noun is not None:
        # "n'avait « aucune intention » d'attaquer": the parser may hang the verb elsewhere, the words do not lie
        if is_negated(view, noun.i, words) or any(k.lemma in words.negation for k in view.children(noun.i)):
            return Modality("asserted", "refusal", governor=noun.i)
        if rejected_or_alleged(view, noun, words):
            return Modality("hypothetical", governor=noun.i)  # "rejected a US offer to host a summit"
        return Modality("intended", "intent", governor=noun.i)
    head = view.head(i)
    if head is not None and tok.dep == "acl" and head.lemma in words.content_nouns and \
            not forms(head) & words.intent and not worded_by_document(tok, head, lang):
        return Modality("hypothetical", governor=head.i)  # "rejected an offer to mediate": the offer's content
    child = tok
    for gov in governors(view, i):
        link = child.dep
        names = forms(gov)
        if link == "ccomp" and names & words.reporting:
            if is_future(tok, view, words) or future_in_the_past(view, tok, words):
                return Modality("intended", "intent", governor=gov.i, reporter=gov.i)
            return Modality("reported", reporter=gov.i)
        if names & words.accusation and link != "conj":
            return Modality("hypothetical", governor=gov.i)  # "accusé Kiev d'avoir tenté d'assassiner": alleged
        if names & words.request and link != "conj":
            # what X urges Y to do has not happened: the appeal is the event
            return Modality("hypothetical", governor=gov.i)
        if names & words.permission and link in ("ccomp", "xcomp", "acl"):
            # what X allows Y to do is permitted, not done: the permission is the event (08)
            return Modality("hypothetical", governor=gov.i)
        if names & words.refusal:
            if is_negated(view, gov.i, words):
                return Modality("hypothetical", governor=gov.i)  # "n'a pas exclu de se rendre": not refused, not decided
            return Modality("asserted", "refusal", governor=gov.i)
        if names & words.threat:
            return Modality("asserted", "threat", governor=gov.i)
        if is_negated(view, gov.i, words):
            if names & words.intent or is_future(gov, view, words):
                return Modality("asserted", "refusal", governor=gov.i)  # "does not want to meet", "n'a pas l'intention de"
            return Modality("negated", governor=gov.i)
        if gov.pos == "NOUN" and names & words.intent and rejected_or_alleged(view, gov, words):
            return Modality("hypothetical", governor=gov.i)  # "rejected a US offer to host a summit"
        if (names & words.intent or expresses_intent(view, gov, words)) and not perfect_infinitive(view, tok):
            return Modality("intended", "intent", governor=gov.i)
        if names & words.hypothetical or is_conditional(gov, view, words):
            return Modality("hypothetical", governor=gov.i)
        if link == "conj":
            if is_purpose_clause(view, gov, words):
                return Modality("hypothetical", governor=gov.i)  # "marched to mark the day and demand rights"
            child = gov
            continue
        if link in ("obl", "nmod", "obj") and gov.pos not in ("VERB", "ADJ", "AUX"):
            break
        child = gov
    if is_future(tok, view, words):
        return Modality("intended", "intent", governor=i)
    if view.sentence.text.rstrip().endswith("?"):
        return Modality("hypothetical")
    return Modality("asserted")
