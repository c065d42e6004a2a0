# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import aux_duty_shift
from . import aux_duty_roster
from . import aux_duty_roster_row
from . import aux_duty_punch_mapping
from . import aux_duty_punch
from . import aux_duty_exception
from . import aux_leave_approval_rule
from . import aux_leave_request
from . import hr_payslip
