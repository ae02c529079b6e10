'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { fileURLToPath } = require('node:url');
const { parser } = require('typescript-eslint');

/**
 * szpm/no-raw-scoped-access: district-owned rows are reached through DistrictScope
 * (src/access/district-scope.ts). Any other access to a district-owned entity — a repository
 * injected or fetched for it, an EntityManager call naming it, a query builder selecting, joining
 * or writing it, by class, by entity name or by table name (`from('property_areas', 'pa')`), and any
 * string or template literal of SQL naming its table after FROM / JOIN / INTO / UPDATE — is reported, so each one is either moved to the door or allowed on its line with
 * `// eslint-disable-next-line szpm/no-raw-scoped-access -- <why it needs no actor scope>`.
 */

/** Calls whose first argument is the entity target (EntityManager, DataSource, query builders). */
const TARGET_FIRST = new Set([
  // repositories
  'getRepository',
  'getTreeRepository',
  // EntityManager reads and writes
  'find',
  'findBy',
  'findAndCount',
  'findAndCountBy',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'count',
  'countBy',
  'exists',
  'existsBy',
  'sum',
  'average',
  'minimum',
  'maximum',
  'create',
  'preload',
  'save',
  'insert',
  'upsert',
  'update',
  'delete',
  'remove',
  'softDelete',
  'restore',
  'increment',
  'decrement',
  'clear',
  // query builders (DataSource / EntityManager createQueryBuilder, from, joins, insert().into)
  'createQueryBuilder',
  'from',
  'addFrom',
  'into',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
]);

/** Join-and-map calls name the target second: leftJoinAndMapOne('a.owner', Owner, 'o', ...). */
const TARGET_SECOND = new Set(['innerJoinAndMapOne', 'innerJoinAndMapMany', 'leftJoinAndMapOne', 'leftJoinAndMapMany']);

/** Plain helpers that write an entity named second: insertRows(manager, Entity, rows) (common/sql/insert-rows.ts). */
const PLAIN_TARGET_SECOND = new Set(['insertRows']);

/** Decorators / helpers that hand out a raw repository. */
const REPOSITORY_PROVIDERS = new Set(['InjectRepository', 'getRepositoryToken']);

/**
 * The class names of an exported array literal, e.g. `export const DISTRICT_OWNED_ENTITIES = [A, B]`:
 * the rule takes its list from the source the unit test checks, so the two cannot drift apart.
 */
function readEntityList(file, exportName) {
  const { ast } = parser.parseForESLint(fs.readFileSync(file, 'utf8'), { sourceType: 'module' });
  for (const statement of ast.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (!declaration || declaration.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== 'Identifier' || declarator.id.name !== exportName) continue;
      let init = declarator.init;
      while (init && (init.type === 'TSAsExpression' || init.type === 'TSSatisfiesExpression')) init = init.expression;
      if (!init || init.type !== 'ArrayExpression') break;
      const names = init.elements.filter((element) => element && element.type === 'Identifier').map((element) => element.name);
      if (names.length === init.elements.length && names.length > 0) return names;
      break;
    }
  }
  throw new Error(`${file}: expected \`export const ${exportName} = [EntityA, EntityB, ...]\` (identifiers only)`);
}

/** The names an import of `file` binds, with the file they come from (relative imports only). */
function importedFiles(file, ast) {
  const files = new Map();
  for (const statement of ast.body) {
    if (statement.type !== 'ImportDeclaration' || !String(statement.source.value).startsWith('.')) continue;
    for (const specifier of statement.specifiers) files.set(specifier.local.name, path.resolve(path.dirname(file), `${statement.source.value}.ts`));
  }
  return files;
}

/**
 * The table names of the entities of an exported list, each read from the `@Entity('table')` of the
 * class's own file (imported relatively by the list's file), in the order of the list.
 */
function readEntityTables(file, exportName) {
  const filePath = file instanceof URL ? fileURLToPath(file) : file;
  const names = readEntityList(filePath, exportName);
  const imports = importedFiles(filePath, parser.parseForESLint(fs.readFileSync(filePath, 'utf8'), { sourceType: 'module' }).ast);
  return names.map((name) => {
    const entityFile = imports.get(name);
    const source = entityFile && fs.existsSync(entityFile) ? fs.readFileSync(entityFile, 'utf8') : '';
    const classAt = source.search(new RegExp(`export\\s+class\\s+${name}\\b`));
    // the last @Entity('table') before the class: the decorator of that class
    const table = classAt < 0 ? undefined : [...source.slice(0, classAt).matchAll(/@Entity\(\s*['"]([A-Za-z0-9_]+)['"]/g)].pop();
    if (!table) throw new Error(`${filePath}: cannot read the @Entity('table') of ${name} in ${entityFile ?? 'its import'}`);
    return table[1];
  });
}

function calleeName(callee) {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'District-owned entities are accessed through DistrictScope, or with a stated reason' },
    schema: [
      {
        type: 'object',
        properties: {
          entities: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
          tables: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_]+$' }, minItems: 1, uniqueItems: true },
        },
        required: ['entities', 'tables'],
        additionalProperties: false,
      },
    ],
    messages: {
      raw:
        '{{entity}} is district-owned: reach it through DistrictScope, or allow this {{how}} with ' +
        '`// eslint-disable-next-line szpm/no-raw-scoped-access -- <why no actor scope applies>`.',
    },
  },
  create(context) {
    const entities = new Set(context.options[0].entities);
    const tables = new Set(context.options[0].tables);
    const isEntity = (node) => node && node.type === 'Identifier' && entities.has(node.name);
    const stringTarget = (node) => (node && node.type === 'Literal' && typeof node.value === 'string' && (entities.has(node.value) || tables.has(node.value)) ? node.value : null);
    // word-bounded, optionally quoted: `FROM property_areas`, "JOIN `owners`", 'UPDATE "owners"', not `owners_archive`
    const sql = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE)\\s+[\`"']?(${[...tables].join('|')})(?![A-Za-z0-9_])`, 'i');
    const reportSql = (node, text) => {
      const named = sql.exec(text);
      if (named) context.report({ node, messageId: 'raw', data: { entity: named[1], how: `SQL naming ${named[1]}` } });
    };
    return {
      Literal(node) {
        if (typeof node.value === 'string') reportSql(node, node.value);
      },
      TemplateLiteral(node) {
        // the text between the substitutions, each substitution read as one word
        reportSql(node, node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join(' _ '));
      },
      CallExpression(node) {
        const name = calleeName(node.callee);
        if (!name) return;
        const plain = node.callee.type === 'Identifier';
        let target = null;
        if (plain) {
          if (REPOSITORY_PROVIDERS.has(name)) target = node.arguments[0];
          else if (PLAIN_TARGET_SECOND.has(name)) target = node.arguments[1];
        } else if (TARGET_FIRST.has(name)) {
          target = node.arguments[0];
        } else if (TARGET_SECOND.has(name)) {
          target = node.arguments[1];
        }
        if (isEntity(target)) context.report({ node, messageId: 'raw', data: { entity: target.name, how: `${name}(${target.name})` } });
        const named = stringTarget(target);
        if (named) context.report({ node, messageId: 'raw', data: { entity: named, how: `${name}("${named}")` } });
      },
    };
  },
};

module.exports = { rule, readEntityList, readEntityTables };
