"""Settings / admin: providers per capability, data location, and the live-traffic simulator's switch."""

import streamlit as st

from components import system as render
from components.guard import require
from components.state import get_services
from services import admin
from services.errors import ServiceError

STATUS_REFRESH_S = 2.0

user = require("settings")
services = get_services()
st.header("Settings")
render.overview(admin.system_overview(services, user))
status = admin.simulator_status(services, user)
choice = render.simulator_controls(status.on, status.rate)


def simulator_status() -> None:
    render.simulator_status(admin.simulator_status(services, user))


# the counter counts up by itself while the simulator writes (and costs nothing while it is off)
st.fragment(simulator_status, run_every=STATUS_REFRESH_S if status.on else None)()
if choice is not None:
    try:
        admin.set_simulator(services, user, *choice)
    except ServiceError as e:
        st.error(str(e))
    else:
        st.rerun()
