"""Knowledge base: browse articles by review state."""

import streamlit as st

from components import articles as render
from components.guard import require
from components.state import get_services
from services import knowledge
from services.models import ARTICLE_STATES

user = require("knowledge")
st.header("Knowledge base")
status = st.selectbox("Review state", ["all", *ARTICLE_STATES])
render.article_list(knowledge.list_articles(get_services(), user, None if status == "all" else status))
