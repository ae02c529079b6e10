import { CreditSubjectType } from '@szpm/contract';
import { FUTIAN_ID } from '../src/seed/shenzhen';
import { startTestApp, TestApp } from './support/test-app';

/**
 * One rule decides which property companies a district sees: those registered there and those
 * managing a property area there. Every list of a district's companies shows the same set.
 */
describe('the companies of a district (chapters 3, 7, 8)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};

  /** Every id of a paged list, page by page. */
  async function idsOf(user: string, path: string, id: (item: Record<string, number>) => number): Promise<number[]> {
    const found: number[] = [];
    for (let page = 1; ; page++) {
      const separator = path.includes('?') ? '&' : '?';
      const body = (await t.http().get(`${path}${separator}pageSize=100&page=${page}`).set('Authorization', `Bearer ${tokens[user]}`).expect(200)).body;
      found.push(...body.items.map(id));
      if (page * 100 >= body.total) return found.sort((a, b) => a - b);
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['futian.handler', 'city.admin']) tokens[user] = await t.login(user);
    // every company's score of the current cycle, so that the score list can show each of them
    await t.http().post('/api/service-evaluation/scores/recompute').set('Authorization', `Bearer ${tokens['city.admin']}`).expect(200);
  });
  afterAll(() => t.close());

  it('lists the same companies in the subject, score, credit and binding lists of 福田区', async () => {
    const rows: Array<{ id: number }> = await t.dataSource.query(
      `SELECT id FROM property_companies WHERE registeredDistrictId = ${FUTIAN_ID} UNION SELECT companyId AS id FROM property_areas WHERE districtId = ${FUTIAN_ID} AND companyId IS NOT NULL`,
    );
    const expected = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    const outsiders: Array<{ id: number }> = await t.dataSource.query(
      `SELECT DISTINCT c.id FROM property_companies c JOIN property_areas pa ON pa.companyId = c.id WHERE pa.districtId = ${FUTIAN_ID} AND c.registeredDistrictId <> ${FUTIAN_ID}`,
    );
    // the case of the defect: companies registered elsewhere that manage an area in 福田区
    expect(outsiders.length).toBeGreaterThan(0);

    for (const [user, filter] of [['futian.handler', ''], ['city.admin', `districtId=${FUTIAN_ID}`]] as const) {
      const query = (path: string) => (filter ? `${path}${path.includes('?') ? '&' : '?'}${filter}` : path);
      const lists = {
        subjects: await idsOf(user, query('/api/service-evaluation/subjects?subjectType=COMPANY'), (i) => i.subjectId),
        scores: await idsOf(user, query('/api/service-evaluation/scores?subjectType=COMPANY'), (i) => i.subjectId),
        credit: await idsOf(user, query(`/api/credit/subjects?subjectType=${CreditSubjectType.PROPERTY_COMPANY}`), (i) => i.subjectId),
        bindingStats: await idsOf(user, query('/api/permissions/binding-stats/PROPERTY_COMPANY/units'), (i) => i.unitId),
      };
      for (const [list, ids] of Object.entries(lists)) expect({ user, list, ids }).toEqual({ user, list, ids: expected });
    }
  });

  it('shows an outside company’s score to the district that sees it in its lists', async () => {
    const [outsider]: Array<{ id: number }> = await t.dataSource.query(
      `SELECT DISTINCT c.id FROM property_companies c JOIN property_areas pa ON pa.companyId = c.id WHERE pa.districtId = ${FUTIAN_ID} AND c.registeredDistrictId <> ${FUTIAN_ID} ORDER BY c.id LIMIT 1`,
    );
    await t.http().get(`/api/service-evaluation/scores/COMPANY/${outsider.id}`).set('Authorization', `Bearer ${tokens['futian.handler']}`).expect(200);
  });
});
