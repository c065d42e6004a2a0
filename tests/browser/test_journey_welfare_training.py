"""Journeys of the welfare officer (aux_welfare) and the training officer
(aux_training) through the web client on a private copy of the demo bureau
(issue 11): the welfare officer records the visit of a must-visit task and
marks it done; the training officer records the exam results of last
week's exam in one screen and closes the session.  Selenium clicks and
types as the officers would; RPC only reads what the journeys produced."""
import datetime
import shutil

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.crawl import make_browser
from tests.browser.demo_bureau import DemoBureau
from tests.browser.web import Web

pytestmark = pytest.mark.browser

# the labels the officers read (zh_CN)
MARK_VISIT_DONE = "标记完成"
RECORD_EXAMS, RECORD, SESSION_DONE = "录入考试成绩", "录入", "标记完成"


@pytest.fixture(scope="module")
def bureau():
    with DemoBureau("welfare_training") as instance:
        yield instance


@pytest.fixture(scope="module")
def web(bureau):
    driver, profile = make_browser()
    yield Web(driver, bureau.server, shots="journey_welfare_training")
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def rpc(bureau, model, method, *args, **kwargs):
    return bureau.server.rpc(model, method, *args, **kwargs)


def open_row(web, *texts):
    """Click the list row whose cells show every one of ``texts``."""
    def row(driver):
        for element in driver.find_elements(By.CSS_SELECTOR, ".o_list_view tbody tr.o_data_row"):
            if element.is_displayed() and all(text in element.text for text in texts):
                return element
        return False
    target = WebDriverWait(web.driver, 30).until(row)
    web.js_click(target.find_elements(By.CSS_SELECTOR, "td")[1])
    web.wait()


def test_welfare_officer_records_a_must_visit(bureau, web):
    web.login("aux_welfare")
    bureau_id = rpc(bureau, "ir.model.data", "xmlid_to_res_id",
                    "aux_demo.hr_department_bureau_demo")
    today = datetime.date.today().isoformat()
    # a task of the demo bureau still open and not yet late
    visit = rpc(bureau, "aux.care.visit", "search_read", [
        ("state", "=", "todo"), ("deadline", ">=", today),
        ("department_id", "child_of", bureau_id)],
        fields=["event_id", "employee_id", "deadline"], order="deadline", limit=1)[0]
    web.open_menu("aux_welfare.aux_care_visit_menu")
    open_row(web, visit["event_id"][1], visit["employee_id"][1])
    web.click(".o_form_button_edit")
    # the date as the officer types it, in the format of her language
    date_format = rpc(bureau, "res.lang", "search_read", [("code", "=", "zh_CN")],
                      fields=["date_format"])[0]["date_format"]
    web.set_field("visit_date", datetime.date.today().strftime(date_format))
    web.set_field("participants", "政治处林秀梅、中队指导员")
    web.set_field("location", "市第一人民医院住院部")
    web.set_field("summary", "了解病情和治疗情况，转达局党委的关心，叮嘱安心养病。")
    web.set_field("follow_up", "出院后安排一个月白班过渡。")
    web.save()
    web.click_button(MARK_VISIT_DONE)
    web.screenshot("visit done")
    assert web.problems("visit") == []
    done = rpc(bureau, "aux.care.visit", "read", [visit["id"]],
               fields=["state", "visit_date", "timing", "location", "summary"])[0]
    assert (done["state"], done["visit_date"], done["timing"]) == ("done", today, "on_time")
    assert done["location"] == "市第一人民医院住院部"
    assert "转达局党委的关心" in done["summary"]


def test_training_officer_records_exam_results(bureau, web):
    web.login("aux_training")
    now = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S")
    session = rpc(bureau, "aux.training.session", "search_read", [
        ("state", "=", "open"), ("date_end", "<", now), ("score_max", ">", 0)],
        fields=["name", "pass_mark", "score_max"], limit=1)[0]
    present = rpc(bureau, "aux.training.enrolment", "search_read", [
        ("session_id", "=", session["id"]), ("attendance", "=", "present")],
        fields=["employee_id"])
    assert len(present) > 3, "the demo's exam of last week has people to mark"
    web.open_menu("aux_training.aux_training_session_menu")
    web.click(".o_cp_switch_list")  # the sessions open on their calendar
    open_row(web, session["name"])
    web.click_button(RECORD_EXAMS)
    rows = ".modal .o_field_widget[name='line_ids'] tr.o_data_row"
    WebDriverWait(web.driver, 30).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, rows)) == len(present))
    # down the list with the keyboard: a score a line, the last one absent
    scores = [round(session["pass_mark"] + 5 + index % 30) for index in range(len(present))]
    scores[1] = session["pass_mark"] - 10  # one failed: he sits a retake
    names = []
    selected = ".modal .o_selected_row .o_field_widget[name='%s']"
    for index, score in enumerate(scores):
        cells = web.driver.find_elements(By.CSS_SELECTOR, rows)[index].find_elements(
            By.CSS_SELECTOR, "td")
        names.append(cells[0].text.strip())
        web.js_click(cells[3])  # the score cell of the line
        if index == len(scores) - 1:
            web.js_click(web.find(selected % "is_absent" + " input"))
            scores[index] = "absent"
        else:
            entry = web.find(selected % "score")
            entry.send_keys(Keys.CONTROL, "a")
            entry.send_keys(str(score))
    web.screenshot("exam results typed")
    web.click_button(RECORD)
    WebDriverWait(web.driver, 60).until(lambda d: not d.execute_script(
        "return jQuery('.modal:visible').length"), "the dialog closes once recorded")
    assert web.problems("exam results") == []
    results = {row["employee_id"][1]: row for row in rpc(
        bureau, "aux.training.exam.result", "search_read",
        [("session_id", "=", session["id"])],
        fields=["employee_id", "score", "result", "attempt", "create_uid"])}
    assert len(results) == len(present)
    officer = rpc(bureau, "res.users", "search", [("login", "=", "aux_training")])
    for name, score in zip(names, scores, strict=True):
        row = results[name]
        assert (row["attempt"], row["create_uid"][0]) == (1, officer[0]), name
        if score == "absent":
            assert row["result"] == "absent", name
        else:
            assert row["score"] == score, name
            assert row["result"] == ("passed" if score >= session["pass_mark"] else "failed")
    # the session is closed: attendance and results are locked
    web.click_button(SESSION_DONE)
    assert web.problems("session done") == []
    assert rpc(bureau, "aux.training.session", "read", [session["id"]],
               fields=["state"])[0]["state"] == "done"
