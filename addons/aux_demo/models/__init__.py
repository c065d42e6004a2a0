# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import aux_demo
from . import aux_demo_personnel
from . import aux_demo_assessment
from . import aux_demo_training
from . import aux_demo_welfare
from . import aux_demo_duty
from . import aux_demo_payroll
