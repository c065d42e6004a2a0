"""Probes through the external JSON-RPC API, as each role would try them
(issue 10): a real server on the test database, fixtures made by the
administrator through the same API, then each role tries to step outside
its rights.  Every refused call must answer an error and change nothing;
every read outside the role must return nothing private.  The context a
client sends is plain JSON: the keys that once unlocked guards are sent on
every write here."""
import secrets

import pytest

from tests.odoo_server import RpcError, Server

pytestmark = pytest.mark.browser  # needs the real server, like the browser tests

PASSWORD = "Probe-2026-pass!"
FORGED = {"aux_workflow": "aux-trusted", "aux_stamp": "aux-trusted",
          "aux_payroll_reopen": True, "aux_assessment_unlock": True,
          "aux_care_charging": True, "aux_training_skip_pre_job": True,
          "install_mode": True, "default_amount_python_compute": "result = 1"}
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(seq):
    """A valid resident ID number (GB 11643 check character), unique per seq."""
    first17 = "1101011990%02d%02d%03d" % (seq // 14000 % 12 + 1, seq // 500 % 28 + 1,
                                          seq % 500 * 2 + 1)
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


class Bureau:
    """Units, people and one user per role, made through the API."""

    def __init__(self, server):
        self.server = server
        self.tag = secrets.token_hex(3)  # the suite may run twice on one database
        self.seq = secrets.randbelow(160000)
        rpc = server.rpc
        self.bureau = rpc("hr.department", "create", {"name": "Probe Bureau"})
        self.unit_a = rpc("hr.department", "create",
                          {"name": "Probe Brigade A", "parent_id": self.bureau})
        self.unit_a1 = rpc("hr.department", "create",
                           {"name": "Probe Squadron A1", "parent_id": self.unit_a})
        self.unit_b = rpc("hr.department", "create",
                          {"name": "Probe Brigade B", "parent_id": self.bureau})
        self.users = {}
        for login, group in (("probe_self", "aux_personnel.group_aux_personnel_self"),
                             ("probe_leader", "aux_personnel.group_aux_personnel_unit_leader"),
                             ("probe_officer", "aux_personnel.group_aux_personnel_user"),
                             ("probe_payroll", "aux_payroll.group_aux_payroll_officer")):
            group_id = rpc("ir.model.data", "xmlid_to_res_id", group)
            self.users[login] = rpc("res.users", "create", {
                "name": login, "login": "%s_%s" % (login, self.tag),
                "email": "%s@example.com" % login,
                "password": PASSWORD, "tz": "Asia/Shanghai",
                "groups_id": [(6, 0, [group_id])]}, context={"no_reset_password": True})
        self.leader = self.employee("Probe Leader", self.unit_a, 1, "probe_leader",
                                    is_auxiliary=False)
        self.member = self.employee("Probe Member", self.unit_a1, 2, "probe_self")
        self.other = self.employee("Probe Other", self.unit_b, 3)

    def employee(self, name, unit, seq, login=None, is_auxiliary=True):
        values = {"name": name, "department_id": unit, "is_auxiliary": is_auxiliary,
                  "identification_id": resident_id(self.seq + seq),
                  "entry_date": "2020-01-01"}
        if is_auxiliary:
            values["aux_category"] = "duty"
        if login:
            values["user_id"] = self.users[login]
        return self.server.rpc("hr.employee", "create", values)

    def call(self, login, model, method, *args, **kwargs):
        return self.server.rpc_as(("%s_%s" % (login, self.tag), PASSWORD),
                                  model, method, *args, **kwargs)

    def refused(self, login, model, method, *args, **kwargs):
        """The call answers an error (access, validation or user error)."""
        with pytest.raises(RpcError) as error:
            self.call(login, model, method, *args, **kwargs)
        assert error.value.args[0] in (
            "odoo.exceptions.AccessError", "odoo.exceptions.UserError",
            "odoo.exceptions.ValidationError", "odoo.exceptions.except_orm"), error.value.args
        return error.value

    def admin_read(self, model, record_id, fields):
        return self.server.rpc(model, "read", [record_id], fields=fields)[0]


@pytest.fixture(scope="module")
def bureau():
    database = __import__("odoo").tools.config["db_name"]
    server = Server(database, log_name="rpc-server.log")
    server.start()
    try:
        yield Bureau(server)
    finally:
        server.stop()


def test_unit_leader_cannot_widen_his_scope(bureau):
    """The review's example: a leader moved himself to the bureau and saw
    everybody."""
    domain = [("department_id", "child_of", bureau.bureau)]
    seen = bureau.call("probe_leader", "hr.employee", "search_count", domain)
    assert seen == 2  # himself and his squadron's member
    for vals in ({"department_id": bureau.bureau}, {"user_id": False},
                 {"is_auxiliary": True}, {"entry_date": "2000-01-01"}):
        bureau.refused("probe_leader", "hr.employee", "write", [bureau.leader], vals,
                       context=FORGED)
    assert bureau.admin_read("hr.employee", bureau.leader, ["department_id"])[
        "department_id"][0] == bureau.unit_a
    assert bureau.call("probe_leader", "hr.employee", "search_count", domain) == seen


def test_unit_leader_keeps_contact_details_not_files(bureau):
    bureau.call("probe_leader", "hr.employee", "write", [bureau.member],
                {"mobile_phone": "13800000001"})
    bureau.refused("probe_leader", "hr.employee", "write", [bureau.member],
                   {"department_id": bureau.unit_b}, context=FORGED)
    bureau.refused("probe_leader", "hr.employee", "write", [bureau.other],
                   {"mobile_phone": "1"})
    bureau.refused("probe_self", "hr.employee", "write", [bureau.member],
                   {"mobile_phone": "1"}, context=FORGED)


@pytest.mark.parametrize("login", ["probe_self", "probe_leader"])
def test_private_fields_do_not_leak_through_other_paths(bureau, login):
    probes = [
        ("read_group", [[]], {"fields": ["identification_id"],
                              "groupby": ["identification_id"]}),
        ("read_group", [[]], {"fields": ["birthday"], "groupby": ["birthday:year"]}),
        ("search_count", [[("identification_id", "like", "110101")]], {}),
        ("search", [[]], {"order": "birthday"}),
        ("export_data", [[bureau.member], ["identification_id"]], {}),
        ("name_search", [], {"name": "", "args": [("identification_id", "!=", False)]}),
    ]
    for method, args, kwargs in probes:
        bureau.refused(login, "hr.employee", method, *args, **kwargs)


def test_workflow_states_cannot_be_written_or_forged(bureau):
    reason = bureau.server.rpc("aux.exit.reason", "search",
                               [("is_cadre_conversion", "=", False)], limit=1)[0]
    bureau.refused("probe_officer", "aux.employee.exit", "create", {
        "employee_id": bureau.other, "reason_id": reason, "state": "done"}, context=FORGED)
    exit_id = bureau.call("probe_officer", "aux.employee.exit", "create", {
        "employee_id": bureau.other, "reason_id": reason, "last_day": "2030-01-31"})
    bureau.refused("probe_officer", "aux.employee.exit", "write", [exit_id],
                   {"state": "done"}, context=FORGED)
    bureau.refused("probe_leader", "aux.employee.exit", "action_confirm", [exit_id])
    assert bureau.admin_read("aux.employee.exit", exit_id, ["state"])["state"] == "draft"

    journal = bureau.server.rpc("account.journal", "create", {
        "name": "Probe salaries %s" % bureau.tag, "code": bureau.tag[:5].upper(),
        "type": "general"})
    run_values = {"name": "Probe run", "date_start": "2030-01-01", "date_end": "2030-01-31",
                  "journal_id": journal}
    context = dict(FORGED, default_is_aux=True)
    bureau.refused("probe_payroll", "hr.payslip.run", "create",
                   dict(run_values, aux_state="approved"), context=context)
    run_id = bureau.call("probe_payroll", "hr.payslip.run", "create", run_values,
                         context={"default_is_aux": True})
    for vals in ({"aux_state": "approved"}, {"aux_state": "posted"}, {"state": "close"},
                 {"aux_adjustment": True}):
        bureau.refused("probe_payroll", "hr.payslip.run", "write", [run_id], vals,
                       context=context)
    assert bureau.admin_read("hr.payslip.run", run_id, ["aux_state"])["aux_state"] == "draft"
