"""End to end: a real Odoo server on a free local port, driven by a real
headless Chromium. Logs in through the login page, opens every menu of the
Auxiliary Personnel app plus Payroll and Budgets, in English and Chinese, and
fails on any JavaScript console error, any error dialog or any server error
in the log. Screenshots go to var/artifacts/browser/."""
import contextlib
import json
import os
import re
import shutil
import time
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.crawl import make_browser
from tests.odoo_server import ADMIN, ARTIFACTS, Server

pytestmark = pytest.mark.browser

EXTRA_MENUS = ["hr_payroll.menu_hr_payroll_root", "account_budget.menu_act_crossovered_budget_view"]


@pytest.fixture(scope="module")
def server():
    os.makedirs(ARTIFACTS, exist_ok=True)  # bin/test empties it at start
    # bin/test gives the browser tests their own copy of the test database
    database = (os.environ.get("AUX_WEB_TEST_DB") or os.environ.get("AUX_TEST_DB")
                or __import__("odoo").tools.config["db_name"])
    instance = Server(database)
    instance.start()
    yield instance
    instance.stop()


@pytest.fixture(scope="module")
def browser(server):
    driver, profile = make_browser()
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait_idle(driver, timeout=90):
    """Wait until the web client has rendered and no RPC is pending."""
    # jQuery.active never drops to 0: the longpolling request stays open.
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script(
        "return document.readyState === 'complete' && window.jQuery !== undefined"
        " && jQuery('#oe_main_menu_navbar').length > 0"
        " && jQuery('.o_loading:visible, .blockUI:visible').length === 0"
        " && jQuery('.o_main_content .o_content')"
        ".length > 0"))
    time.sleep(0.5)


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE"]


def error_dialogs(driver):
    return [element.text for element in driver.find_elements(
        By.CSS_SELECTOR, ".modal .o_error_detail, .modal.o_technical_modal .o_dialog_warning, "
        ".o_dialog_warning, .modal-title") if element.is_displayed() and element.text.strip()
        and ("Error" in element.text or "错误" in element.text or "o_error_detail"
             in (element.get_attribute("class") or ""))]


def login(driver, server):
    """A fresh session through the login page (the session keeps the
    language of its login)."""
    driver.get("%s/web/session/logout" % server.url)
    driver.get("%s/web/login?db=%s" % (server.url, server.database))
    driver.find_element(By.NAME, "login").send_keys(ADMIN[0])
    driver.find_element(By.NAME, "password").send_keys(ADMIN[1])
    driver.find_element(By.CSS_SELECTOR, "form.oe_login_form button[type=submit]").click()
    WebDriverWait(driver, 120).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#oe_main_menu_navbar"))
    wait_idle(driver)


def menus_to_open(server):
    """Every menu of the aux app with an action, plus Payroll and Budgets."""
    root_id = server.rpc("ir.model.data", "xmlid_to_res_id", "aux_personnel.aux_root_menu")
    assert root_id, "the Auxiliary Personnel top menu is missing"
    menus = server.rpc("ir.ui.menu", "search_read", [("id", "child_of", root_id)],
                       fields=["complete_name", "action"])
    for xmlid in EXTRA_MENUS:
        menu_id = server.rpc("ir.model.data", "xmlid_to_res_id", xmlid)
        assert menu_id, xmlid
        menus += server.rpc("ir.ui.menu", "search_read", [("id", "child_of", menu_id)],
                            fields=["complete_name", "action"])
    return root_id, [menu for menu in menus if menu["action"]]


def open_menu(driver, server, menu, name):
    """Open the menu's action in a freshly loaded web client (a new query
    string forces the reload), so that a dialog left by one page is never
    blamed on the next."""
    action_id = menu["action"].split(",")[1]
    driver.get("%s/web?page=%s#action=%s&menu_id=%d" % (
        server.url, re.sub(r"\W+", "_", name), action_id, menu["id"]))
    wait_idle(driver)
    driver.save_screenshot(os.path.join(ARTIFACTS, "%s.png" % name))


def check_page(driver, server, offset, label):
    problems = ["console: %s" % message for message in console_errors(driver)]
    problems += ["dialog: %s" % text[:300] for text in error_dialogs(driver)]
    problems += ["server: %s" % line for line in server.errors_since(offset)]
    return ["%s -> %s" % (label, problem) for problem in problems]


@contextlib.contextmanager
def admin_language(server, lang):
    """The administrator works in ``lang`` inside the block."""
    admin_id = server.rpc("res.users", "search", [("login", "=", ADMIN[0])])[0]
    before = server.rpc("res.users", "read", [admin_id], fields=["lang"])[0]["lang"]
    server.rpc("res.users", "write", [admin_id], {"lang": lang})
    try:
        yield
    finally:
        server.rpc("res.users", "write", [admin_id], {"lang": before})


def test_every_menu_opens_without_error(server, browser):
    root_id, menus = menus_to_open(server)
    assert len(menus) >= 3, menus
    with admin_language(server, "en_US"):
        login(browser, server)
        assert "Auxiliary Personnel" in browser.find_element(
            By.CSS_SELECTOR, "#oe_main_menu_navbar").text
        # The server's start and the login count too (offset 0).
        open_every_menu(browser, server, menus, check_page(browser, server, 0, "login"))


def open_every_menu(browser, server, menus, problems):
    opened = []
    for index, menu in enumerate(menus):
        offset = server.log_size()
        name = "en_%02d_%s" % (index, re.sub(r"\W+", "_", menu["complete_name"]).strip("_"))
        open_menu(browser, server, menu, name)
        problems += check_page(browser, server, offset, menu["complete_name"])
        opened.append(menu["complete_name"])
    with open(os.path.join(ARTIFACTS, "menus.json"), "w", encoding="utf-8") as handle:
        json.dump(opened, handle, ensure_ascii=False, indent=1)
    assert not problems, "\n".join(problems)
    assert any(name.startswith("Auxiliary Personnel") for name in opened)
    assert any(name.startswith("Payroll") for name in opened)
    assert any("Budgets" in name for name in opened)


def test_menus_in_chinese(server, browser):
    with admin_language(server, "zh_CN"):
        root_id, menus = menus_to_open(server)
        offset = server.log_size()
        login(browser, server)
        aux_menu = [menu for menu in menus if menu["complete_name"].startswith("Auxiliary")][0]
        open_menu(browser, server, aux_menu, "zh_register")
        navbar = browser.find_element(By.CSS_SELECTOR, "#oe_main_menu_navbar").text
        assert "辅警管理" in navbar
        assert check_page(browser, server, offset, "zh_CN") == []


BROKEN_KANBAN = """<kanban>
    <field name="name"/>
    <templates><t t-name="kanban-box">
        <div><t t-esc="record.name.raw_value.no_such_method()"/></div>
    </t></templates>
</kanban>"""


def test_a_deliberately_broken_view_is_caught(server, browser):
    """The checks above would see a broken page: a kanban view whose template
    fails in the browser must show up as console errors or an error dialog."""
    view_id = server.rpc("ir.ui.view", "create", {
        "name": "aux.browser.test.broken", "model": "res.partner", "type": "kanban",
        "priority": 999, "arch": BROKEN_KANBAN})
    action_id = server.rpc("ir.actions.act_window", "create", {
        "name": "Broken on purpose", "res_model": "res.partner", "view_mode": "kanban",
        "view_id": view_id})
    try:
        login(browser, server)
        offset = server.log_size()
        console_errors(browser)  # what the login page logged is not this test's
        browser.get("%s/web#action=%d" % (server.url, action_id))
        time.sleep(3)
        browser.save_screenshot(os.path.join(ARTIFACTS, "broken_view.png"))
        problems = check_page(browser, server, offset, "broken view")
        assert problems, "a broken view went unnoticed"
    finally:
        server.rpc("ir.actions.act_window", "unlink", [action_id])
        server.rpc("ir.ui.view", "unlink", [view_id])


# The Payroll Runs list with rows, as a payroll officer: it broke ("Unknown
# field state in domain") as soon as it had a row, since the read-only
# modifiers of the run's name and unit (their fields' states=) depend on its
# state, which the list did not load.  The menu test above opens the list on
# an empty database, where no row evaluates a modifier.
def login_as(driver, server, login, password):
    driver.get("%s/web/session/logout" % server.url)
    driver.get("%s/web/login?db=%s" % (server.url, server.database))
    driver.find_element(By.NAME, "login").send_keys(login)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form.oe_login_form button[type=submit]").click()
    WebDriverWait(driver, 120).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#oe_main_menu_navbar"))
    wait_idle(driver)


def test_payroll_runs_list_with_rows_as_payroll_officer(server, browser):
    suffix = uuid.uuid4().hex[:8]
    login, password = "run_officer_%s" % suffix, "Run-Officer-%s-2026!" % suffix
    group_id = server.rpc("ir.model.data", "xmlid_to_res_id",
                          "aux_payroll.group_aux_payroll_officer")
    user_id = server.rpc("res.users", "create", {
        "name": "Run Officer %s" % suffix, "login": login, "password": password,
        "email": "%s@example.com" % login, "lang": "en_US",
        "groups_id": [(6, 0, [group_id])]}, context={"no_reset_password": True})
    journal_ids = server.rpc("account.journal", "search", [("type", "=", "general")], limit=1)
    new_journal = [] if journal_ids else [server.rpc("account.journal", "create", {
        "name": "Salaries %s" % suffix, "code": "S%s" % suffix[:4].upper(), "type": "general"})]
    journal_id = (journal_ids or new_journal)[0]
    run_ids = [server.rpc("hr.payslip.run", "create", {
        "name": "Browser run %s %d" % (suffix, month),
        "date_start": "2031-%02d-01" % month, "date_end": "2031-%02d-28" % month,
        "journal_id": journal_id},
        context={"default_is_aux": True})  # as the Payroll Runs action does
        for month in (1, 2)]
    action_id = server.rpc("ir.model.data", "xmlid_to_res_id", "aux_payroll.hr_payslip_run_action")
    menu_id = server.rpc("ir.model.data", "xmlid_to_res_id", "aux_payroll.hr_payslip_run_menu")
    try:
        login_as(browser, server, login, password)
        offset = server.log_size()
        console_errors(browser)  # what the login logged is not this test's
        browser.get("%s/web?page=runs#action=%d&menu_id=%d" % (server.url, action_id, menu_id))
        wait_idle(browser)
        WebDriverWait(browser, 60).until(lambda d: d.find_elements(
            By.CSS_SELECTOR, ".o_list_view .o_data_row") or console_errors(d))
        time.sleep(1)
        browser.save_screenshot(os.path.join(ARTIFACTS, "payroll_runs_officer.png"))
        problems = check_page(browser, server, offset, "Payroll Runs (payroll officer)")
        assert problems == []
        rows = browser.find_elements(By.CSS_SELECTOR, ".o_list_view .o_data_row")
        assert len(rows) >= 2
        # and the form of a run
        rows[0].click()
        WebDriverWait(browser, 60).until(lambda d: d.find_elements(
            By.CSS_SELECTOR, ".o_form_view") or console_errors(d))
        wait_idle(browser)
        problems = check_page(browser, server, offset, "Payroll Run form (payroll officer)")
        assert problems == []
    finally:
        server.rpc("hr.payslip.run", "unlink", run_ids)
        server.rpc("res.users", "write", [user_id], {"active": False})
        if new_journal:
            server.rpc("account.journal", "unlink", new_journal)
