"""The month's payroll in the web client, each step from its own login on a
private copy of the demo bureau (issue 11, item 2): the payroll officer
creates the next month's run of the leader's brigade, generates and
recomputes it (each says how many payslips it made), looks at the warnings
and submits it; the unit leader, the auxiliary office, finance and the
bureau leader approve in turn, each seeing only his own step; finance posts
the journal entry; the auxiliary then finds the payslip under My Payslips
and prints it.

Everything is done by clicking and typing in Chromium; JSON-RPC only reads
what the test asserts on.  Screenshots: var/artifacts/browser/journey_payroll.
"""
import base64
import datetime
import json
import os
import re
import time

import pytest
from dateutil.relativedelta import relativedelta
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.crawl import close_browser, make_browser
from tests.browser.demo_bureau import DemoBureau
from tests.browser.pdf_text import pdf_text
from tests.browser.web import Web

pytestmark = pytest.mark.browser

STATUSBAR_BUTTONS = ".o_form_statusbar .o_statusbar_buttons button"
# the approval chain: login, its button, the state after it (aux_payroll's AUX_STEPS)
CHAIN = [("aux_leader", "审批（单位）", "unit_ok"),
         ("aux_manager", "审批（辅警管理办公室）", "office_ok"),
         ("aux_finance", "审批（财务）", "finance_ok"),
         ("aux_boss", "审批（领导）", "approved")]
FETCH = """var done = arguments[arguments.length - 1];
fetch(arguments[0], {credentials: 'same-origin'}).then(function (response) {
    return response.arrayBuffer().then(function (buffer) {
        var bytes = new Uint8Array(buffer), text = '';
        for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
        done([response.status, response.headers.get('content-type'), btoa(text)]);
    });
}).catch(function (error) { done([0, String(error), '']); });"""


@pytest.fixture(scope="module")
def bureau():
    with DemoBureau("payroll") as demo:
        yield demo


@pytest.fixture(scope="module")
def web(bureau):
    driver, profile = make_browser()
    try:
        yield Web(driver, bureau.server, shots="journey_payroll")
    finally:
        close_browser(driver, profile)


@pytest.fixture(scope="module")
def journey(bureau):
    """What the steps share: the month, the unit, the run once created."""
    rpc = bureau.server.rpc
    last = rpc("hr.payslip.run", "search_read", [("is_aux", "=", True)],
               fields=["date_start", "journal_id"], order="date_start desc", limit=1)[0]
    month = datetime.datetime.strptime(last["date_start"], "%Y-%m-%d").date() \
        + relativedelta(months=1)
    leader_uid = rpc("res.users", "search", [("login", "=", "aux_leader")])[0]
    leader = rpc("hr.employee", "search_read", [("user_id", "=", leader_uid)],
                 fields=["department_id"])[0]
    unit_id = leader["department_id"][0]
    people = rpc("hr.employee", "search_count", [
        ("is_auxiliary", "=", True), ("department_id", "child_of", unit_id)])
    self_uid = rpc("res.users", "search", [("login", "=", "aux_self")])[0]
    me = rpc("hr.employee", "search_read", [("user_id", "=", self_uid)],
             fields=["name", "department_id"])[0]
    return {"month": month, "unit_id": unit_id,
            "unit": rpc("hr.department", "name_get", [unit_id])[0][1],
            "journal": last["journal_id"][1], "people": people, "me": me, "timings": {}}


# -- what a user does ---------------------------------------------------------

def user_date(bureau, login, day):
    """``day`` typed as the user's language writes dates (zh_CN: 2027年01月01日)."""
    uid = bureau.server.rpc("res.users", "search", [("login", "=", login)])[0]
    lang = bureau.server.rpc("res.users", "read", [uid], fields=["lang"])[0]["lang"]
    date_format = bureau.server.rpc("res.lang", "search_read", [("code", "=", lang)],
                                    fields=["date_format"])[0]["date_format"]
    return day.strftime(date_format)


def pick(web, name, typed, label):
    """Type into a many2one and click the suggestion reading ``label``
    (a journal's label may end with its currency, "(CNY)")."""
    entry = web.field(name).find_element(By.CSS_SELECTOR, "input")
    entry.send_keys(Keys.CONTROL, "a")
    entry.send_keys(typed)
    item = WebDriverWait(web.driver, 30, poll_frequency=0.1).until(lambda d: [
        e for e in d.find_elements(By.CSS_SELECTOR, "ul.ui-autocomplete li.ui-menu-item a")
        if e.is_displayed() and (e.text.strip() == label
                                 or e.text.strip().startswith(label + " ("))])[0]
    item.click()
    web.wait()


def visible_buttons(web):
    return [button.text.strip() for button in
            web.driver.find_elements(By.CSS_SELECTOR, STATUSBAR_BUTTONS)
            if button.is_displayed()]


def press(web, label):
    """A button of the form's status bar, by its (Chinese) label."""
    web.click_text(label, css=STATUSBAR_BUTTONS)


def open_run(web, name):
    """The run, from the Payroll Runs menu, as the logged-in user finds it."""
    web.open_menu("aux_payroll.hr_payslip_run_menu")
    web.click_text(name, css=".o_list_view .o_data_row td")
    web.find(".o_main_content .o_form_view")


def run_values(bureau, run_id, *names):
    return bureau.server.rpc("hr.payslip.run", "read", [run_id], fields=list(names))[0]


def close_dialog(web):
    web.click_text("关闭", css=".modal .modal-footer button")


def busy_label(web, label):
    """What the blocked screen says while the action of the button ``label``
    runs (the web client blocks the screen after 3 s: too long to wait for
    in a test, so the block is started directly)."""
    return web.driver.execute_script("""
        var services = odoo.__DEBUG__.services;
        var busy = services['aux_personnel.busy_message'];
        var framework = services['web.framework'];
        busy.start(arguments[0]);
        framework.blockUI();
        var text = jQuery('.oe_blockui_spin_container .o_aux_busy_label').text();
        framework.unblockUI();
        busy.stop();
        return text;""", label)


def timed(journey, name, started):
    journey["timings"][name] = round(time.time() - started, 1)


# -- the month ----------------------------------------------------------------

def test_payroll_officer_creates_generates_computes_and_submits_the_run(bureau, web, journey):
    started = time.time()
    web.login("aux_officer")
    web.open_menu("aux_payroll.hr_payslip_run_menu")
    web.click(".o_list_button_add")
    web.set_field("date_start", user_date(bureau, "aux_officer", journey["month"]))
    pick(web, "aux_department_id", journey["unit"].split(" / ")[-1], journey["unit"])
    pick(web, "journal_id", journey["journal"].split(" ")[0], journey["journal"])
    web.screenshot("01_officer_new_run")
    web.save()
    rpc = bureau.server.rpc
    runs = rpc("hr.payslip.run", "search_read", [
        ("aux_month", "=", journey["month"].strftime("%Y-%m")),
        ("aux_department_id", "=", journey["unit_id"])], fields=["name", "date_end"])
    assert len(runs) == 1, runs
    run = journey["run"] = runs[0]
    end = journey["month"] + relativedelta(months=1, days=-1)
    assert run["date_end"] == str(end), "the month's last day, by onchange"
    assert journey["month"].strftime("%Y-%m") in run["name"]
    assert visible_buttons(web) == ["生成工资单", "重新计算", "提交"]
    # while it runs, the blocked screen names the operation and counts seconds
    label = busy_label(web, "生成工资单")
    assert label.startswith("生成工资单：正在处理…已用") and label.endswith("秒"), label

    # generation: the dialog says how many payslips it made
    press(web, "生成工资单")
    text = web.dialog_text()
    web.screenshot("02_officer_generated")
    slips = rpc("hr.payslip", "search_read", [("payslip_run_id", "=", run["id"])],
                fields=["aux_warning", "employee_id"])
    warned = len([slip for slip in slips if slip["aux_warning"]])
    assert len(slips) == journey["people"], "every auxiliary of the brigade, once"
    assert "新增 %d 张工资单" % len(slips) in text, text
    assert "已计算 %d 张工资单" % len(slips) in text, text
    assert "其中 %d 张有需核对的提示" % warned in text, text
    close_dialog(web)
    # recomputing says so too
    press(web, "重新计算")
    text = web.dialog_text()
    assert "已计算 %d 张工资单" % len(slips) in text, text
    close_dialog(web)
    values = run_values(bureau, run["id"], "aux_slip_count", "aux_warning_count",
                        "aux_total_net", "message_ids")
    assert values["aux_slip_count"] == len(slips) and values["aux_total_net"] > 0
    chatter = web.text(".o_chatter")
    assert "已计算 %d 张工资单" % len(slips) in chatter, "the chatter keeps what was made"

    # the warnings: the payslips to check, from the run's smart button
    warnings_button = [button for button in web.driver.find_elements(
        By.CSS_SELECTOR, ".oe_button_box button") if "警告" in button.text][0]
    assert str(values["aux_warning_count"]) in warnings_button.text
    web.js_click(warnings_button)
    web.wait()
    web.find(".o_list_view .o_data_row")
    limit = web.text(".o_control_panel .o_pager_limit")
    assert int(limit) == warned == values["aux_warning_count"]
    rows = web.driver.find_elements(By.CSS_SELECTOR, ".o_list_view .o_data_row")
    assert all("text-warning" in row.get_attribute("class") for row in rows)
    web.screenshot("03_officer_warnings")
    web.click(".o_control_panel .breadcrumb li:nth-last-child(2) a")
    web.find(".o_main_content .o_form_view")

    press(web, "提交")
    assert run_values(bureau, run["id"], "aux_state")["aux_state"] == "submitted"
    web.screenshot("04_officer_submitted")
    assert web.problems("payroll officer") == []
    timed(journey, "officer", started)


@pytest.mark.parametrize("login,label,after", CHAIN, ids=[step[0] for step in CHAIN])
def test_each_approver_approves_his_step_from_his_own_login(bureau, web, journey,
                                                            login, label, after):
    assert "run" in journey, "the officer's step failed"
    started = time.time()
    web.login(login)
    open_run(web, journey["run"]["name"])
    # his own step (and returning the run to draft), not the others'
    assert [text for text in visible_buttons(web) if text.startswith("审批")] == [label]
    press(web, label)
    assert run_values(bureau, journey["run"]["id"], "aux_state")["aux_state"] == after
    web.screenshot("05_%s_approved" % login)
    approvals = bureau.server.rpc("aux.payroll.approval", "search_read", [
        ("run_id", "=", journey["run"]["id"])], fields=["user_id"], order="id desc", limit=1)
    assert approvals[0]["user_id"][1] == bureau.server.rpc(
        "res.users", "search_read", [("login", "=", login)], fields=["name"])[0]["name"]
    assert web.problems(login) == []
    timed(journey, login, started)


def test_finance_posts_the_journal_entry(bureau, web, journey):
    assert "run" in journey, "the officer's step failed"
    started = time.time()
    web.login("aux_finance")
    open_run(web, journey["run"]["name"])
    assert "审批（领导）" not in visible_buttons(web)
    press(web, "过账")
    values = run_values(bureau, journey["run"]["id"], "aux_state", "aux_move_id", "aux_locked")
    assert (values["aux_state"], values["aux_locked"]) == ("posted", True)
    assert values["aux_move_id"], "one journal entry for the run"
    move = bureau.server.rpc("account.move", "read", [values["aux_move_id"][0]],
                             fields=["state", "amount"])[0]
    assert move["state"] == "posted" and move["amount"] > 0
    # the entry is on the run's form, and the run is locked
    assert values["aux_move_id"][1] in web.text(".o_form_view .o_field_widget[name=aux_move_id]")
    assert "过账" not in visible_buttons(web)
    web.screenshot("06_finance_posted")
    assert web.problems("finance") == []
    timed(journey, "finance post", started)


def test_auxiliary_reads_and_prints_his_payslip(bureau, web, journey):
    assert "run" in journey, "the officer's step failed"
    started = time.time()
    me = journey["me"]
    rpc = bureau.server.rpc
    mine = rpc("hr.payslip", "search_read", [("employee_id", "=", me["id"]),
                                             ("state", "=", "done")],
               fields=["number", "date_from"], order="date_from desc")
    assert mine[0]["date_from"] == str(journey["month"]), \
        "the month's payslip is done once the run is posted"
    web.login("aux_self")
    web.open_menu("aux_payroll.hr_payslip_my_menu")
    rows = web.driver.find_elements(By.CSS_SELECTOR, ".o_list_view .o_data_row")
    assert len(rows) == len(mine), "his payslips, and only his"
    assert all(me["name"] in row.text for row in rows)
    assert mine[0]["number"] in rows[0].text, "the newest first"
    web.screenshot("07_self_my_payslips")
    web.js_click(rows[0].find_element(By.CSS_SELECTOR, "td.o_data_cell"))
    form = web.find(".o_main_content .o_form_view")
    assert me["name"] in form.text and mine[0]["number"] in form.text
    assert visible_buttons(web) == [], "nothing to do on a payslip but read and print it"
    # Print offers the payslip he can print
    web.click_text("打印", css=".o_cp_sidebar button")
    entries = [a.text.strip() for a in web.driver.find_elements(
        By.CSS_SELECTOR, ".o_cp_sidebar .dropdown-menu a") if a.is_displayed()]
    assert entries == ["工资单（中文 / English）"], entries
    web.screenshot("08_self_print_menu")
    web.click_text("工资单（中文 / English）", css=".o_cp_sidebar .dropdown-menu a")
    # the PDF the menu downloads, fetched in his browser session
    slip_id = int(re.search(r"[#&]id=(\d+)", web.driver.current_url).group(1))
    web.driver.set_script_timeout(120)
    status, content_type, data = web.driver.execute_async_script(
        FETCH, "%s/report/pdf/aux_payroll.aux_payslip_document/%d" % (bureau.server.url, slip_id))
    assert (status, content_type) == (200, "application/pdf")
    pdf = base64.b64decode(data)
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert me["name"] in text and mine[0]["number"] in text, text[:300]
    assert journey["month"].strftime("%Y年%m月") in text
    assert web.problems("self-service") == []
    timed(journey, "self", started)
    with open(os.path.join(web.shots, "timings.json"), "w") as handle:
        json.dump(journey["timings"], handle, indent=1)


# -- feedback on long operations (issue 11, item 4) ---------------------------

def test_monthly_pack_says_what_it_produced(bureau, web):
    """The bureau leader produces the monthly team-situation pack: the dialog
    gives its sheets and rows and offers the file."""
    web.login("aux_boss")
    web.open_menu("aux_personnel.aux_situation_pack_menu")
    web.click_text("导出 XLSX", css=".modal .modal-footer button")
    web.wait_for(lambda driver: "个工作表" in web.dialog_text())
    text = web.dialog_text()
    web.screenshot("09_boss_monthly_pack")
    assert "月度队伍情况" in text and "个工作表" in text and "行数据" in text, text
    rows = int(text.split("个工作表，")[1].split(" 行数据")[0])
    assert rows > 0
    link = web.find(".modal .o_field_widget[name=data]")
    assert "team_situation_" in link.text, link.text
    assert web.problems("monthly pack") == []
