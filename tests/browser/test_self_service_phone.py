"""Self-service on a phone (issue 11, item 5): the auxiliary ``aux_self``
opens each of his menus (own file, sheets, payslips, training, care) in a
390 x 844 window, and the first record of each list, on a private copy of
the demo bureau: every page fits the width of the screen (no horizontal
scrolling of the page; a wide list scrolls inside its own box), and no
console error, error dialog or server error. Screenshots under
var/artifacts/browser/phone/."""
import pytest
from selenium.webdriver.common.by import By

from tests.browser import crawl
from tests.browser.demo_bureau import DemoBureau
from tests.browser.web import Web

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 390, 844
TOLERANCE = 2  # pixels of rounding
SELF = ("aux_self", "aux_self")
# the page's own width, and any element sticking out of the screen (a list
# box that scrolls inside itself does not: its own width stays the screen's)
OVERFLOW = """
var width = document.documentElement.clientWidth;
var wide = [];
jQuery('.o_main_content, .o_main_content *:visible').each(function () {
    var box = this.getBoundingClientRect();
    if (box.width > 0 && box.right > width + %(tol)d) {
        var inside = jQuery(this).parents().filter(function () {
            var style = getComputedStyle(this);
            return (style.overflowX === 'auto' || style.overflowX === 'scroll'
                    || style.overflowX === 'hidden')
                && this.getBoundingClientRect().right <= width + %(tol)d;
        }).length > 0;
        if (!inside) {
            wide.push(this.tagName + '.' + this.className + ' ' + Math.round(box.right));
        }
    }
});
return {scroll: document.documentElement.scrollWidth, width: width, wide: wide.slice(0, 5)};
""" % {"tol": TOLERANCE}


@pytest.fixture(scope="module")
def bureau():
    with DemoBureau("phone") as instance:
        yield instance


@pytest.fixture(scope="module")
def phone(bureau):
    driver, profile = crawl.make_browser()
    driver.set_window_size(WIDTH, HEIGHT)
    try:
        yield Web(driver, bureau.server, shots="phone")
    finally:
        crawl.close_browser(driver, profile)


def fits(web, label):
    found = web.driver.execute_script(OVERFLOW)
    problems = []
    if found["scroll"] > WIDTH + TOLERANCE:
        problems.append("%s: the page is %d px wide on a %d px screen" % (
            label, found["scroll"], WIDTH))
    if found["wide"]:
        problems.append("%s: beyond the screen: %s" % (label, "; ".join(found["wide"])))
    return problems


def test_self_service_screens_fit_a_phone(bureau, phone):
    server = bureau.server
    menus = crawl.visible_menus(server.url, server.database, *SELF)
    assert len(menus) >= 5, "own file, sheets, payslips, training, care: %s" % menus
    phone.login(SELF[0])
    viewport = phone.driver.execute_script("return document.documentElement.clientWidth")
    assert viewport <= WIDTH, "the window is a phone's"
    problems = []
    for index, menu in enumerate(menus):
        crawl.goto(phone.driver, server.url, "action=%s&menu_id=%d" % (
            menu["action"].split(",")[1], menu["id"]), index)
        name = menu["complete_name"]
        phone.screenshot(name)
        problems += fits(phone, name)
        if crawl.open_first_row(phone.driver):
            phone.screenshot(name + " form")
            problems += fits(phone, name + " (form)")
        problems += phone.collect(name)
    # the menus: the side menu is hidden on a phone, the top bar's menu
    # button shows it above the content, and its entries open their screens
    assert not phone.driver.execute_script("return jQuery('.o_sub_menu:visible').length")
    phone.js_click(phone.find("#oe_main_menu_navbar .navbar-toggle"))
    entry = phone.find(".o_sub_menu a.oe_menu_leaf", timeout=10)
    phone.screenshot("menu open")
    problems += fits(phone, "menu open")
    phone.js_click(entry)
    phone.wait()
    assert phone.driver.find_elements(By.CSS_SELECTOR, ".o_main_content .o_view_manager_content")
    assert problems == [], "\n".join(problems)
