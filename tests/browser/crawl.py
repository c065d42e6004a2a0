"""Every-menu crawl per role (issue 11): for each login, log in through the
login page, list the menus that user sees (``ir.ui.menu.load_menus`` as that
user) under Auxiliary Personnel, Payroll and Budgets, open each menu's action
(its default view) and, when the view is a list or a kanban with rows, the
form of its first row; record every JavaScript console error, error dialog
and server error of the log. One screenshot per page under
var/artifacts/browser/<login>/.

    python -m tests.browser.crawl --url http://127.0.0.1:8070 --db aux_demo \\
        --logins admin,aux_self --log var/log/demo-server.log

A login is ``name`` (password = name) or ``name:password``. The exit status
is 1 when a problem was found; the report is also written to
var/artifacts/browser/crawl.json.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARTIFACTS = os.path.join(ROOT, "var", "artifacts", "browser")
MENU_ROOTS = ("aux_personnel.aux_root_menu", "hr_payroll.menu_hr_payroll_root",
              "account_budget.menu_act_crossovered_budget_view")
SERVER_ERROR = re.compile(r" (ERROR|CRITICAL) |Traceback \(most recent call last\)|\" 500 ")
ROWS = (".o_list_view tbody tr.o_data_row, "
        ".o_kanban_view .o_kanban_record:not(.o_kanban_ghost)")
ERROR_DIALOG = ".modal .o_dialog_warning, .modal .o_dialog_error, .modal .o_error_detail"


def rpc(url, db, login, password, model, method, *args, **kwargs):
    """``model.method(*args, **kwargs)`` as the user, through /jsonrpc."""
    def call(service, method, *args):
        payload = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1, "params": {
            "service": service, "method": method, "args": args}}).encode()
        request = urllib.request.Request(url + "/jsonrpc", payload,
                                         {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            answer = json.loads(response.read())
        if "error" in answer:
            raise RuntimeError(answer["error"].get("data", {}).get("message") or answer["error"])
        return answer.get("result")
    uid = call("common", "authenticate", db, login, password, {})
    if not uid:
        raise RuntimeError("authentication failed for %s" % login)
    return call("object", "execute_kw", db, uid, password, model, method, list(args), kwargs)


def visible_menus(url, db, login, password):
    """The menus with an action the user sees under MENU_ROOTS, in the
    order of the menu bar, each with its full name ("A / B / C")."""
    tree = rpc(url, db, login, password, "ir.ui.menu", "load_menus", False)
    found = []

    def walk(node, path, inside):
        name = path + [node["name"]] if node.get("id") else path
        inside = inside or node.get("xmlid") in MENU_ROOTS
        if inside and node.get("action"):
            found.append({"id": node["id"], "action": node["action"],
                          "xmlid": node.get("xmlid") or "",
                          "complete_name": " / ".join(name)})
        for child in node.get("children") or []:
            walk(child, name, inside)
    walk(tree, [], False)
    return found


def make_browser():
    """Headless Chromium with the console log; returns (driver, profile)."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="aux-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--window-size=1400,900",
                 "--user-data-dir=%s" % profile):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(120)
    return driver, profile


def close_browser(driver, profile):
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


IDLE = ("return document.readyState === 'complete' && window.jQuery !== undefined"
        " && jQuery('#oe_main_menu_navbar').length > 0"
        " && jQuery('.o_loading:visible, .blockUI:visible').length === 0"
        " && (jQuery('.o_main_content .o_content').children().length > 0"
        "     || jQuery('.modal:visible .modal-body').children().length > 0)")


def wait_idle(driver, timeout=90):
    """Until the web client has rendered and no RPC is pending (twice, a
    short moment apart: a view renders in steps)."""
    # jQuery.active never drops to 0: the longpolling request stays open.
    wait = WebDriverWait(driver, timeout, poll_frequency=0.05)
    wait.until(lambda d: d.execute_script(IDLE))
    time.sleep(0.2)
    wait.until(lambda d: d.execute_script(IDLE))


def console_errors(driver):
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE"]


def error_dialogs(driver):
    texts = driver.execute_script(
        "return jQuery(arguments[0]).filter(':visible').closest('.modal').map("
        "function () { return jQuery(this).text().replace(/\\s+/g, ' ').trim(); }).get();",
        ERROR_DIALOG)
    return [text for text in texts or [] if text]


def login(driver, url, db, user, password):
    """A fresh session through the login page."""
    driver.get("%s/web/session/logout" % url)
    driver.get("%s/web/login?db=%s" % (url, db))
    driver.find_element(By.NAME, "login").send_keys(user)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form.oe_login_form button[type=submit]").click()
    WebDriverWait(driver, 120).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#oe_main_menu_navbar"))
    wait_idle(driver)


class ServerLog:
    """The server's log file (optional): the error lines since a mark."""

    def __init__(self, path):
        self.path = path

    def mark(self):
        return os.path.getsize(self.path) if self.path and os.path.exists(self.path) else 0

    def errors_since(self, offset):
        if not self.path or not os.path.exists(self.path):
            return []
        with open(self.path, encoding="utf-8", errors="replace") as handle:
            handle.seek(offset)
            return [line for line in handle.read().splitlines() if SERVER_ERROR.search(line)]


def slug(text):
    return re.sub(r"\W+", "_", text, flags=re.ASCII).strip("_")[:80] or "page"


def check(driver, log, offset, label):
    problems = ["console: %s" % message for message in console_errors(driver)]
    problems += ["dialog: %s" % text[:400] for text in error_dialogs(driver)]
    problems += ["server: %s" % line for line in log.errors_since(offset)]
    return ["%s -> %s" % (label, problem) for problem in problems]


MARK_CONTENT = ("window.__crawlOld = jQuery('.o_main_content .o_content').children().get();"
                " return window.__crawlOld.length > 0"
                " && jQuery('.modal:visible').length === 0;")
# the old view is gone, or the action opened a dialog (a wizard)
REPLACED = ("return jQuery('.modal:visible').length > 0"
            " || window.__crawlOld.every(function (el) {"
            " return !document.body.contains(el); });")


def goto(driver, url, fragment, index):
    """Open ``#fragment`` in the web client: by changing the hash when the
    page is clean (the action manager replaces the content: fast), by
    reloading the web client otherwise (a dialog left open, or the hash
    change did nothing), so that a dialog left by one page is never blamed
    on the next."""
    if driver.current_url.startswith(url + "/web") and driver.execute_script(MARK_CONTENT):
        driver.execute_script("window.location.hash = arguments[0];", fragment)
        try:
            WebDriverWait(driver, 10, poll_frequency=0.1).until(
                lambda d: d.execute_script(REPLACED))
            wait_idle(driver)
            return
        except TimeoutException:
            pass
    driver.get("%s/web?crawl=%d#%s" % (url, index, fragment))
    wait_idle(driver)


def open_first_row(driver):
    """Click the first row of the list or kanban (opening the first group of
    a grouped list); True when a form view came up."""
    if not driver.find_elements(By.CSS_SELECTOR, ROWS):
        headers = driver.find_elements(By.CSS_SELECTOR, ".o_list_view .o_group_header")
        if not headers:
            return False
        driver.execute_script("arguments[0].click();", headers[0])
        wait_idle(driver)
    rows = driver.find_elements(By.CSS_SELECTOR, ROWS)
    if not rows:
        return False
    row = rows[0]
    cells = row.find_elements(By.CSS_SELECTOR, "td.o_data_cell")
    # a JavaScript click: a tooltip left by the mouse cannot intercept it
    driver.execute_script("jQuery('.tooltip').remove(); arguments[0].click();",
                          cells[0] if cells else row)
    # a form opens, or the row of an editable list goes into edit mode (no
    # form: the row is the editor), or an error dialog comes up
    try:
        WebDriverWait(driver, 15, poll_frequency=0.1).until(lambda d: d.find_elements(
            By.CSS_SELECTOR, ".o_main_content .o_form_view, " + ERROR_DIALOG
            + ", .o_editable_list .o_selected_row"))
    except TimeoutException:
        return False  # a kanban card without a form
    wait_idle(driver)
    return bool(driver.find_elements(By.CSS_SELECTOR, ".o_main_content .o_form_view"))


def crawl_login(driver, url, db, user, password, log, out_dir=ARTIFACTS):
    """Crawl every menu of one login; returns (pages, problems)."""
    folder = os.path.join(out_dir, user)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    pages, problems = [], []
    offset = log.mark()
    menus = visible_menus(url, db, user, password)
    try:
        login(driver, url, db, user, password)
    except (TimeoutException, WebDriverException):
        # once more: a first login on a busy two-core machine can be slow
        # (the assets of a new session); a second failure is a problem
        try:
            login(driver, url, db, user, password)
        except (TimeoutException, WebDriverException) as error:
            driver.save_screenshot(os.path.join(folder, "login_failed.png"))
            problems += check(driver, log, offset, "%s: login" % user)
            problems.append("%s: login -> browser: %s" % (
                user, str(error).splitlines()[0][:300] if str(error) else type(error).__name__))
            return pages, problems
    problems += check(driver, log, offset, "%s: login" % user)
    for index, menu in enumerate(menus):
        label = "%s: %s" % (user, menu["complete_name"])
        name = "%02d_%s" % (index, slug(menu["xmlid"] or menu["complete_name"]))
        offset = log.mark()
        try:
            goto(driver, url, "action=%s&menu_id=%d" % (
                menu["action"].split(",")[1], menu["id"]), index)
            driver.save_screenshot(os.path.join(folder, name + ".png"))
            found = check(driver, log, offset, label)
            page = {"menu": menu["complete_name"], "xmlid": menu["xmlid"],
                    "problems": found, "form": False}
            if not found:
                offset = log.mark()
                page["form"] = open_first_row(driver)
                if page["form"]:
                    driver.save_screenshot(os.path.join(folder, name + "_form.png"))
                found += check(driver, log, offset, label + " (first record)")
        except (TimeoutException, WebDriverException) as error:
            driver.save_screenshot(os.path.join(folder, name + "_failed.png"))
            found = check(driver, log, offset, label)
            found.append("%s -> browser: %s" % (label, str(error).splitlines()[0][:300]))
            page = {"menu": menu["complete_name"], "xmlid": menu["xmlid"],
                    "problems": found, "form": False}
        page["problems"] = found
        problems += found
        pages.append(page)
    return pages, problems


def crawl(url, db, logins, log_path=None, out_dir=ARTIFACTS, progress=None, browsers=1):
    """Crawl for each (login, password); returns {login: {pages, problems,
    seconds}}; ``progress(login, result)`` is called after each login.
    ``browsers`` Chromium instances share the logins (the server serves
    them at once; a server error is then reported on the page of whichever
    browser was busy, with the request in the log line)."""
    log = ServerLog(log_path)
    report = {}
    pending = list(logins)
    lock = threading.Lock()

    def work():
        driver, profile = make_browser()
        try:
            while True:
                with lock:
                    if not pending:
                        return
                    user, password = pending.pop(0)
                started = time.time()
                pages, problems = crawl_login(driver, url, db, user, password, log, out_dir)
                with lock:
                    report[user] = {"pages": pages, "problems": problems,
                                    "seconds": round(time.time() - started, 1)}
                    with open(os.path.join(out_dir, "crawl.json"), "w",
                              encoding="utf-8") as handle:
                        json.dump(report, handle, ensure_ascii=False, indent=1)
                    if progress:
                        progress(user, report[user])
        finally:
            close_browser(driver, profile)

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, browsers)) as pool:
        for future in [pool.submit(work) for _index in range(max(1, browsers))]:
            future.result()
    return {user: report[user] for user, _password in logins if user in report}


def parse_logins(text):
    return [tuple(item.split(":", 1)) if ":" in item else (item, item)
            for item in text.split(",") if item]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", required=True)
    parser.add_argument("--logins", required=True,
                        help="comma-separated: login (password = login) or login:password")
    parser.add_argument("--log", help="the server's log file, to catch server errors")
    parser.add_argument("--out", default=ARTIFACTS)
    parser.add_argument("--browsers", type=int, default=1,
                        help="Chromium instances crawling at once (default 1)")
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    report = crawl(args.url.rstrip("/"), args.db, parse_logins(args.logins), args.log,
                   args.out, progress=summary, browsers=args.browsers)
    return 1 if any(result["problems"] for result in report.values()) else 0


def summary(user, result):
    forms = sum(1 for page in result["pages"] if page["form"])
    sys.stdout.write("%s: %d pages, %d forms, %d problems, %.0f s\n" % (
        user, len(result["pages"]), forms, len(result["problems"]), result["seconds"]))
    for problem in result["problems"]:
        sys.stdout.write("  %s\n" % problem)
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
