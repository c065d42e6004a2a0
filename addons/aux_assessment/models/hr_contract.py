# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

FAR_FUTURE = "9999-12-31"


class HrContract(models.Model):
    _inherit = "hr.contract"

    @api.multi
    def _aux_renewal_findings(self):
        """Renewal findings from the results and the discipline record (hook
        of aux_personnel): {contract id: [(advice, reason)]}.

        - a confirmed veto event dated in the contract's term: do not renew;
        - a discipline case whose violation falls in the term: its sanction
          type's renewal effect once confirmed (do not renew for a
          dismissal-level sanction, review for a lesser one), review while it
          is pending (submitted, or a mandatory case still in draft);
        - the confirmed annual results: do not renew for a non-renewal
          candidate, review for a demotion candidate, renew for anyone else
          with a confirmed annual result (thresholds of the person's unit).

        Set-based: one search of each kind for all the contracts.
        """
        findings = super()._aux_renewal_findings()
        employees = self.sudo().mapped("employee_id")
        if not employees:
            return findings

        def add(contract, advice, reason):
            findings.setdefault(contract.id, []).append((advice, reason))

        def in_term(contract, date):
            return contract.date_start <= date <= (contract.date_end or FAR_FUTURE)

        by_employee = {}
        for contract in self.sudo():
            by_employee.setdefault(contract.employee_id.id, []).append(contract)
        vetoes = self.env["aux.assessment.event"].sudo().search([
            ("employee_id", "in", employees.ids), ("is_veto", "=", True),
            ("state", "=", "confirmed")], order="date, id")
        for event in vetoes:
            for contract in by_employee.get(event.employee_id.id, []):
                if in_term(contract, event.date):
                    add(contract, "not_renew", _("Veto item %(type)s on %(date)s") % {
                        "type": event.type_id.name, "date": event.date})
        cases = self.env["aux.discipline.case"].sudo().search([
            ("employee_id", "in", employees.ids),
            ("state", "in", ("draft", "submitted", "confirmed"))], order="violation_date, id")
        for case in cases:
            effect = case.sanction_type_id.renewal_effect
            for contract in by_employee.get(case.employee_id.id, []):
                if not in_term(contract, case.violation_date):
                    continue
                if case.state == "confirmed" and effect in ("review", "not_renew"):
                    add(contract, effect, _("Sanction %(type)s (%(ref)s of %(date)s) for a "
                                            "violation on %(violation)s") % {
                        "type": case.sanction_type_id.name, "ref": case.decision_ref,
                        "date": case.decision_date, "violation": case.violation_date})
                elif case.state == "submitted" or (case.state == "draft" and case.mandatory):
                    if effect == "none":
                        continue
                    add(contract, "review", _("Discipline case %(case)s pending (violation "
                                              "on %(date)s)") % {
                        "case": case.name, "date": case.violation_date})
        Sheet = self.env["aux.assessment.sheet"]
        details = Sheet._aux_consequence_details(employees=employees)
        assessed = set(Sheet.sudo().search([
            ("employee_id", "in", employees.ids), ("period_type", "=", "annual"),
            ("state", "=", "confirmed")]).mapped("employee_id").ids)
        for contract in self.sudo():
            emp_id = contract.employee_id.id
            if emp_id in details["nonrenewal"]:
                add(contract, "not_renew", details["nonrenewal"][emp_id])
            elif emp_id in details["demotion"]:
                add(contract, "review", details["demotion"][emp_id])
            elif emp_id in assessed:
                add(contract, "renew", _("Confirmed annual results without a consequence"))
        return findings
