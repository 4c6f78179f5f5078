"""Settings / admin: which provider serves each capability, and where the data lives."""

import streamlit as st

from components import system as render
from components.guard import require
from components.state import get_services
from services import admin

require("settings")
st.header("Settings")
render.overview(admin.system_overview(get_services()))
