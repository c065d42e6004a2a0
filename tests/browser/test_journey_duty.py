"""Duty, attendance and leave in the web client (issue 13), on a private
copy of the demo bureau: the unit leader ``aux_leader`` opens his rosters
(the grid of a month, the duty phone), approves the leave request waiting
for him and confirms an attendance exception (one assessment event); the
auxiliary ``aux_self`` sees his own duties and leave requests only.

Clicking in Chromium; JSON-RPC (as the administrator) checks the outcome.
Screenshots: var/artifacts/browser/journey_duty.
"""
import pytest

from tests.browser.crawl import close_browser, make_browser
from tests.browser.demo_bureau import DemoBureau
from tests.browser.web import Web

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def bureau():
    with DemoBureau("duty") as demo:
        yield demo


@pytest.fixture()
def web(bureau):
    driver, profile = make_browser()
    try:
        yield Web(driver, bureau.server, shots="journey_duty")
    finally:
        close_browser(driver, profile)


def test_leader_roster_leave_and_exception(bureau, web):
    rpc = bureau.server.rpc
    web.login("aux_leader")
    web.open_menu("aux_duty.aux_duty_roster_menu")
    assert len(web.rows()) >= 4
    roster = rpc("aux.duty.roster", "search_read", [("state", "=", "published")],
                 fields=["name"], order="date_from desc", limit=1)[0]
    web.open_record("aux.duty.roster", roster["id"])
    web.screenshot("01_roster_grid")
    grid = web.find(".o_form_view .o_field_one2many[name='row_ids']")
    assert "白" in grid.text or "D" in grid.text

    waiting = rpc("aux.leave.request", "search_read", [("state", "=", "submitted")],
                  fields=["employee_id"])
    uid = rpc("res.users", "search", [("login", "=", "aux_leader")])[0]
    mine = rpc("hr.employee", "search", [("user_id", "=", uid)])
    waiting = [w for w in waiting if w["employee_id"][0] not in mine]
    assert waiting
    web.open_record("aux.leave.request", waiting[0]["id"])
    web.click_button("批准")  # the demo logins work in Chinese
    web.wait()
    web.screenshot("02_leave_approved")
    state = rpc("aux.leave.request", "read", [waiting[0]["id"]], fields=["state"])[0]["state"]
    assert state in ("approved", "unit_approved")

    exception = rpc("aux.duty.exception", "search_read", [("state", "=", "open")],
                    fields=["employee_id"], limit=1)
    if exception:
        web.open_record("aux.duty.exception", exception[0]["id"])
        web.click_button("确认")
        web.wait()
        web.screenshot("03_exception_confirmed")
        done = rpc("aux.duty.exception", "read", [exception[0]["id"]],
                   fields=["state", "event_id"])[0]
        assert done["state"] == "confirmed" and done["event_id"]
    assert web.problems("leader") == []


def test_self_sees_his_own(bureau, web):
    rpc = bureau.server.rpc
    web.login("aux_self")
    uid = rpc("res.users", "search", [("login", "=", "aux_self")])[0]
    me = rpc("hr.employee", "search_read", [("user_id", "=", uid)], fields=["name"])[0]
    web.open_menu("aux_duty.aux_leave_request_my_menu")
    rows = web.rows()
    assert rows and all(me["name"] in row for row in rows)
    web.open_menu("aux_duty.aux_duty_roster_row_my_menu")
    rows = web.rows()
    assert rows and all(me["name"] in row for row in rows)
    web.screenshot("04_my_duties")
    assert web.problems("self") == []
