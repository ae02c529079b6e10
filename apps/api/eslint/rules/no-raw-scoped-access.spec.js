'use strict';

const { Linter, RuleTester } = require('eslint');
const comments = require('@eslint-community/eslint-plugin-eslint-comments');
const tseslint = require('typescript-eslint');
const szpm = require('../plugin');
const { rule } = require('./no-raw-scoped-access');

const options = [{ entities: ['PropertyArea', 'Owner'], tables: ['property_areas', 'owners'] }];
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('no-raw-scoped-access', rule, {
  valid: [
    // through the door
    { code: 'this.scope.repository(actor, PropertyArea, "物业区域").query("a").getMany();', options },
    { code: 'scoped.findById(id);', options },
    // entities that are not district-owned, and relation joins of an already scoped query
    { code: 'class S { constructor(@InjectRepository(NoticeType) types) {} }', options },
    { code: 'manager.getRepository(NoticeType).find();', options },
    { code: 'scoped.query("a").innerJoin("a.owner", "o").getMany();', options },
    { code: 'manager.save(area);', options },
    { code: 'await insertRows(manager, NoticeType, rows);', options },
    // strings naming no district-owned table, or naming one only as a word of something else
    { code: 'qb.from("property_companies", "c");', options },
    { code: 'manager.getRepository("NoticeType");', options },
    { code: 'dataSource.query("SELECT id FROM property_companies WHERE name = ?", [name]);', options },
    { code: 'dataSource.query(`SELECT id FROM owners_archive`);', options },
    { code: 'const hint = "owners and property_areas are listed by district";', options },
  ],
  invalid: [
    { code: 'class S { constructor(@InjectRepository(PropertyArea) areas) {} }', options, errors: [{ messageId: 'raw', data: { entity: 'PropertyArea', how: 'InjectRepository(PropertyArea)' } }] },
    { code: 'this.dataSource.getRepository(Owner).findBy({ id });', options, errors: [{ messageId: 'raw' }] },
    { code: 'manager.findOneBy(PropertyArea, { id });', options, errors: [{ messageId: 'raw' }] },
    { code: 'em.update(Owner, { id }, { name });', options, errors: [{ messageId: 'raw' }] },
    { code: 'manager.count(Owner);', options, errors: [{ messageId: 'raw' }] },
    { code: 'manager.createQueryBuilder(PropertyArea, "a").getMany();', options, errors: [{ messageId: 'raw' }] },
    { code: 'qb.from(Owner, "o");', options, errors: [{ messageId: 'raw' }] },
    { code: 'qb.innerJoin(PropertyArea, "a", "a.id = x.areaId");', options, errors: [{ messageId: 'raw' }] },
    { code: 'qb.leftJoinAndMapOne("x.area", PropertyArea, "a", "a.id = x.areaId");', options, errors: [{ messageId: 'raw' }] },
    { code: 'qb.insert().into(Owner).values(rows);', options, errors: [{ messageId: 'raw' }] },
    { code: 'await insertRows(manager, PropertyArea, rows);', options, errors: [{ messageId: 'raw', data: { entity: 'PropertyArea', how: 'insertRows(PropertyArea)' } }] },
    // string targets: the entity name or its table
    { code: 'manager.getRepository("PropertyArea").find();', options, errors: [{ messageId: 'raw', data: { entity: 'PropertyArea', how: 'getRepository("PropertyArea")' } }] },
    { code: "qb.from('property_areas', 'pa');", options, errors: [{ messageId: 'raw', data: { entity: 'property_areas', how: 'from("property_areas")' } }] },
    { code: "dataSource.createQueryBuilder('property_areas', 'pa').getMany();", options, errors: [{ messageId: 'raw' }] },
    { code: "qb.leftJoin('owners', 'o', 'o.id = x.ownerId');", options, errors: [{ messageId: 'raw' }] },
    // raw SQL in string and template literals: FROM / JOIN / INTO / UPDATE <table>, sub-selects of conditions too
    { code: "dataSource.query('SELECT id FROM owners WHERE id = ?', [id]);", options, errors: [{ messageId: 'raw', data: { entity: 'owners', how: 'SQL naming owners' } }] },
    { code: 'manager.query(`select o.id from property_companies c left join `property_areas` a on a.companyId = c.id`);'.replace(/`property_areas`/, '\\`property_areas\\`'), options, errors: [{ messageId: 'raw' }] },
    { code: 'qb.andWhere(`x.companyId IN (SELECT a.companyId FROM property_areas a WHERE a.districtId = :${name})`);', options, errors: [{ messageId: 'raw' }] },
    { code: "runner.query('INSERT INTO owners (name) VALUES (?)', [name]);", options, errors: [{ messageId: 'raw' }] },
    { code: 'runner.query("UPDATE  \\"property_areas\\" SET name = ?", [name]);', options, errors: [{ messageId: 'raw' }] },
  ],
});

/** The reason rule as the project configures it (eslint.config.mjs): a disable must say why, and must still be needed. */
describe('allowing a raw access', () => {
  const linter = new Linter({ configType: 'flat' });
  const config = {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { szpm, '@eslint-community/eslint-comments': comments },
    rules: {
      'szpm/no-raw-scoped-access': ['error', ...options],
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      '@eslint-community/eslint-comments/no-use': ['error', { allow: ['eslint-disable-next-line'] }],
    },
  };
  const problems = (code) => linter.verify(code, config, 'x.service.ts').map((m) => m.ruleId ?? m.message);

  it('fails without a reason', () => {
    expect(problems('manager.find(Owner);')).toEqual(['szpm/no-raw-scoped-access']);
    expect(problems('// eslint-disable-next-line szpm/no-raw-scoped-access\nmanager.find(Owner);')).toEqual(['@eslint-community/eslint-comments/require-description']);
  });

  it('passes with a one-line reason on the line before', () => {
    expect(problems('// eslint-disable-next-line szpm/no-raw-scoped-access -- job processor: no actor, loads by id from the job\nmanager.find(Owner);')).toEqual([]);
  });

  it('refuses a file-wide disable and a disable that suppresses nothing', () => {
    expect(problems('/* eslint-disable szpm/no-raw-scoped-access -- everything */\nmanager.find(Owner);')).toContain('@eslint-community/eslint-comments/no-use');
    expect(problems('// eslint-disable-next-line szpm/no-raw-scoped-access -- stale\nscoped.findById(1);')).toHaveLength(1);
  });
});
