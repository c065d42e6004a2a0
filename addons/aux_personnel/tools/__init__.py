# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Plain-Python helpers shared by the auxiliary personnel addons."""
from . import local_time
