'use strict';

const { rule: noRawScopedAccess, readEntityList, readEntityTables } = require('./rules/no-raw-scoped-access');

/** The project's own lint rules, loaded by eslint.config.mjs as the `szpm` plugin. */
module.exports = {
  meta: { name: 'eslint-plugin-szpm' },
  rules: { 'no-raw-scoped-access': noRawScopedAccess },
  readEntityList,
  readEntityTables,
};
