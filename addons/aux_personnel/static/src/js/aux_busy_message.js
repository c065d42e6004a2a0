odoo.define('aux_personnel.busy_message', function (require) {
"use strict";
/**
 * While the action of a button runs long enough for the web client to
 * block the screen (3 s: generating a payroll run, computing a budget,
 * producing the monthly pack), the blocked screen names the operation and
 * counts the seconds ("Generate Payslips: working... 12 s") above Odoo's
 * rotating "Loading..." messages.  The operation's own result dialog then
 * says what it produced (aux.operation.result).
 */
var BasicController = require('web.BasicController');
var core = require('web.core');
var framework = require('web.framework');

var _t = core._t;

var busy = {label: null, since: null, timer: null};

function render() {
    var $label = $('.oe_blockui_spin_container .o_aux_busy_label');
    if (!busy.label) {
        $label.remove();
        return;
    }
    if (!$label.length) {
        $label = $('<div class="o_aux_busy_label"/>')
            .prependTo($('.oe_blockui_spin_container').first());
    }
    var seconds = Math.round((new Date().getTime() - busy.since) / 1000);
    $label.text(_.str.sprintf(_t("%s: working... %d s"), busy.label, seconds));
}

function start(label) {
    busy.label = label || null;
    busy.since = new Date().getTime();
}

function stop() {
    busy.label = null;
    clearInterval(busy.timer);
    busy.timer = null;
}

var blockUI = framework.blockUI;
framework.blockUI = function () {
    var result = blockUI.apply(this, arguments);
    if (busy.label) {
        render();
        clearInterval(busy.timer);
        busy.timer = setInterval(render, 1000);
    }
    return result;
};

var unblockUI = framework.unblockUI;
framework.unblockUI = function () {
    clearInterval(busy.timer);
    busy.timer = null;
    return unblockUI.apply(this, arguments);
};

BasicController.include({
    /**
     * @override: the button's label names the operation while it runs
     */
    _callButtonAction: function (attrs) {
        start(attrs && attrs.string);
        var def = this._super.apply(this, arguments);
        def.always(stop);
        return def;
    },
});

return {start: start, stop: stop, render: render};
});
