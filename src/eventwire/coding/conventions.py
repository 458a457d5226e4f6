"""CAMEO's coding conventions that depend on who acts and on whom, not on the words: a state's army
using force, a crowd rioting, a mass killing, a protest's implied target, a transnational group placed.

Pure functions over codes and actors; the coder applies them when it builds and settles events.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Actor, Event, Token
from .modality import forms, modality_words
from .syntax import View, syntax_words

STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def protest_code(demand: str) -> str:
    """CAMEO mirrors 104x (demand political reform) in 141x (demonstrate for it)."""
    return "141" + demand[3] if demand.startswith("104") and len(demand) == 4 else "141"


# a killing of this many people or more by a non-state force is a mass killing (CAMEO 202)
MASS_KILLING = 100


def mass_killing(view: View, anchor: Token, code: str, sources: tuple[Actor, ...]) -> str:
    """'Boko Haram fighters killed at least 110 farmers', 'gunmen killed more than 160 people'."""
    if code not in ("1823", "190") or not sources or any(a.role in SECURITY_ROLES for a in sources):
        return code
    for victim in view.objects(anchor.i):
        counted = [victim] + [view.tok(i) for i in view.np_tokens(victim.i)] + view.children(victim.i)
        if any(victim_count(t, view.sentence.lang) >= MASS_KILLING for t in counted):
            return "202"
    return code


def victim_count(tok: Token, lang: str) -> int:
    """The number a token gives: its digits, or a word of large quantity ('hundreds', 'des centaines')."""
    if tok.text.lower() in syntax_words(lang, "mass_quantities"):
        return MASS_KILLING
    digits = tok.text.replace(",", "").replace("\u202f", "").replace(" ", "")
    return int(digits) if tok.pos == "NUM" and digits.isdigit() else 0


def attempted(view: View, anchor: Token, code: str) -> str:
    """'ont tenté d'assassiner le gouverneur': CAMEO codes an assassination attempt 185, not 186."""
    head = view.head(anchor.i)
    if code == "186" and head is not None and anchor.dep == "xcomp" and forms(head) & modality_words(view.sentence.lang).attempt:
        return "185"
    return code


def solo_exercise(code: str, sources: tuple[Actor, ...], targets: tuple[Actor, ...]) -> str:
    """Military exercises held with nobody are a show of force (150), not military cooperation (062)."""
    return "150" if code == "062" and not targets and len(sources) == 1 else code


# what a state's armed forces do is conventional military force: a killing (1823) is 190, a bombing
# (183) is done from the air (195); a beating (182) stays an assault
ARMY_VIOLENCE = {"1823": "190", "183": "195"}
# ... while gunmen nobody identifies kill outside any armed conflict's conventions (1823, ACLED's
# 'violence against civilians' by an unidentified armed group)
UNIDENTIFIED_VIOLENCE = {"190": "1823"}
# what civilians and protesters destroy they destroy in a riot: burning buildings or cars (1712) is 145,
# and so is their clash with the police (190)
CROWD_VIOLENCE = {"1712": "145", "190": "145"}
CROWD_ROLES = frozenset({"CVL", "OPP", "LAB", "EDU"})
# ... while the police or army clashing with a crowd represses it violently (175)
REPRESSION = {"190": "175", "145": "175"}
SECURITY_ROLES = frozenset({"COP", "MIL"})


def leaves_organisation(code: str, target: Actor | None) -> bool:
    """'announced their withdrawal from ECOWAS': leaving a body reduces relations (16), it is no retreat."""
    return code == "0874" and target is not None and target.code.startswith("IGO")


def code_for_agent(code: str, source: Actor, target: Actor | None = None) -> str:
    """'Russian aircraft killed 46 civilians': CAMEO keeps root 18 for unconventional violence;
    'des émeutiers ont incendié des bâtiments': property destruction by a crowd is a violent protest;
    'protesters clashed with police': the crowd riots (145), the police represses (175)."""
    if leaves_organisation(code, target):
        return "160"
    if source.role in SECURITY_ROLES and target is not None and target.role in CROWD_ROLES and code in REPRESSION:
        return REPRESSION[code]
    if source.role == "MIL":
        return ARMY_VIOLENCE.get(code, code)
    if source.role == "UAF":
        return UNIDENTIFIED_VIOLENCE.get(code, code)
    if source.role in CROWD_ROLES:
        return CROWD_VIOLENCE.get(code, code)
    return code


def code_for_settled(code: str, source: Actor, target: Actor | None) -> str:
    """Once both countries are known: repression (175) is of one's own population, so a foreign
    force's violence against civilians ('les bombardements russes ont tué douze civils à Kharkiv') is 190."""
    if code == "175" and target is not None and source.role in SECURITY_ROLES and target.role in CROWD_ROLES \
            and source.country and target.country and source.country != target.country:
        return "190"
    return code


def localised(actor: Actor, event: Event) -> Actor:
    """A transnational armed group (IMG) acting in a known country is coded as that country's rebels,
    as event datasets and the field's gold sets do ('Islamic State militants in Sinjar': IRQREB)."""
    if not actor.code.startswith("IMG") or not event.place or not event.place.country \
            or event.place.method == "dateline":
        return actor
    country = event.place.country
    return replace(actor, code=country + "REB", country=country, role="REB")


# curfews, states of emergency, limits on freedoms, and threats of them (CAMEO 1721-1724, 132)
CIVIL_RESTRICTIONS = frozenset({"1721", "1723", "1724", "132"})


def implied_actor(country: str | None, role: str, how: str, text: str = "", span: tuple[int, int] = (0, 0)) -> Actor:
    """An actor a rule supplies rather than the text names: the protesters' government, a curfew's
    population, the unidentified group behind an attack (its country settled later when unknown)."""
    return Actor(code=(country or "---") + role, country=country, role=role, name=None, text=text, span=span, how=how)


def own_government(protester: Actor) -> Actor | None:
    """'Des enseignants ont entamé une grève', 'farmers rallied in the capital': a protest names no
    target when it is addressed to the protesters' own government, as CAMEO codes it."""
    if not protester.country or protester.role in STATE_ROLES or protester.code.startswith(("IGO", "NGO")):
        return None
    return implied_actor(protester.country, "GOV", "implied")
