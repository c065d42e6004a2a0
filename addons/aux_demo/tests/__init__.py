# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import test_bureau
from . import test_personnel
from . import test_assessment
from . import test_training
from . import test_welfare
from . import test_logins
from . import test_former_demo_database
from . import test_translations
