odoo.define('aux_personnel.year_field', function (require) {
"use strict";
/**
 * widget="aux_year": an integer that is a year reads 2027, not 2,027 (Odoo
 * 11 writes every integer with thousands separators and has no option to
 * turn them off; a char widget shows nothing for a number).
 */
var basicFields = require('web.basic_fields');
var fieldRegistry = require('web.field_registry');
var fieldUtils = require('web.field_utils');

// the web client formats and parses a field by its widget's name when the
// field utilities know it
fieldUtils.format.aux_year = function (value) {
    return value || value === 0 ? String(value) : '';
};
fieldUtils.parse.aux_year = fieldUtils.parse.integer;

var FieldYear = basicFields.FieldInteger.extend({});
fieldRegistry.add('aux_year', FieldYear);

return FieldYear;
});
