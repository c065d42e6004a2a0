"""Driving the Odoo 11 web client as a user would, for the journey tests:
log in through the login page, open a menu, click the buttons a user
clicks, type into fields, and collect what went wrong on the way (console
errors, error dialogs, server errors in the log).

    web = Web(driver, server)
    web.login("aux_leader")
    web.open_menu("aux_assessment.aux_assessment_sheet_menu")
    web.click_button("提交")
    assert web.problems() == []
"""
import os
import re
import time

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import crawl
from tests.odoo_server import ARTIFACTS


class Web:
    def __init__(self, driver, server, shots="journeys"):
        self.driver = driver
        self.server = server
        self.offset = server.log_size()
        self.shots = os.path.join(ARTIFACTS, shots)
        os.makedirs(self.shots, exist_ok=True)
        self.found = []

    # -- session -----------------------------------------------------------
    def login(self, login, password=None):
        """A fresh session of ``login`` (demo password = login)."""
        crawl.login(self.driver, self.server.url, self.server.database, login,
                    password or login)
        self.collect("login %s" % login)

    def wait(self, timeout=120):
        crawl.wait_idle(self.driver, timeout)

    # -- navigation --------------------------------------------------------
    def xmlid(self, xmlid):
        return self.server.rpc("ir.model.data", "xmlid_to_res_id", xmlid)

    def open_menu(self, menu_xmlid):
        """Open a menu's action in a freshly loaded web client."""
        menu_id = self.xmlid(menu_xmlid)
        assert menu_id, menu_xmlid
        action = self.server.rpc("ir.ui.menu", "read", [menu_id], fields=["action"])[0]["action"]
        assert action, "menu %s has no action" % menu_xmlid
        self.driver.get("%s/web?journey=%s#action=%s&menu_id=%d" % (
            self.server.url, re.sub(r"\W+", "_", menu_xmlid), action.split(",")[1], menu_id))
        self.wait()

    def open_record(self, model, res_id, view_type="form"):
        self.driver.get("%s/web?journey=%s_%d#model=%s&id=%d&view_type=%s" % (
            self.server.url, model.replace(".", "_"), res_id, model, res_id, view_type))
        self.wait()
        WebDriverWait(self.driver, 60).until(lambda d: d.find_elements(
            By.CSS_SELECTOR, ".o_main_content .o_form_view"))

    # -- elements ----------------------------------------------------------
    def find(self, css, timeout=30):
        """The first visible element matching ``css``."""
        found = []

        def visible(driver):
            found[:] = [e for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]
            return bool(found)
        WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(visible)
        return found[0]

    def js_click(self, element):
        self.driver.execute_script("jQuery('.tooltip').remove(); arguments[0].click();", element)

    def click(self, css, timeout=30):
        self.js_click(self.find(css, timeout))
        self.wait()

    def click_button(self, label, timeout=30):
        """A button of the form (header, button box or body) by the label the
        user reads, e.g. ``"提交"``; in the dialog when one is open.  (Odoo 11
        renders no ``name`` attribute on form buttons: the label is all a
        user, or a test, can go by.)"""
        scope = ".modal" if self.driver.execute_script(
            "return jQuery('.modal:visible').length > 0") else ".o_main_content"
        self.click_text(label, css="%s button" % scope, timeout=timeout)

    def click_text(self, text, css="button, a", timeout=30):
        """The visible button or link whose text is ``text``."""
        def match(driver):
            for element in driver.find_elements(By.CSS_SELECTOR, css):
                if element.is_displayed() and element.text.strip() == text:
                    return element
            return False
        self.js_click(WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(match))
        self.wait()

    def field(self, name, scope=""):
        return self.find("%s .o_field_widget[name='%s']" % (scope, name))

    def set_field(self, name, value, scope=""):
        """Type into a char, text, number or date field (edit mode)."""
        element = self.field(name, scope)
        if element.tag_name not in ("input", "textarea", "select"):
            element = element.find_element(By.CSS_SELECTOR, "input, textarea, select")
        if element.tag_name == "select":
            self.driver.execute_script(
                # (inside the filter callback, arguments are the callback's own)
                "var s = jQuery(arguments[0]), value = arguments[1];"
                " s.find('option').filter(function () {"
                " return jQuery(this).text().trim() === value"
                " || this.value === JSON.stringify(value); }).prop('selected', true);"
                " s.change();", element, value)
        else:
            element.send_keys(Keys.CONTROL, "a")
            element.send_keys(Keys.DELETE)
            element.send_keys(str(value))
            element.send_keys(Keys.TAB)
        self.wait()

    def set_many2one(self, name, text, scope=""):
        """Type ``text`` into a many2one and pick the first suggestion."""
        widget = self.field(name, scope)
        entry = widget.find_element(By.CSS_SELECTOR, "input")
        entry.send_keys(Keys.CONTROL, "a")
        entry.send_keys(text)
        item = WebDriverWait(self.driver, 30, poll_frequency=0.1).until(lambda d: [
            e for e in d.find_elements(By.CSS_SELECTOR, "ul.ui-autocomplete li.ui-menu-item a")
            if e.is_displayed()])[0]
        self.js_click(item)
        self.wait()

    def save(self):
        self.click(".o_form_button_save")

    def text(self, css):
        return self.find(css).text

    # -- what went wrong ---------------------------------------------------
    def screenshot(self, name):
        self.driver.save_screenshot(os.path.join(self.shots, crawl.slug(name) + ".png"))

    def collect(self, label):
        """Record the problems since the last call (console, dialogs, log)."""
        self.found += crawl.check(self.driver, crawl.ServerLog(self.server.log_path),
                                  self.offset, label)
        self.offset = self.server.log_size()
        return self.found

    def problems(self, label="end"):
        """Every problem seen so far (empty when the journey went well)."""
        return list(self.collect(label))

    def wait_for(self, condition, timeout=60):
        """The value of ``condition`` (a function of the driver) once it is
        true, else the last value after ``timeout`` seconds: a view renders
        after its last RPC, later on a busy machine."""
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(condition)
        except TimeoutException:
            return condition(self.driver)

    def dialog_text(self, timeout=10):
        """The text of the dialog that is open (a warning, a wizard)."""
        try:
            return self.find(".modal .modal-body", timeout).text
        except TimeoutException:
            return ""

    def sleep(self, seconds):  # for a debounce the web client has, never for a server
        time.sleep(seconds)

    # -- forms and lists (journeys) ------------------------------------------
    def show(self, name, scope=".o_main_content"):
        """Open the notebook page that holds field ``name`` (a form shows
        one page at a time)."""
        self.driver.execute_script(
            "var pane = jQuery(arguments[0]).find(\".o_field_widget[name='\" + arguments[1]"
            " + \"']\").first().closest('.tab-pane');"
            "if (pane.length && !pane.hasClass('active')) {"
            " jQuery(\"a[href='#\" + pane.attr('id') + \"']\").click(); }", scope, name)
        self.sleep(0.3)

    def confirm(self):
        """Answer OK to the confirmation dialog that is open."""
        self.click(".modal .modal-footer .btn-primary")

    def select_all_rows(self):
        """Tick the header checkbox of the list (every row of the page)."""
        self.click(".o_list_view thead .o_list_record_selector input")

    def sidebar_action(self, text):
        """Run the list's or form's Action menu entry called ``text``."""
        self.driver.execute_script(
            "var text = arguments[0];"
            "jQuery('.o_cp_sidebar .dropdown-menu a').filter(function () {"
            " return jQuery(this).text().trim() === text; })"
            ".closest('.o_dropdown, .btn-group').find('.o_dropdown_toggler_btn').click();",
            text)
        self.click_text(text, css=".o_cp_sidebar .dropdown-menu a")

    def rows(self):
        """The texts of the list's data rows (cells joined by |)."""
        return self.driver.execute_script(
            "return jQuery('.o_main_content .o_list_view tbody tr.o_data_row:visible').map("
            "function () { return jQuery(this).find('td').map(function () {"
            " return jQuery(this).text().trim(); }).get().join('|'); }).get();")
