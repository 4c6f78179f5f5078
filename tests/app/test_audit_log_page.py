"""The admin's Audit log page: filter the log, verify the chain; other roles are refused."""

from __future__ import annotations

from tests.app.conftest import run_page, user

PAGE = "pages/audit_log.py"


def test_an_admin_filters_the_log_and_verifies_the_chain(app_services):
    at = run_page(PAGE, user(app_services, "admin"))
    assert not at.exception
    assert len(at.dataframe[0].value) > 0
    at.text_input[0].set_value("system")  # the demo seeder's entries
    at.button[0].click()  # Search (the form's submit button)
    at = at.run()
    actors = set(at.dataframe[0].value["actor"])
    assert actors == {"system"}
    verify = next(b for b in at.button if b.label == "Verify chain")
    at = verify.click().run()
    assert not at.exception
    assert any(s.value.startswith("The chain holds") for s in at.success)
    assert len(at.code[0].value.split(":")[1]) == 64  # the anchor to note


def test_a_supervisor_cannot_open_the_audit_log(app_services):
    at = run_page(PAGE, user(app_services, "supervisor"))
    assert [e.value for e in at.error] == ["The Audit log page is not available to the supervisor role."]
    assert len(at.dataframe) == 0
