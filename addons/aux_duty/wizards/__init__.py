# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import aux_duty_punch_import
from . import aux_situation_pack
from . import aux_leave_report_back
