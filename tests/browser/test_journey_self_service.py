"""An auxiliary's own records in the web client (issue 11, item 2), on a
private copy of the demo bureau: ``aux_self`` opens his file, his
assessment sheets, payslips, training record, exam results and care
payments from the menus and finds his records, all of them and nobody
else's (the rows are counted against the database and each names him);
a colleague's file, payslip or care payment opened by its URL answers an
access error and shows nothing of it.

Clicking in Chromium; JSON-RPC (as the administrator) only counts what the
auxiliary should see.  Screenshots: var/artifacts/browser/journey_self_service.
"""
import pytest
from selenium.webdriver.common.by import By

from tests.browser.crawl import close_browser, make_browser
from tests.browser.demo_bureau import DemoBureau
from tests.browser.web import Web

pytestmark = pytest.mark.browser

ROWS = ".o_list_view .o_data_row"
# menu, model, domain of his records that the list shows (besides being his)
LISTS = [
    ("aux_assessment.aux_assessment_sheet_menu", "aux.assessment.sheet",
     [("state", "=", "confirmed"), ("period_type", "=", "monthly")]),
    ("aux_payroll.hr_payslip_my_menu", "hr.payslip", [("state", "=", "done")]),
    ("aux_training.aux_training_enrolment_menu", "aux.training.enrolment", []),
    ("aux_training.aux_training_exam_result_menu", "aux.training.exam.result", []),
    ("aux_welfare.aux_care_payment_menu", "aux.care.payment", []),
]


@pytest.fixture(scope="module")
def bureau():
    with DemoBureau("self_service") as demo:
        yield demo


@pytest.fixture(scope="module")
def web(bureau):
    driver, profile = make_browser()
    try:
        web = Web(driver, bureau.server, shots="journey_self_service")
        web.login("aux_self")
        yield web
    finally:
        close_browser(driver, profile)


@pytest.fixture(scope="module")
def people(bureau):
    """The auxiliary and a colleague of his squadron, with their names."""
    rpc = bureau.server.rpc
    uid = rpc("res.users", "search", [("login", "=", "aux_self")])[0]
    me = rpc("hr.employee", "search_read", [("user_id", "=", uid)],
             fields=["name", "department_id"])[0]
    colleague = rpc("hr.employee", "search_read", [
        ("department_id", "=", me["department_id"][0]), ("is_auxiliary", "=", True),
        ("id", "!=", me["id"])], fields=["name"], limit=1)[0]
    return {"me": me, "colleague": colleague}


def body_text(web):
    return web.driver.execute_script("return document.body.innerText")


def test_his_file(bureau, web, people):
    me = people["me"]
    web.open_menu("aux_personnel.hr_employee_my_file_menu")
    cards = [card for card in web.driver.find_elements(
        By.CSS_SELECTOR, ".o_kanban_view .o_kanban_record:not(.o_kanban_ghost)")
        if card.is_displayed()]
    assert len(cards) == 1 and me["name"] in cards[0].text
    web.js_click(cards[0])
    form = web.find(".o_main_content .o_form_view")
    web.screenshot("01_my_file")
    assert me["name"] in form.text
    # the office's fields are not on his form (issue 11)
    assert not web.driver.find_elements(
        By.CSS_SELECTOR, ".o_form_view .o_field_widget[name^='quota_override']")
    # his payslips, from the smart button of his file (issue 11)
    done = bureau.server.rpc("hr.payslip", "search_count", [
        ("employee_id", "=", me["id"]), ("state", "=", "done")])
    button = [button for button in web.driver.find_elements(
        By.CSS_SELECTOR, ".oe_button_box button") if "我的工资单" in button.text][0]
    assert button.text.split()[0] == str(done), button.text
    web.js_click(button)
    web.wait()
    rows = [row for row in web.driver.find_elements(By.CSS_SELECTOR, ROWS) if row.is_displayed()]
    assert len(rows) == done and all(me["name"] in row.text for row in rows)
    assert web.problems("my file") == []


@pytest.mark.parametrize("menu,model,domain", LISTS, ids=[item[1] for item in LISTS])
def test_his_records_and_nobody_elses(bureau, web, people, menu, model, domain):
    me = people["me"]
    expected = bureau.server.rpc(model, "search_count", [("employee_id", "=", me["id"])] + domain)
    assert expected, "the demo bureau gives him some %s" % model
    web.open_menu(menu)
    rows = [row for row in web.driver.find_elements(By.CSS_SELECTOR, ROWS) if row.is_displayed()]
    web.screenshot("02_%s" % model.replace(".", "_"))
    assert len(rows) == expected, "all his %s, and only his" % model
    assert all(me["name"] in row.text for row in rows), [row.text for row in rows]
    assert people["colleague"]["name"] not in body_text(web)
    # and the first of them opens
    web.js_click(rows[0].find_element(By.CSS_SELECTOR, "td.o_data_cell"))
    form = web.find(".o_main_content .o_form_view")
    assert me["name"] in form.text
    assert web.problems(model) == []


@pytest.mark.parametrize("model", ["hr.employee", "hr.payslip", "aux.care.payment"])
def test_a_colleagues_record_by_url_is_refused(bureau, web, people, model):
    rpc = bureau.server.rpc
    if model == "hr.employee":
        record_id, owner = people["colleague"]["id"], people["colleague"]["name"]
    else:  # a colleague's of his squadron if there is one, else anybody else's
        me = people["me"]
        others = [("employee_id", "!=", me["id"])]
        found = rpc(model, "search_read", others + [
            ("employee_id.department_id", "=", me["department_id"][0])],
            fields=["employee_id"], limit=1) or rpc(model, "search_read", others,
                                                      fields=["employee_id"], limit=1)
        record_id, owner = found[0]["id"], found[0]["employee_id"][1]
    web.problems("before")  # what came before is not this step's
    seen = len(web.found)
    web.driver.get("%s/web?refused=%s#model=%s&id=%d&view_type=form" % (
        bureau.server.url, model.replace(".", "_"), model, record_id))
    web.wait()
    web.screenshot("03_refused_%s" % model.replace(".", "_"))
    message = web.dialog_text()
    assert "(单据类型: %s, 操作: read)" % model in message, message
    assert owner not in body_text(web), "nothing of the record is shown"
    # what went wrong is that access error, and only it
    problems = web.problems("refused %s" % model)[seen:]
    assert problems and all("AccessError" in p or "访问错误" in p for p in problems), problems
    web.found = web.found[:seen]
