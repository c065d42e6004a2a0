"""Journey of the auxiliary office officer (aux_office) through the web
client on a private copy of the demo bureau (issue 11): hire a person
(resident ID, grade from the education, unit, contract; the post is refused
until the pre-job training is done, so he is enrolled in the next pre-job
session), renew the
batch of expiring contracts with the renewal wizard from the contracts
list, record an exit.  Selenium clicks and types as the officer would; RPC
only reads what the journey produced."""
import datetime
import random
import shutil

import pytest
from dateutil.relativedelta import relativedelta
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.crawl import make_browser
from tests.browser.demo_bureau import DemoBureau
from tests.browser.web import Web

pytestmark = pytest.mark.browser

LOGIN = "aux_office"
NAME = "岳明轩"
ADD_LINE = "添加项目"  # the web client's "Add an item", in the demo users' Chinese
BIRTHDAY = "1999-06-18"
RENEW = "续签合同"  # the renewal wizard's action (Renew Contracts) in Chinese
RESIGNED = "辞职"  # the exit reason Resigned


def resident_id(region, birthday, sequence):
    """An 18-digit resident ID number with its GB 11643 check character."""
    first17 = "%s%s%03d" % (region, birthday.replace("-", ""), sequence)
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c) * w for c, w in zip(first17, weights, strict=True))
    return first17 + "10X98765432"[total % 11]


@pytest.fixture(scope="module")
def bureau():
    with DemoBureau("office") as instance:
        yield instance


@pytest.fixture(scope="module")
def web(bureau):
    driver, profile = make_browser()
    journey = Web(driver, bureau.server, shots="journey_office")
    journey.login(LOGIN)
    yield journey
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def rpc(bureau, model, method, *args, **kwargs):
    return bureau.server.rpc(model, method, *args, **kwargs)


def unit_with_room(bureau):
    """A squadron and a category whose establishment quota has room."""
    for quota in rpc(bureau, "aux.establishment.quota", "search_read", [],
                     fields=["department_id", "category", "quota"], order="id"):
        held = rpc(bureau, "hr.employee", "search_count", [
            ("department_id", "=", quota["department_id"][0]),
            ("aux_category", "=", quota["category"]), ("is_auxiliary", "=", True)])
        if quota["category"] == "duty" and held < quota["quota"]:
            return quota["department_id"], quota["category"]
    raise AssertionError("the demo bureau has no squadron with room for a duty auxiliary")


def test_office_hires_a_person_with_contract(bureau, web):
    (unit_id, unit_name), category = unit_with_room(bureau)
    sequence = random.Random().randrange(1, 499) * 2 + 1  # odd: a man
    number = resident_id("330106", BIRTHDAY, sequence)
    assert not rpc(bureau, "hr.employee", "search", [("identification_id", "=", number)])

    # the file: name, category, education (the entry grade follows), unit, resident ID
    web.open_menu("aux_personnel.hr_employee_menu")
    web.click(".o-kanban-button-new")
    web.set_field("name", NAME)
    web.set_field("aux_category", category)
    web.set_field("education", "college")
    web.show("department_id")
    web.set_many2one("department_id", unit_name.split(" / ")[-1])
    web.show("identification_id")
    web.set_field("identification_id", number)
    web.screenshot("hire file")
    web.save()
    assert web.problems("hire file") == []
    person = rpc(bureau, "hr.employee", "search_read", [("identification_id", "=", number)],
                 fields=["name", "department_id", "birthday", "gender", "aux_grade_id",
                         "aux_grade_history_ids", "is_auxiliary", "aux_category"])
    assert len(person) == 1, "the hire is saved once"
    person = person[0]
    assert (person["name"], person["department_id"][0], person["is_auxiliary"],
            person["aux_category"]) == (NAME, unit_id, True, category)
    # birth date and gender come from the resident ID
    assert (person["birthday"], person["gender"]) == (BIRTHDAY, "male")
    entry_grades = {row["grade_id"][0] for row in rpc(
        bureau, "aux.entry.level", "search_read", [("education", "=", "college")],
        fields=["grade_id"])}
    assert person["aux_grade_id"] and person["aux_grade_id"][0] in entry_grades, \
        "the entry grade follows the education"
    assert person["aux_grade_history_ids"], "the entry grade starts the grade history"

    # the labour contract, from the Contracts button of the file
    web.click(".o_main_content .oe_button_box button:has(.o_field_widget[name='contracts_count'])")
    web.click(".o_list_button_add, .o-kanban-button-new")
    web.set_field("name", "劳动合同 %s" % NAME)
    web.set_many2one("struct_id", "Auxiliary Personnel")
    web.show("date_start")
    web.set_field("aux_term_months", "36")
    web.screenshot("hire contract")
    web.save()
    assert web.problems("hire contract") == []
    contracts = rpc(bureau, "hr.contract", "search_read", [("employee_id", "=", person["id"])],
                    fields=["aux_term_months", "date_start", "state", "struct_id"])
    assert len(contracts) == 1
    assert contracts[0]["aux_term_months"] == 36
    assert contracts[0]["struct_id"][1] == "Auxiliary Personnel"

    # the post: refused until the pre-job training is done, with the reason
    web.open_record("hr.employee", person["id"])
    web.click(".o_form_button_edit")
    web.show("aux_post_assignment_ids")
    web.click_text(ADD_LINE,
                   css=".o_main_content .o_field_widget[name='aux_post_assignment_ids'] a")
    post = rpc(bureau, "aux.post", "search_read", [("department_id", "=", unit_id),
                                                   ("holder_type", "=", "mixed")],
               fields=["code"], limit=1)[0]
    web.set_many2one("post_id", post["code"], scope=".modal")
    web.click(".modal .modal-footer .btn-primary")
    web.save()
    refusal = web.dialog_text()
    assert NAME in refusal and "岗前培训" in refusal, refusal
    web.click(".modal .modal-footer .btn-primary")  # OK
    web.click(".o_form_button_cancel")
    web.confirm()  # discard the refused post
    # the refusal is the expected answer, not a breakage
    answered = web.collect("post refused")
    assert answered and all("岗前培训" in problem for problem in answered), answered
    web.found.clear()
    assert not rpc(bureau, "aux.post.assignment", "search", [("employee_id", "=", person["id"])])

    # so the office enrols him in the next pre-job session
    session = rpc(bureau, "aux.training.session", "search_read", [
        ("state", "=", "open"), ("category_id.code", "=", "PREJOB")],
        fields=["name"], order="date_start", limit=1)[0]
    web.open_menu("aux_training.aux_training_enrolment_menu")
    web.click(".o_list_button_add")
    web.set_many2one("session_id", session["name"])
    web.set_many2one("employee_id", NAME)
    web.save()
    assert web.problems("pre-job enrolment") == []
    assert rpc(bureau, "aux.training.enrolment", "search_count", [
        ("employee_id", "=", person["id"]), ("session_id", "=", session["id"])]) == 1


def test_office_renews_the_expiring_contracts(bureau, web):
    web.open_menu("aux_personnel.hr_contract_expiring_menu")
    rows = web.rows()
    expiring = rpc(bureau, "hr.contract", "search_read", [
        ("aux_is_expiring", "=", True), ("aux_renewed_contract_id", "=", False),
        ("employee_id.active", "=", True)], fields=["date_end", "name"])
    assert len(rows) == len(expiring) > 1, "the demo has a batch of contracts to renew"
    web.select_all_rows()
    web.sidebar_action(RENEW)
    # the wizard lists the selected contracts once it has loaded
    WebDriverWait(web.driver, 30).until(lambda d: len(d.find_elements(
        By.CSS_SELECTOR, ".modal .o_field_widget[name='contract_ids'] tr.o_data_row"))
        == len(expiring))
    web.set_field("term_months", "36", scope=".modal")
    assert web.field("term_months", ".modal").get_attribute("value") == "36"
    web.screenshot("renew wizard")
    web.click_button("续签")  # Renew
    WebDriverWait(web.driver, 60).until(lambda d: not d.execute_script(
        "return jQuery('.modal:visible').length"), "the renewal wizard closes")
    assert web.problems("renew") == []
    for old in rpc(bureau, "hr.contract", "read", [c["id"] for c in expiring],
                   fields=["date_end", "aux_renewed_contract_id", "name"]):
        assert old["aux_renewed_contract_id"], "%s is renewed" % old["name"]
        new = rpc(bureau, "hr.contract", "read", [old["aux_renewed_contract_id"][0]],
                  fields=["date_start", "date_end", "aux_term_months"])[0]
        start = datetime.date.fromisoformat(old["date_end"]) + datetime.timedelta(days=1)
        assert new["date_start"] == start.isoformat()
        assert new["aux_term_months"] == 36
        assert new["date_end"] == (start + relativedelta(months=36, days=-1)).isoformat()
    web.open_menu("aux_personnel.hr_contract_expiring_menu")
    assert web.rows() == [], "the expiry queue is empty once renewed"


def test_office_records_an_exit(bureau, web):
    person = rpc(bureau, "hr.employee", "search_read", [
        ("is_auxiliary", "=", True), ("aux_post_assignment_ids", "!=", False),
        ("contract_ids.state", "=", "open")], fields=["name"], limit=1, order="id desc")[0]
    web.open_menu("aux_personnel.aux_employee_exit_menu")
    web.click(".o_list_button_add")
    web.set_many2one("employee_id", person["name"])
    web.set_many2one("reason_id", RESIGNED)
    web.set_field("decision", "示范局辅字〔2026〕88号")
    web.save()
    web.click_button("确认离职")  # Confirm Exit
    web.confirm()
    web.screenshot("exit confirmed")
    assert web.problems("exit") == []
    exit_ = rpc(bureau, "aux.employee.exit", "search_read", [("employee_id", "=", person["id"])],
                fields=["state", "last_day"], context={"active_test": False})[0]
    assert exit_["state"] == "done"
    gone = rpc(bureau, "hr.employee", "search_read", [("id", "=", person["id"])],
               fields=["active"], context={"active_test": False})[0]
    assert not gone["active"], "the person leaves the register"
    for contract in rpc(bureau, "hr.contract", "search_read", [("employee_id", "=", person["id"])],
                        fields=["state", "date_end"], context={"active_test": False}):
        assert contract["state"] in ("close", "cancel")
        assert contract["date_end"] <= exit_["last_day"]
    posts = rpc(bureau, "aux.post.assignment", "search_read", [
        ("employee_id", "=", person["id"])], fields=["date_to"],
        context={"active_test": False})
    assert posts and all(post["date_to"] and post["date_to"] <= exit_["last_day"]
                         for post in posts), "his post ends on his last day"
