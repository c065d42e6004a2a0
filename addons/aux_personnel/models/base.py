import re

from odoo import api, models

# Odoo 11's load() reports an error it has no special case for as
# "Unknown error during import: <class 'odoo.exceptions.ValidationError'>: msg";
# for the errors meant for users (a constraint, a rule) the message is all the
# user needs: the row is named beside it.
USER_ERROR = re.compile(
    r"^.*?<class 'odoo\.exceptions\.(?:UserError|ValidationError|AccessError|"
    r"MissingError|Warning|RedirectWarning|except_orm)'>: ", re.DOTALL)


class Base(models.AbstractModel):
    _inherit = "base"

    @api.model
    def load(self, fields, data):
        result = super(Base, self).load(fields, data)
        for message in result.get("messages") or ():
            text = message.get("message")
            if isinstance(text, str) and USER_ERROR.match(text):
                message["message"] = USER_ERROR.sub("", text, count=1)
                message.pop("moreinfo", None)
        return result
