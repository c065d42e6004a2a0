from . import test_family_member
from . import test_life_event
from . import test_care_visit
from . import test_talk
from . import test_care_payment
from . import test_care_campaign
from . import test_health_check
from . import test_care_budget
from . import test_situation_pack
from . import test_demo
from . import test_medical_detail_privacy
from . import test_workflow_integrity

from . import test_talk_rule
