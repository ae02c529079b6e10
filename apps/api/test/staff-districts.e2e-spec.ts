import { startTestApp, TestApp } from './support/test-app';

/** The city's staff list mixes districts: each person carries the district's name, and the list filters by district. */
describe('staff directory of a city account (issue 12)', () => {
  let t: TestApp;
  let cityAdmin: string;
  const get = (path: string) => t.http().get(path).set('Authorization', `Bearer ${cityAdmin}`);

  beforeAll(async () => {
    t = await startTestApp();
    cityAdmin = await t.login('city.admin');
  });
  afterAll(() => t.close());

  it('names each person’s district', async () => {
    const response = await get('/api/permissions/staff?pageSize=100').expect(200);
    const names = new Set(response.body.items.map((i: { districtName: string | null }) => i.districtName));
    expect(names).toContain('福田区');
    expect(names).toContain('南山区');
  });

  it('lists one district’s staff with districtId', async () => {
    const [futian] = await t.dataSource.query(`SELECT id FROM regions WHERE name = '福田区' AND level = 'DISTRICT'`);
    const response = await get(`/api/permissions/staff?pageSize=100&districtId=${futian.id}`).expect(200);
    const expected = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM accounts WHERE districtId = ? AND role IN ('DISTRICT_LEAD','DISTRICT_SUPERVISOR','DISTRICT_HANDLER','STREET_OFFICER')`,
      [futian.id],
    );
    expect(response.body.total).toBe(Number(expected[0].n));
    expect(response.body.items.length).toBeGreaterThan(0);
    for (const item of response.body.items) expect(item.districtName).toBe('福田区');
  });
});
