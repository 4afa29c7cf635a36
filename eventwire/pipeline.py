"""Chains the stages for one article: parse, extract, code.

``code_article`` is the one function the CLI, the API and a distributed run all
call: pure (same article and settings, same record) and picklable by name.
The steps:

1. parse the cleaned text with the spaCy pipeline (``nlp.load_pipeline``);
2. extract actors, places, times, quantities and quotes (``extract/``);
3. code events from triggers and link their arguments (``coding/``);
4. assemble the ``Record``: events, distinct entities, quotes, quantities.
"""

from __future__ import annotations

from .clean import dateline_end, dateline_place
from .coding.events import code_events
from .coding.ontology import load_lexicon
from .config import Settings
from .extract.actors import distinct_entities, extract_actors, load_actor_kb
from .extract.places import extract_places, load_gazetteer, resolve_toponym
from .extract.quantities import extract_quantities
from .extract.quotes import extract_quotes
from .extract.times import extract_times
from .nlp import load_pipeline
from .records import Article, Mentions, Record


def code_article(article: Article, settings: Settings) -> Record:
    """Code one cleaned article into its full record."""
    doc = load_pipeline(settings.model)(article.text)
    kb = load_actor_kb(extra_files=tuple(settings.actor_files))
    filed_at = dateline_end(article.text)
    actors = [a for a in extract_actors(doc, kb) if a.start >= filed_at]
    mentions = Mentions(
        actors=actors,
        places=extract_places(doc, load_gazetteer()),
        times=[t for t in extract_times(doc, article.published) if t.start >= filed_at],
        quantities=extract_quantities(doc),
        quotes=extract_quotes(doc, actors),
    )
    filed_in = dateline_place(article.text)
    home = resolve_toponym(filed_in) if filed_in else None
    events = code_events(doc, mentions, load_lexicon(settings.lexicon_dir), published=article.published,
                         home=home.country if home else None)
    events = [e for e in events if (e.confidence or 0.0) >= settings.min_confidence]
    return Record(article=article, events=events, entities=distinct_entities(actors),
                  quotes=mentions.quotes, quantities=mentions.quantities)
