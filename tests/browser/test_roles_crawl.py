"""Every menu of every role on the demo bureau (issue 11): for each demo
login (and admin), in a real Chromium against a real server on a private
copy of the demo bureau, open every menu the role sees under Auxiliary
Personnel, Payroll and Budgets, its list, kanban or pivot, and the form of
its first record; fail on any JavaScript console error, error or
access-error dialog, server error or traceback. Screenshots per role go to
var/artifacts/browser/roles/<login>/, the report to crawl.json there."""
import os

import pytest

from tests.browser import crawl
from tests.browser.demo_bureau import DemoBureau
from tests.odoo_server import ARTIFACTS

pytestmark = pytest.mark.browser

OUT = os.path.join(ARTIFACTS, "roles")


@pytest.fixture(scope="module")
def bureau():
    with DemoBureau("crawl") as instance:
        yield instance


def test_every_role_opens_every_menu_on_the_demo_bureau(bureau):
    logins = bureau.logins()
    # every role of the demo has its login (security/roles.csv)
    for login in ("aux_self", "aux_leader", "aux_manager", "aux_officer", "aux_finance",
                  "aux_boss"):
        assert login in logins, logins
    os.makedirs(OUT, exist_ok=True)
    report = crawl.crawl(bureau.server.url, bureau.database, [(name, name) for name in logins],
                         bureau.server.log_path, OUT, progress=crawl.summary, browsers=2)
    problems = [problem for result in report.values() for problem in result["problems"]]
    assert not problems, "\n".join(problems)
    for login, result in report.items():
        # a role whose menus all failed to list would pass silently otherwise
        assert result["pages"], "%s saw no menu" % login
        assert any(page["form"] for page in result["pages"]), (
            "%s opened no record's form" % login)
    # the auxiliary sees his self-service menus, not the office's
    self_menus = {page["xmlid"] for page in report["aux_self"]["pages"]}
    admin_menus = {page["xmlid"] for page in report["admin"]["pages"]}
    assert self_menus and self_menus < admin_menus, self_menus - admin_menus
