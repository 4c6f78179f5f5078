"""The knowledge-base editor's widgets: the article list, the editor with its preview, the review buttons, the version
history with its diff, and import / export. Each returns what the editor chose (a Choice); the page acts on it.

States are shown in words ("In review"), never as their code. Article text is our own reviewed markdown, shown with
images as their text (nothing is loaded from an outside host); titles in labels are escaped.
"""

from __future__ import annotations

import html
import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from components import kb_review, kb_usage
from components.assist_panel import article_markdown
from components.safe import literal_markdown
from services.models import ARTICLE_STATE_LABELS, ARTICLE_STATES, Article, ArticleVersion
from services.views import ArticleDetail, DiffLine, DiffRow, ImportProblem, ImportReport

LIST_ORDER = ("in_review", "draft", "rejected", "approved", "archived")  # the review queue first
BADGE_COLOURS = {"draft": "gray", "in_review": "orange", "approved": "green", "rejected": "red", "archived": "violet"}
STEP_LABELS = {"submit": "Submit for review", "approve": "Approve", "archive": "Archive", "restore": "Restore as draft"}
STEP_ICONS = {"submit": ":material/send:", "approve": ":material/check_circle:", "archive": ":material/inventory_2:",
              "restore": ":material/unarchive:"}
_DIFF_STYLE = {"added": "background:#e6ffec;", "removed": "background:#ffebe9;text-decoration:line-through;",
               "same": "color:#57606a;"}
_DIFF_MARK = {"added": "+ ", "removed": "− ", "same": "  "}


@dataclass(frozen=True)
class Choice:
    kind: str  # open | new | reload | version | create | save | submit | approve | reject | archive | restore | assign | vote
    article_id: int = 0
    version: int = 0
    fields: dict[str, Any] = field(default_factory=dict)  # title, body, tags, language, area; assign: assignee; vote: helpful
    reason: str = ""


def state_badge(state: str) -> str:
    """Markdown for a state in words, coloured."""
    return f":{BADGE_COLOURS.get(state, 'gray')}-badge[{ARTICLE_STATE_LABELS.get(state, state)}]"


def state_filter() -> str | None:
    """The state the list shows (None: every state), chosen by its words."""
    options = [None, *ARTICLE_STATES]
    return st.selectbox("Review state", options, key="kb-state",
                        format_func=lambda s: "All states" if s is None else ARTICLE_STATE_LABELS[s])


def article_list(articles: list[Article], selected: int | None) -> Choice | None:
    """One button per article (state, then title), in a scrolling box, those in review first; "New article" above."""
    chosen = None
    if st.button("New article", key="kb-new", icon=":material/add:", width="stretch"):
        chosen = Choice("new")
    st.caption(f"{len(articles)} articles · waiting for review first")
    with st.container(height=620, border=False):
        for article in sorted(articles, key=lambda a: LIST_ORDER.index(a.status) if a.status in LIST_ORDER else 9):
            label = f"{ARTICLE_STATE_LABELS.get(article.status, article.status)} · {literal_markdown(article.title)}"
            if article.assignee:
                label += f" · assigned to {literal_markdown(article.assignee)}"
            if st.button(label, key=f"kb-article-{article.id}", width="stretch",
                         type="primary" if article.id == selected else "secondary"):
                chosen = Choice("open", article.id)
    return chosen


def _fields(article: Article | ArticleVersion | None, key: str) -> dict[str, Any]:
    title = st.text_input("Title", article.title if article else "", key=f"{key}-title", max_chars=200)
    area_col, language_col, tags_col = st.columns([2, 1, 3])
    area = area_col.text_input("Product area", article.category if article else "General", key=f"{key}-area")
    language = language_col.text_input("Language", article.language if article else "en", key=f"{key}-language")
    tags = tags_col.text_input("Tags (comma-separated)", ", ".join(article.tags) if article else "",
                               key=f"{key}-tags")
    write, preview = st.tabs(["Write", "Preview"])
    body = write.text_area("Body (markdown)", article.body if article else "", height=360, key=f"{key}-body")
    with preview:
        st.markdown(article_markdown(body) if body.strip() else "*Nothing to preview yet.*")
    return {"title": title, "body": body, "tags": tags, "language": language, "area": area}


def new_article() -> Choice | None:
    """An empty editor; "Create draft" returns its fields."""
    st.subheader("New article")
    fields = _fields(None, "kb-new-editor")
    if st.button("Create draft", key="kb-create", type="primary", icon=":material/save:"):
        return Choice("create", fields=fields)
    return None


def editor(detail: ArticleDetail, base: int) -> Choice | None:
    """The article's header (state, version, owner, reason), its editor and the review steps this user may take.

    ``base`` is the version the editor started from: the fields show it, and every step names it, so a version
    someone else saved meanwhile makes the step a Conflict (shown by the page) instead of a silent overwrite, and
    the editor's typing is kept until they choose to load the latest version.
    """
    article = detail.article
    st.markdown(f"### {literal_markdown(article.title)}  {state_badge(article.status)}")
    st.caption(f"v{article.version} · owner {literal_markdown(article.owner or '—')} · "
               f"assigned to {literal_markdown(article.assignee or 'nobody')} · "
               f"updated {article.updated_at} · /{article.slug}")
    if article.status == "rejected" and article.note:
        st.warning(f"Rejected: {literal_markdown(article.note)}", icon=":material/feedback:")
    if article.status == "approved":
        st.info("Approved: agents, the assistant and suggestions use it. Saving an edit takes it back to Draft "
                "until it is approved again.", icon=":material/visibility:")
        helpful = kb_usage.vote_buttons(article.id, detail.my_vote, f"kb-page-vote-{article.id}")
        if helpful is not None:
            return Choice("vote", article.id, base, fields={"helpful": helpful})
    key = f"kb-editor-{article.id}-{base}"
    if detail.held:
        st.caption(f":material/group: {literal_markdown(detail.held)}")
    assignee = kb_review.assign_control(article.id, article.assignee, detail.assignable, f"kb-assign-{article.id}")
    if assignee is not None:
        return Choice("assign", article.id, base, fields={"assignee": assignee})
    if base != article.version:
        st.warning(f"Version {article.version} was saved while you had version {base} open.",
                   icon=":material/sync_problem:")
        if st.button("Load the latest version (drops your changes)", key=f"{key}-reload"):
            return Choice("reload", article.id)
    shown = next((v for v in detail.versions if v.version == base), article)
    if "save" in detail.actions:
        fields = _fields(shown, key)
        if st.button("Save", key=f"{key}-save", type="primary", icon=":material/save:"):
            return Choice("save", article.id, base, fields=fields)
    else:
        st.markdown(article_markdown(article.body))
    return _steps(detail, key, base)


def _steps(detail: ArticleDetail, key: str, base: int) -> Choice | None:
    article, chosen = detail.article, None
    steps = [s for s in detail.actions if s != "save"]
    if not steps:
        return None
    columns = st.columns(len(steps))
    for column, step in zip(columns, steps, strict=True):
        if step == "reject":
            with column.popover("Reject", icon=":material/cancel:", width="stretch"):
                reason = st.text_area("Why? (the editor reads this)", key=f"{key}-reason", height=90)
                if st.button("Reject", key=f"{key}-reject", type="primary"):
                    chosen = Choice("reject", article.id, base, reason=reason)
        elif column.button(STEP_LABELS[step], key=f"{key}-{step}", icon=STEP_ICONS[step], width="stretch",
                           type="primary" if step in ("submit", "approve") else "secondary"):
            chosen = Choice(step, article.id, base)
    return chosen


def history(detail: ArticleDetail, shown: int) -> Choice | None:
    """Every version (who, when, what it did); choosing one shows its diff against the version before it."""
    versions = {v.version: v for v in detail.versions}
    if not versions:
        return None
    st.markdown("**Version history**")
    st.dataframe([{"version": v.version, "state": v.state_label, "by": v.changed_by, "at": v.changed_at,
                   "what changed": v.summary} for v in reversed(detail.versions)],
                 hide_index=True, width="stretch")
    picked = st.selectbox("Show the changes of version", sorted(versions, reverse=True),
                          index=sorted(versions, reverse=True).index(shown) if shown in versions else 0,
                          key=f"kb-version-{detail.article.id}-{detail.article.version}", format_func=lambda n: f"v{n} · {versions[n].summary}")
    return Choice("version", detail.article.id, picked) if picked != shown else None


def diff(rows: tuple[DiffRow, ...] | tuple[DiffLine, ...]) -> None:
    """Side by side (DiffRow rows: components/kb_review.py), or as one column of lines (DiffLine): removed lines
    struck through on red, added lines on green, the rest grey; text escaped."""
    sides = tuple(row for row in rows if isinstance(row, DiffRow))
    if sides:
        kb_review.side_by_side(sides)
        return
    html_lines = "".join(f'<div style="{_DIFF_STYLE[line.kind]}white-space:pre-wrap;font-family:monospace;'
                         f'font-size:0.85em;padding:0 4px" class="kb-diff-{line.kind}">'
                         f"{_DIFF_MARK[line.kind]}{html.escape(line.text)}</div>"
                         for line in rows if isinstance(line, DiffLine))
    st.html(f'<div class="kb-diff">{html_lines}</div>')


def import_form(may_approve: bool) -> tuple[list[tuple[str, bytes]], bool] | None:
    """Files to import (name, bytes) and whether to store them approved, when the editor pressed Import."""
    st.markdown("**Import** markdown files (front matter: title, tags, language, area), a CSV (title, body, tags) "
                "or JSON. All or nothing: a bad row is reported and nothing is stored.")
    uploads = st.file_uploader("Files", type=["md", "markdown", "csv", "json"], accept_multiple_files=True,
                               key="kb-upload")
    approve = may_approve and st.checkbox("Store them approved (they serve agents at once)", key="kb-approve")
    if st.button("Import", key="kb-import", icon=":material/upload:", disabled=not uploads):
        return [(u.name, u.getvalue()) for u in uploads or []], bool(approve)
    return None


def import_result(report: ImportReport) -> None:
    st.success(f"Imported {len(report.articles)} articles as {ARTICLE_STATE_LABELS[report.state]}.",
               icon=":material/check:")


def import_problems(message: str, problems: tuple[ImportProblem, ...]) -> None:
    st.error(message, icon=":material/error:")
    st.table([{"file": p.file, "row": str(p.row or ""), "field": p.field, "reason": p.reason} for p in problems])


def export_form() -> tuple[str, str | None] | None:
    """(format, state or None) when the editor asked for an export."""
    st.markdown("**Export**")
    fmt_col, state_col = st.columns(2)
    fmt = fmt_col.radio("Format", ["md", "csv", "json"], horizontal=True, key="kb-export-format",
                        format_func={"md": "Markdown (zip)", "csv": "CSV", "json": "JSON"}.get)
    state = state_col.selectbox("Articles", [None, *ARTICLE_STATES], key="kb-export-state",
                                format_func=lambda s: "All states" if s is None else ARTICLE_STATE_LABELS[s])
    if st.button("Prepare export", key="kb-export", icon=":material/download:"):
        return fmt, state
    return None


def download(files: list[tuple[str, bytes]]) -> None:
    """A download button: one CSV or JSON file as it is, markdown files packed into one zip."""
    if len(files) == 1 and not files[0][0].endswith(".md"):
        name, data = files[0]
    else:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for file_name, content in files:
                archive.writestr(file_name, content)
        name, data = "articles-md.zip", buffer.getvalue()
    mime = {"csv": "text/csv", "json": "application/json"}.get(name.rsplit(".", 1)[-1], "application/zip")
    st.download_button(f"Download {name} ({len(files)} file{'s' if len(files) != 1 else ''})", data,
                       file_name=name, mime=mime, key="kb-download", icon=":material/download:")
