"""Journey (issue 11, items 2 and 3): the unit leader scores the month of a
squadron in the scoring grid, with the keyboard, and submits it; the office
checks and confirms. On a private copy of the demo bureau, in Chromium, as
``aux_leader`` then ``aux_manager``: no error dialog, console error or
server error on the way; the scores typed are the scores stored."""
import time

import pytest
from lxml import etree
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import crawl
from tests.browser.demo_bureau import DemoBureau
from tests.browser.web import Web

pytestmark = pytest.mark.browser

LEADER = ("aux_leader", "aux_leader")
MANAGER = ("aux_manager", "aux_manager")
GRID = ".o_main_content .o_list_view"
EDITED_ROW = GRID + " tr.o_data_row.o_selected_row"


@pytest.fixture(scope="module")
def bureau():
    with DemoBureau("scoring") as instance:
        yield instance


@pytest.fixture(scope="module")
def web(bureau):
    driver, profile = crawl.make_browser()
    try:
        yield Web(driver, bureau.server, shots="journey_scoring")
    finally:
        crawl.close_browser(driver, profile)


def lang_of(server, credentials):
    uid = server.rpc("res.users", "search", [("login", "=", credentials[0])])
    return server.rpc("res.users", "read", uid, fields=["lang"])[0]["lang"]


def expected_total(lines, sections, given):
    """The sheet's rule: item = given + confirmed events, within 0..max;
    section subtotal at most its weight."""
    subtotal = {}
    for line in lines:
        score = given.get(line["item_id"][0], line["base_score"]) + line["event_points"]
        score = max(0.0, min(line["max_score"], score))
        subtotal[line["section_id"][0]] = subtotal.get(line["section_id"][0], 0.0) + score
    return sum(min(subtotal.get(s["id"], 0.0), s["weight"]) for s in sections)


def band_for(bands, total):
    for band in bands:  # best first
        if total >= band["min_score"]:
            return band
    return bands[-1]


def type_in_active_cell(web, value, then=Keys.TAB):
    cell = web.driver.switch_to.active_element
    cell.send_keys(Keys.CONTROL, "a")
    cell.send_keys(str(value))
    cell.send_keys(then)
    web.wait()


def select_all_and_run(web, action_label):
    """Select every row of the list, then the Action menu's entry."""
    web.click(GRID + " thead .o_list_record_selector input")
    web.click(".o_cp_sidebar .o_dropdown_toggler_btn")
    web.click_text(action_label, css=".o_cp_sidebar .dropdown-menu a")


def states_become(server, sheet_ids, state, timeout=90):
    """The states of the sheets once the action the client sent is done
    (a confirmation of a month re-ranks the period: it takes seconds)."""
    deadline = time.time() + timeout
    while True:
        states = {s["state"] for s in server.rpc("aux.assessment.sheet", "read", sheet_ids,
                                                 fields=["state"])}
        if states == {state} or time.time() > deadline:
            return states
        time.sleep(1)


def filter_by(web, label):
    """Toggle the filter ``label`` in the search view's Filters menu."""
    if not web.driver.execute_script("return jQuery('.o_search_options:visible').length"):
        web.click(".o_searchview_more")  # the magnifier shows the search options
    web.driver.execute_script(
        "if (!jQuery('.o_search_options .o_filters_menu:visible').length) {"
        " jQuery('.o_search_options .o_filters_menu').siblings('.o_dropdown_toggler_btn')"
        ".click(); }")
    web.click_text(label, css=".o_search_options .o_filters_menu a")
    web.screenshot("filter %s" % label)


def search_field(web, label, text):
    """Type ``text`` in the search box and pick "Search <label> for: text"
    with the arrow keys and Enter."""
    box = web.find(".o_searchview_input")
    box.send_keys(text)
    WebDriverWait(web.driver, 30, poll_frequency=0.1).until(lambda d: [
        li for li in d.find_elements(By.CSS_SELECTOR, ".o_searchview_autocomplete li")
        if li.is_displayed()])
    for _attempt in range(10):
        focused = web.driver.find_elements(
            By.CSS_SELECTOR, ".o_searchview_autocomplete li.o-selection-focus")
        if focused and label in focused[0].text:
            break
        box.send_keys(Keys.DOWN)
    else:
        raise AssertionError("no search on %s for %s: %s" % (label, text, web.driver.execute_script(
            "return jQuery('.o_searchview_autocomplete li').map(function () {"
            " return this.className + ':' + jQuery(this).text(); }).get()")))
    box.send_keys(Keys.ENTER)
    web.wait()


def test_leader_scores_the_squadron_with_the_keyboard_and_the_office_confirms(bureau, web):
    server = bureau.server
    lang = lang_of(server, LEADER)
    ctx = {"lang": lang}
    leader_uid = server.rpc("res.users", "search", [("login", "=", LEADER[0])])[0]
    leader_unit = server.rpc("hr.employee", "search_read", [("user_id", "=", leader_uid)],
                             fields=["department_id"])[0]["department_id"]
    drafts = server.rpc("aux.assessment.sheet", "search_read", [
        ("state", "=", "draft"), ("period_type", "=", "monthly"),
        ("department_id", "child_of", leader_unit[0])],
        fields=["period_id", "scheme_id", "department_id"], order="period_date_from desc")
    assert len(drafts) >= 20, "the demo bureau has a squadron of draft sheets to score"
    period = drafts[0]["period_id"]
    month = [s for s in drafts if s["period_id"] == period]
    scheme = month[0]["scheme_id"]
    items = server.rpc("aux.assessment.item", "search_read", [("scheme_id", "=", scheme[0])],
                       fields=["name", "max_score", "code"], context=ctx)
    bands = server.rpc("aux.assessment.band", "search_read", [], fields=["name", "min_score"],
                       order="min_score desc", context=ctx)
    sections = server.rpc("aux.assessment.section", "search_read",
                          [("scheme_id", "=", scheme[0])], fields=["weight"])

    # the unit leader opens Scoring: the grid of his unit's draft sheets of the month
    web.login(LEADER[0])
    web.open_menu("aux_assessment.aux_assessment_sheet_line_menu")
    web.find(GRID + " tr.o_data_row")
    headers = [th.text.strip() for th in web.driver.find_elements(
        By.CSS_SELECTOR, GRID + " thead th") if th.is_displayed()]
    for item in items:
        assert any(h.startswith(item["name"]) for h in headers), (item["name"], headers)
    rows = [r for r in web.driver.find_elements(By.CSS_SELECTOR, GRID + " tr.o_data_row")]
    assert len(rows) == len(month), "one row per draft sheet of the month"
    web.screenshot("leader grid")

    # three people: he clicks the first row, types a row with Tab, Enter goes on
    by_code = {item["code"]: item["id"] for item in items}
    plans = [  # scores given, by item code, in the order of the columns
        {"DE1": 8, "DE2": 9},
        {"DE1": 10, "DE2": 5, "NENG1": 4},
        {"DE1": 6},
    ]
    names = [row.find_elements(By.CSS_SELECTOR, "td.o_data_cell")[0].text for row in rows[:3]]
    before = {name: server.rpc("aux.assessment.sheet", "search_read", [
        ("period_id", "=", period[0]), ("employee_id.name", "=", name)],
        fields=["total_score"])[0]["total_score"] for name in names}
    web.js_click(rows[0].find_elements(By.CSS_SELECTOR, "td.o_data_cell")[0])
    web.wait()
    order = [item["code"] for item in items]
    previews = []
    for index, plan in enumerate(plans):
        web.find(EDITED_ROW)
        active = web.driver.switch_to.active_element
        assert active.get_attribute("name") == "grid_score_01", active.get_attribute("outerHTML")
        last = max(order.index(code) for code in plan)
        for position in range(last + 1):
            code = order[position]
            if code in plan:
                type_in_active_cell(web, plan[code])
            else:
                web.driver.switch_to.active_element.send_keys(Keys.TAB)
                web.wait()
        row = web.find(EDITED_ROW)
        total = float(row.find_element(By.CSS_SELECTOR, "[name=total_score]").text
                      .replace(",", ""))
        band = row.find_element(By.CSS_SELECTOR, "[name=grid_band]").text.strip()
        previews.append((total, band))
        web.screenshot("leader row %d typed" % (index + 1))
        # Enter: the row is saved, the first score of the next person has the focus
        web.driver.switch_to.active_element.send_keys(Keys.ENTER)
        web.wait()
    assert web.problems("leader scoring") == []

    # what he saw while typing is what the server stored
    for name, plan, (total, band) in zip(names, plans, previews, strict=False):
        sheet = server.rpc("aux.assessment.sheet", "search_read", [
            ("period_id", "=", period[0]), ("employee_id.name", "=", name)],
            fields=["total_score", "band_id", "line_ids", "veto"], context=ctx)[0]
        lines = server.rpc("aux.assessment.sheet.line", "read", sheet["line_ids"], fields=[
            "item_id", "base_score", "event_points", "max_score", "section_id"])
        stored = {line["item_id"][0]: line["base_score"] for line in lines}
        for code, value in plan.items():
            assert stored[by_code[code]] == value, (name, code)
        given = {by_code[code]: value for code, value in plan.items()}
        assert sheet["total_score"] == pytest.approx(expected_total(lines, sections, given))
        assert total == pytest.approx(sheet["total_score"]), name
        assert total != pytest.approx(before[name]), "the total followed the typing"
        assert band == sheet["band_id"][1], name
        if not sheet["veto"]:
            assert band == band_for(bands, total)["name"], name

    # he submits the whole squadron: select all, Action / Submit
    labels = {a["id"]: a["name"] for a in server.rpc(
        "ir.actions.server", "search_read", [("binding_model_id.model", "=",
                                              "aux.assessment.sheet")],
        fields=["name"], context=ctx)}
    xmlids = {step: server.rpc("ir.model.data", "xmlid_to_res_id",
                               "aux_assessment.aux_assessment_sheet_action_server_%s" % step)
              for step in ("submit", "check", "confirm")}
    web.driver.find_element(By.CSS_SELECTOR, "body").send_keys(Keys.ESCAPE)
    web.wait()
    select_all_and_run(web, labels[xmlids["submit"]])
    assert states_become(server, [s["id"] for s in month], "unit_submitted") \
        == {"unit_submitted"}
    web.screenshot("leader submitted")
    assert web.problems("leader submit") == []

    # the office checks, then confirms, the sheets submitted
    web.login(MANAGER[0])
    web.open_menu("aux_assessment.aux_assessment_sheet_menu")
    search = server.rpc("ir.model.data", "xmlid_to_res_id",
                        "aux_assessment.aux_assessment_sheet_view_search")
    arch = server.rpc("aux.assessment.sheet", "fields_view_get", search, "search",
                      context={"lang": lang_of(server, MANAGER)})["arch"]

    def filter_label(name):
        return etree.fromstring(arch.encode()).xpath("//filter[@name='%s']" % name)[0].get(
            "string")
    unit_label = server.rpc("aux.assessment.sheet", "fields_get", ["department_id"],
                            attributes=["string"], context={"lang": lang_of(server, MANAGER)})
    search_field(web, unit_label["department_id"]["string"],
                 month[0]["department_id"][1].split(" / ")[-1])
    filter_by(web, filter_label("to_check"))
    rows = web.driver.find_elements(By.CSS_SELECTOR, GRID + " tr.o_data_row")
    assert len(rows) == len(month), "the squadron's submitted sheets"
    select_all_and_run(web, labels[xmlids["check"]])
    assert states_become(server, [s["id"] for s in month], "office_checked") \
        == {"office_checked"}
    web.screenshot("office checked")
    filter_by(web, filter_label("to_check"))  # off
    filter_by(web, filter_label("to_confirm"))
    select_all_and_run(web, labels[xmlids["confirm"]])
    web.screenshot("office confirmed")
    assert states_become(server, [s["id"] for s in month], "confirmed") == {"confirmed"}
    assert web.problems("office") == []
