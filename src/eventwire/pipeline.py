"""One per-batch function that the CLI, the process pool and the Ray runner all map over inputs."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from .coding.coder import CoderResources, code_sentences
from .extract import extract
from .model import BatchResult, Document, DocumentResult, RawItem, Rejection
from .nlp import Parser
from .settings import Settings


class Pipeline:
    """Holds what is expensive to load (spaCy models, lexicons, gazetteer) for one process."""

    def __init__(self, settings: Settings, user_actor_files: tuple[str, ...] = (),
                 remembered: tuple[tuple[str, str], ...] = ()):
        self.settings = settings
        self.parser = Parser(settings.models)
        self.user_actor_files = user_actor_files
        self.remembered = remembered  # (name, code) of people met in earlier documents
        self._resources: dict[str, CoderResources] = {}

    def remembering(self, remembered: tuple[tuple[str, str], ...]) -> "Pipeline":
        """The same parser and settings, with people from earlier documents added to the lexicon."""
        if remembered == self.remembered:
            return self
        other = Pipeline.__new__(Pipeline)
        other.settings, other.parser, other.user_actor_files = self.settings, self.parser, self.user_actor_files
        other.remembered, other._resources = remembered, {}
        return other

    def resources(self, lang: str) -> CoderResources:
        if lang not in self._resources:
            self._resources[lang] = CoderResources.load(lang, self.user_actor_files, self.remembered)
        return self._resources[lang]

    def process_batch(self, items: Sequence[RawItem | Rejection]) -> BatchResult:
        rejections: list[Rejection] = [i for i in items if isinstance(i, Rejection)]
        documents: list[Document] = []
        for item in items:
            if isinstance(item, Rejection):
                continue
            if len(item.content.encode("utf-8", "surrogatepass")) > self.settings.max_document_bytes:
                rejections.append(Rejection(item.origin, "extract", "too-large",
                                            f"{item.origin}: document over {self.settings.max_document_bytes // 1000} kB; "
                                            "split it or raise max_document_bytes in a settings file"))
                continue
            outcome = extract(item, self.settings.min_text_chars)
            (rejections if isinstance(outcome, Rejection) else documents).append(outcome)
        parsed = self.parser.parse_documents(documents, self.settings.batch_size)
        results = []
        for document, sentences in zip(documents, parsed):
            events = code_sentences(document, sentences, self.resources(document.lang),
                                    occasion_dates=self.settings.occasion_dates)
            if not self.settings.emit_negated:
                events = tuple(e for e in events if e.modality not in ("negated", "hypothetical"))
            results.append(DocumentResult(document=document, events=events, sentences=len(sentences)))
        return BatchResult(results=tuple(results), rejections=tuple(rejections))


def batched(items: Iterable, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
