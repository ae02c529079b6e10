import { SafetyCheckKind, SafetyInspectionDetail, SafetyTemplateDetail } from '@szpm/contract';
import { shanghaiDate } from '../src/common/http/shanghai-time';
import { insertRows } from '../src/common/sql/insert-rows';
import { PropertyArea } from '../src/modules/regions/entities/property-area.entity';
import { Region, RegionLevel } from '../src/modules/regions/entities/region.entity';
import { SafetyInspectionTarget } from '../src/modules/safety-inspections/entities/safety-inspection-target.entity';
import { NANSHAN_ID } from '../src/seed/shenzhen';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

/**
 * Bulk statements at city scale on both dialects: 宝安区 has 1,990 property areas, and a statement
 * per launched inspection once exceeded SQLite's expression-depth limit at 1,000 rows.
 */
describe('bulk statements at city scale', () => {
  let t: TestApp;
  const ADDED_AREAS = 2_000;

  beforeAll(async () => {
    t = await startTestApp();
    const community = await t.dataSource.getRepository(Region).findOneOrFail({ where: { level: RegionLevel.COMMUNITY, districtId: NANSHAN_ID }, order: { id: 'ASC' } });
    await insertRows(
      t.dataSource.manager,
      PropertyArea,
      Array.from({ length: ADDED_AREAS }, (_, i) => ({
        code: `BULK-${String(i + 1).padStart(5, '0')}`,
        name: `批量测试小区${i + 1}`,
        districtId: NANSHAN_ID,
        streetId: community.parentId!,
        communityId: community.id,
        address: `测试路${i + 1}号`,
        companyId: null,
        projectManagerId: null,
        developerId: null,
        floorArea: 10_000,
        houseCount: 100,
        longitude: 114.05,
        latitude: 22.54,
      })),
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('launches a safety inspection for every area of a district with more than 2,000 areas', async () => {
    const areaCount = await t.dataSource.getRepository(PropertyArea).countBy({ districtId: NANSHAN_ID });
    expect(areaCount).toBeGreaterThan(ADDED_AREAS);
    const lead = await t.login('nanshan.handler');
    const template: SafetyTemplateDetail = (
      await t
        .http()
        .post('/api/safety-inspections/templates')
        .set('Authorization', `Bearer ${lead}`)
        .send({ name: '全区安全检查', kind: SafetyCheckKind.ROUTINE, indicators: [{ name: '消防保卫', subItems: [{ content: '消防车通道畅通' }] }] })
        .expect(201)
    ).body;
    const deadline = shanghaiDate(new Date(Date.now() + 14 * 86_400_000));
    const launched = await t.http().post('/api/safety-inspections').set('Authorization', `Bearer ${lead}`).send({ templateId: template.id, deadline });
    expect(launched.status).toBe(201);
    const inspection = launched.body as SafetyInspectionDetail;
    expect(await t.dataSource.getRepository(SafetyInspectionTarget).countBy({ inspectionId: inspection.id })).toBe(areaCount);

    // the same areas named one by one: the id list is checked through the scoped door in pieces
    const ids = (await t.dataSource.getRepository(PropertyArea).find({ select: { id: true }, where: { districtId: NANSHAN_ID }, order: { id: 'ASC' } })).map((a) => a.id);
    const named = await t.http().post('/api/safety-inspections').set('Authorization', `Bearer ${lead}`).send({ templateId: template.id, deadline, propertyAreaIds: ids });
    expect(named.status).toBe(201);
    expect(await t.dataSource.getRepository(SafetyInspectionTarget).countBy({ inspectionId: (named.body as SafetyInspectionDetail).id })).toBe(ids.length);
  });
});
