"""The windows of /newvote, the paper ballots, /home and «🏗 В проекты»."""

from __future__ import annotations

from aiogram_dialog import Window
from aiogram_dialog.widgets.kbd import Button, Row
from aiogram_dialog.widgets.text import Format, Multi

from bot.services.votes import (
    parse_cost,
    parse_description,
    parse_house,
    parse_people,
    parse_question,
    parse_street,
    parse_title,
)
from handlers.forms import (
    Tr,
    buttons_only,
    chosen,
    copied,
    form_dialog,
    nav,
    saved_as,
    summary,
    text_only,
    typed,
)
from handlers.votes import handlers as h
from handlers.votes.getters import home_form, paper_form, project_form, vote_form
from handlers.votes.states import HomeForm, PaperForm, ProjectForm, VoteForm

vote_dialog = form_dialog(
    "vote",
    chosen("vote-ask-scope", "scopes", h.on_scope, VoteForm.scope),
    chosen(Format("{target_prompt}"), "targets", h.on_target, VoteForm.target),
    typed("vote-ask-street", h.on_street, VoteForm.street),
    typed("vote-ask-house", h.on_house, VoteForm.house),
    typed(
        "vote-ask-question",
        saved_as("question", parse_question, VoteForm.options),
        VoteForm.question,
    ),
    Window(
        Tr("vote-ask-options", when=lambda d, w, m: not d["count"]),
        Tr("vote-options-so-far", when="count"),
        Row(
            Button(
                Tr("vote-options-done"), id="options_done", on_click=h.options_done, when="enough"
            ),
            Button(
                Tr("vote-options-drop"), id="options_drop", on_click=h.drop_option, when="count"
            ),
        ),
        nav(),
        text_only(h.on_options),
        state=VoteForm.options,
    ),
    chosen("vote-ask-mode", "modes", h.on_mode, VoteForm.mode, width=2),
    chosen(
        Multi(Tr("vote-card-projects", when="count"), Tr("vote-ask-winners")),
        "winner_counts",
        h.on_winners,
        VoteForm.winners,
        width=4,
    ),
    chosen(
        "vote-ask-ends",
        "durations",
        h.on_ends,
        VoteForm.ends,
        Button(Tr("vote-other-date"), id="other_date", on_click=h.other_date),
        width=2,
    ),
    typed("vote-ask-date", h.on_date, VoteForm.date),
    summary(Format("{summary_text}"), "vote", h.submit_vote, VoteForm.summary),
    getter=vote_form,
)

paper_dialog = form_dialog(
    "paper",
    typed(
        "vote-paper-ask-people",
        saved_as("people", parse_people, PaperForm.count),
        PaperForm.people,
    ),
    typed("vote-paper-ask-counts", h.on_paper_counts, PaperForm.count),
    summary("vote-paper-summary", "paper", h.submit_paper, PaperForm.summary),
    getter=paper_form,
)

home_dialog = form_dialog(
    "home",
    Window(
        Tr("home-ask"),
        Row(
            Button(Tr("home-give"), id="give", on_click=h.home_give),
            Button(Tr("home-later"), id="later", on_click=h.home_later),
        ),
        nav(),
        buttons_only(),
        state=HomeForm.ask,
    ),
    typed("home-ask-street", saved_as("street", parse_street, HomeForm.house), HomeForm.street),
    typed(
        "home-ask-house",
        saved_as("house", parse_house, HomeForm.entrance),
        HomeForm.house,
        Button(Tr("home-skip"), id="skip_house", on_click=h.home_skip_house),
    ),
    typed(
        "home-ask-entrance",
        h.on_home_entrance,
        HomeForm.entrance,
        Button(Tr("home-skip"), id="skip_entrance", on_click=h.home_skip_entrance),
    ),
    chosen(
        "home-ask-committee",
        "committees",
        h.on_home_committee,
        HomeForm.committee,
        Button(Tr("home-no-committee"), id="no_committee", on_click=h.home_no_committee),
    ),
    getter=home_form,
)

project_dialog = form_dialog(
    "project",
    typed(
        "project-ask-title",
        saved_as("title", parse_title, ProjectForm.cost),
        ProjectForm.title,
        Button(
            Tr("project-as-idea"),
            id="title_as_idea",
            on_click=copied("title", "idea_title", ProjectForm.cost),
        ),
    ),
    typed(
        "project-ask-cost", saved_as("cost", parse_cost, ProjectForm.description), ProjectForm.cost
    ),
    typed(
        "project-ask-description",
        saved_as("description", parse_description, ProjectForm.summary),
        ProjectForm.description,
        Button(
            Tr("project-as-idea"),
            id="description_as_idea",
            on_click=copied("description", "idea_text", ProjectForm.summary),
        ),
    ),
    summary("project-summary", "project", h.submit_project, ProjectForm.summary),
    getter=project_form,
)
