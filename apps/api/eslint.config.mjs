// @ts-check
import comments from '@eslint-community/eslint-plugin-eslint-comments';
import tseslint from 'typescript-eslint';
import szpm from './eslint/plugin.js';

const districtOwnedFile = new URL('./src/database/district-owned.ts', import.meta.url);
const districtOwned = szpm.readEntityList(districtOwnedFile, 'DISTRICT_OWNED_ENTITIES');
const districtOwnedTables = szpm.readEntityTables(districtOwnedFile, 'DISTRICT_OWNED_ENTITIES');

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench*/**', 'coverage/**'] },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module' },
    // a disable that no longer suppresses anything is an error: stale reasons do not pile up
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin, '@eslint-community/eslint-comments': comments, szpm },
    rules: {
      // every disable names its rule, is one line, and says why after `--`
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
      '@eslint-community/eslint-comments/no-use': ['error', { allow: ['eslint-disable-next-line'] }],
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', ignoreRestSiblings: true, caughtErrors: 'none' }],
    },
  },
  {
    // type-aware (about 10 s on the whole app): a promise nobody awaits loses its error and its ordering
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'szpm/no-raw-scoped-access': ['error', { entities: districtOwned, tables: districtOwnedTables }] },
  },
  {
    // not actor requests: the door itself hands out the scoped repositories, migrations change the
    // schema, and the seed writes the demo data of every district before anyone logs in
    files: ['src/access/district-scope.ts', 'src/database/migrations/**', 'src/seed/**', 'src/**/*.spec.ts'],
    rules: { 'szpm/no-raw-scoped-access': 'off' },
  },
  {
    files: ['eslint/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
  },
);
