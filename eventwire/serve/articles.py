"""/api/articles: the stored articles, a page at a time, and one with its text and record."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel

from . import queries
from .reader import Session
from .errors import ERROR_RESPONSES, ApiError
from .params import Day, Limit, Offset, Words, cursor

router = APIRouter(prefix="/api/articles", tags=["articles"], responses=ERROR_RESPONSES)
ArticleId = Annotated[str, Path(min_length=1, max_length=500)]


class ArticleSummary(BaseModel):
    id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    duplicate_of: str | None
    events: int


class ArticlePage(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[ArticleSummary]


class ArticleDetail(BaseModel):
    """An article's cleaned text (all offsets index it) and its record; a duplicate has none."""

    id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    language: str | None
    text: str
    source: str | None
    duplicate_of: str | None
    ingested_at: str | None
    record: dict[str, Any] | None


@router.get("", response_model=ArticlePage, summary="Stored articles, newest first")
def list_articles(db: Annotated[Session, Depends(cursor)], outlet: Words = None,
                  since: Day = None, until: Day = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    total, rows = queries.articles_page(db, outlet=outlet, since=since and since.isoformat(),
                                        until=until and until.isoformat(), limit=limit, offset=offset)
    return {"total": total, "offset": offset, "limit": limit, "items": rows}


@router.get("/{article_id}", response_model=ArticleDetail, summary="One article: text and record")
def get_article(article_id: ArticleId, db: Annotated[Session, Depends(cursor)]) -> dict[str, Any]:
    article = queries.article_record(db, article_id)
    if article is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return article
