"""Journey of the finance officer (aux_finance) through the web client on a
private copy of the demo bureau (issue 11): plan next year's per-head
budget (preview, then the draft budget), plan a +5 % pay scenario of the
same plan from the budget, and compare the two side by side.  Selenium
clicks and types as the officer would; RPC only reads what the journey
produced."""
import datetime
import shutil

import pytest

from tests.browser.crawl import make_browser
from tests.browser.demo_bureau import DemoBureau
from tests.browser.web import Web

pytestmark = pytest.mark.browser

LOGIN = "aux_finance"
# the labels the officer reads (zh_CN)
PREVIEW, CREATE_BUDGET = "预览", "创建预算"
PLAN_SCENARIO, COMPARE = "规划情景方案", "比较情景方案"
SCALED = ("pay", "employer")  # the cost categories a pay scenario scales


@pytest.fixture(scope="module")
def bureau():
    with DemoBureau("budget") as instance:
        yield instance


@pytest.fixture(scope="module")
def web(bureau):
    driver, profile = make_browser()
    journey = Web(driver, bureau.server, shots="journey_budget")
    journey.login(LOGIN)
    yield journey
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def rpc(bureau, model, method, *args, **kwargs):
    return bureau.server.rpc(model, method, *args, **kwargs)


def by_category(bureau, budget_id):
    """{cost type: planned amount} of a budget's lines."""
    costs = rpc(bureau, "aux.budget.cost", "search_read", [("budget_post_id", "!=", False)],
                fields=["cost_type", "budget_post_id"], context={"active_test": False})
    kind = {cost["budget_post_id"][0]: cost["cost_type"] for cost in costs}
    result = {}
    for line in rpc(bureau, "crossovered.budget.lines", "search_read",
                    [("crossovered_budget_id", "=", budget_id)],
                    fields=["general_budget_id", "planned_amount"]):
        key = kind[line["general_budget_id"][0]]
        result[key] = result.get(key, 0.0) + line["planned_amount"]
    return result


def amount(text):
    return float(text.replace(",", ""))


def test_finance_plans_next_year_and_compares_a_scenario(bureau, web):
    year = datetime.date.today().year + 1
    before = set(rpc(bureau, "crossovered.budget", "search", []))

    # next year's plan: preview the head count and cost, then the draft budget
    web.open_menu("aux_payroll.aux_budget_plan_menu")
    assert web.field("year", ".modal").get_attribute("value") == str(year), \
        "the plan is for next year, written as a year (no thousands separator)"
    web.click_button(PREVIEW)
    assert web.wait_for(lambda driver: driver.execute_script(
        "return jQuery('.modal .o_field_widget[name=line_ids] tr.o_data_row').length")) > 0, \
        "the preview lists the head count and cost per unit and cohort"
    web.screenshot("plan preview")
    web.click_button(CREATE_BUDGET)
    assert web.problems("plan") == []
    [base_id] = set(rpc(bureau, "crossovered.budget", "search", [])) - before
    base = rpc(bureau, "crossovered.budget", "read", [base_id],
               fields=["name", "state", "aux_year", "aux_pay_increase", "aux_headcount"])[0]
    assert (base["state"], base["aux_year"], base["aux_pay_increase"]) == ("draft", year, 0.0)
    assert base["aux_headcount"] > 200, "the whole demo bureau is planned"
    base_amounts = by_category(bureau, base_id)
    assert set(SCALED) <= set(base_amounts)

    # a +5 % pay scenario of the same plan, from the budget
    web.click_button(PLAN_SCENARIO)
    assert web.field("base_budget_id", ".modal").text == base["name"]
    web.set_field("pay_increase", "5", scope=".modal")
    web.click_button(CREATE_BUDGET)
    assert web.problems("scenario") == []
    [scenario_id] = set(rpc(bureau, "crossovered.budget", "search", [])) - before - {base_id}
    scenario = rpc(bureau, "crossovered.budget", "read", [scenario_id],
                   fields=["name", "state", "aux_year", "aux_pay_increase",
                           "aux_base_budget_id", "aux_headcount"])[0]
    assert (scenario["state"], scenario["aux_year"], scenario["aux_pay_increase"],
            scenario["aux_base_budget_id"][0], scenario["aux_headcount"]) == (
        "draft", year, 5.0, base_id, base["aux_headcount"])
    scenario_amounts = by_category(bureau, scenario_id)
    assert scenario_amounts["pay"] == pytest.approx(base_amounts["pay"] * 1.05, rel=1e-4)
    # employer contributions follow the pay within their floors and ceilings
    # (costs are negative amounts, Odoo's convention)
    assert abs(base_amounts["employer"]) < abs(scenario_amounts["employer"]) \
        <= abs(base_amounts["employer"]) * 1.05 + 0.01
    for cost_type, value in base_amounts.items():
        if cost_type not in SCALED:
            assert scenario_amounts[cost_type] == pytest.approx(value), cost_type

    # side by side: one column a plan, one row a cost category
    web.click_button(COMPARE)
    web.screenshot("scenario comparison")
    assert web.problems("compare") == []
    headers = web.driver.execute_script(
        "return jQuery('.o_pivot thead th').map(function () {"
        " return jQuery(this).text().trim(); }).get();")
    assert base["name"] in headers and scenario["name"] in headers, headers
    columns = [name for name in headers if name in (base["name"], scenario["name"])]
    cells = web.driver.execute_script(
        "return jQuery('.o_pivot tbody tr').map(function () {"
        " return [[jQuery(this).find('.o_pivot_header_cell_closed, .o_pivot_header_cell_opened')"
        ".text().trim()].concat(jQuery(this).find('.o_pivot_cell_value').map(function () {"
        " return jQuery(this).text().trim(); }).get())]; }).get();")
    totals = [row for row in cells if row[0] in ("总计", "Total")][0]
    shown = dict(zip(columns, (amount(text) for text in totals[1:3]), strict=True))
    assert shown[base["name"]] == pytest.approx(sum(base_amounts.values()), abs=0.01)
    assert shown[scenario["name"]] == pytest.approx(sum(scenario_amounts.values()), abs=0.01)
