const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('../../tsconfig.base.json');

// ts-jest only transpiles (isolatedModules); `npm test` type-checks the whole app with tsc first.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] };
const moduleNameMapper = pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/../../' });

module.exports = {
  // a global option: jest ignores testTimeout inside a project (e2e boots the app per file on a shared machine)
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      // eslint/: the project's own lint rules, plain CommonJS as ESLint loads them
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/eslint/**/*.spec.js'],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      moduleNameMapper,
    },
  ],
};
