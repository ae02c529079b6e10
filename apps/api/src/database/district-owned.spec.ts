import { join } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { DISTRICT_OWNED_ENTITIES } from './district-owned';
import { ENTITIES } from './entities';

// the lint rule's own reader: the rule must flag exactly the entities listed here
const { readEntityList, readEntityTables } = require('../../eslint/plugin.js') as Record<'readEntityList' | 'readEntityTables', (file: string, exportName: string) => string[]>;

/** The districtId column an entity declares or inherits. */
function districtColumnOf(entity: Function) {
  return getMetadataArgsStorage().columns.find(
    (column) => column.propertyName === 'districtId' && typeof column.target === 'function' && (column.target === entity || entity.prototype instanceof column.target),
  );
}

describe('district-owned entities', () => {
  it.each(DISTRICT_OWNED_ENTITIES.map((entity) => [entity.name, entity] as const))('%s has an integer districtId column and is in the schema', (_name, entity) => {
    const column = districtColumnOf(entity);
    expect(column).toBeDefined();
    expect(column?.options.type).toBe('int');
    expect(ENTITIES).toContain(entity);
  });

  it('lists every entity of the schema that has a districtId column', () => {
    const withDistrictColumn = ENTITIES.filter((entity) => districtColumnOf(entity) !== undefined).map((entity) => entity.name);
    expect(withDistrictColumn.sort()).toEqual(DISTRICT_OWNED_ENTITIES.map((entity) => entity.name).sort());
  });

  it('is the list the lint rule szpm/no-raw-scoped-access reads', () => {
    expect(readEntityList(join(__dirname, 'district-owned.ts'), 'DISTRICT_OWNED_ENTITIES')).toEqual(DISTRICT_OWNED_ENTITIES.map((entity) => entity.name));
  });

  it('gives the lint rule the table names TypeORM maps them to, so that SQL naming them is flagged too', () => {
    const tableOf = (entity: Function) => getMetadataArgsStorage().tables.find((table) => table.target === entity)?.name;
    expect(readEntityTables(join(__dirname, 'district-owned.ts'), 'DISTRICT_OWNED_ENTITIES')).toEqual(DISTRICT_OWNED_ENTITIES.map(tableOf));
  });
});
