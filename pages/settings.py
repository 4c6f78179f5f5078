"""Settings / admin: providers per capability, data location, and the live-traffic simulator."""

import streamlit as st

from components import system as render
from components.guard import require
from components.state import get_services, get_simulator
from services import admin
from services.errors import ServiceError

COUNTER_REFRESH_S = 2.0

user = require("settings")
st.header("Settings")
render.overview(admin.system_overview(get_services(), user))
runner = get_simulator()
choice = render.simulator_controls(runner.running, runner.rate, runner.last_error)


def simulator_status() -> None:
    render.simulator_status(runner.running, runner.rate, runner.written)


# the counter counts up by itself while the simulator writes (and costs nothing while it is off)
st.fragment(simulator_status, run_every=COUNTER_REFRESH_S if runner.running else None)()
if choice is not None:
    try:
        admin.set_simulator(get_services(), user, runner, *choice)
    except ServiceError as e:
        st.error(str(e))
    else:
        st.rerun()
