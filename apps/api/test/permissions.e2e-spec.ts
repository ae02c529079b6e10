import { Account } from '../src/access/entities/account.entity';
import { AuditLog } from '../src/access/entities/audit-log.entity';
import { NotificationUrge } from '../src/modules/notifications/entities/notification-urge.entity';
import { QueueName } from '../src/queue/job-queue';
import { startTestApp, TestApp } from './support/test-app';

const MASKED = /^1\d{2}\*{4}\d{4}$/;

describe('permissions (chapter 3)', () => {
  let t: TestApp;
  let lead: string;
  let handler: string;
  let cityAdmin: string;
  const get = (token: string, path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);
  const post = (token: string, path: string, body: object = {}) => t.http().post(path).set('Authorization', `Bearer ${token}`).send(body);
  const accounts = () => t.dataSource.getRepository(Account);
  const bindingUrge = (recipientId: number) => ({ subjectType: 'binding', subjectId: 0, recipientId });

  beforeAll(async () => {
    t = await startTestApp();
    [lead, handler, cityAdmin] = [await t.login('futian.lead'), await t.login('futian.handler'), await t.login('city.admin')];
  });
  afterAll(() => t.close());

  describe('staff directory', () => {
    it('lists only the district’s officers, phones masked', async () => {
      const response = await get(handler, '/api/permissions/staff?pageSize=100').expect(200);
      const expected = await t.dataSource.query(
        `SELECT COUNT(*) AS n FROM accounts WHERE districtId = 2 AND role IN ('DISTRICT_LEAD','DISTRICT_SUPERVISOR','DISTRICT_HANDLER','STREET_OFFICER')`,
      );
      expect(response.body.total).toBe(Number(expected[0].n));
      expect(response.body.items.length).toBe(Math.min(100, response.body.total));
      for (const item of response.body.items) expect(item.phone).toMatch(MASKED);
      const ids = response.body.items.map((i: { id: number }) => i.id);
      const districts = await accounts().createQueryBuilder('a').select('DISTINCT a.districtId', 'd').where('a.id IN (:...ids)', { ids }).getRawMany();
      expect(districts.map((d) => Number(d.d))).toEqual([2]);
    });

    it('searches by name', async () => {
      const someone = await accounts().findOneByOrFail({ username: 'futian.supervisor' });
      const response = await get(handler, `/api/permissions/staff?search=${encodeURIComponent(someone.name.slice(0, 2))}`).expect(200);
      expect(response.body.items.map((i: { id: number }) => i.id)).toContain(someone.id);
      for (const item of response.body.items) expect(item.name).toContain(someone.name.slice(0, 2));
      const none = await get(handler, `/api/permissions/staff?search=${encodeURIComponent('%')}`).expect(200);
      expect(none.body.total).toBe(0);
    });

    it('shows the full phone to managers and to oneself only', async () => {
      const supervisor = await accounts().findOneByOrFail({ username: 'futian.supervisor' });
      const me = await accounts().findOneByOrFail({ username: 'futian.handler' });
      expect((await get(handler, `/api/permissions/staff/${supervisor.id}`).expect(200)).body.phone).toMatch(MASKED);
      expect((await get(handler, `/api/permissions/staff/${me.id}`).expect(200)).body.phone).toBe(me.phone);
      const asLead = await get(lead, `/api/permissions/staff/${supervisor.id}`).expect(200);
      expect(asLead.body).toMatchObject({ phone: supervisor.phone, role: 'DISTRICT_SUPERVISOR', districtName: '福田区' });
      expect(asLead.body.grants).toEqual(expect.arrayContaining([{ module: 'service-evaluation', action: 'operate' }]));
    });

    it('refuses another district’s people and lists', async () => {
      const other = await accounts().findOneByOrFail({ username: 'nanshan.handler' });
      const refused = await get(handler, `/api/permissions/staff/${other.id}`).expect(403);
      expect(refused.body.code).toBe('OUT_OF_DISTRICT');
      expect((await get(handler, '/api/permissions/staff?districtId=3').expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await get(handler, '/api/permissions/binding-stats?districtId=3').expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      const asCity = await get(cityAdmin, '/api/permissions/staff?districtId=3').expect(200);
      expect(asCity.body.items.map((i: { id: number }) => i.id)).toContain(other.id);
    });

    it('answers a bad id with 400 naming it, and an unknown one with 404', async () => {
      expect((await get(handler, '/api/permissions/staff/abc').expect(400)).body.details[0].field).toBe('id');
      await get(handler, '/api/permissions/staff/99999999').expect(404);
    });
  });

  describe('binding statistics', () => {
    /** The same numbers, counted straight from the tables. */
    async function expectedStats(districtId: number) {
      const q = async (sql: string) => Number((await t.dataSource.query(sql))[0].n);
      const unitSql: Record<string, string> = {
        STREET_OFFICE: `SELECT id FROM regions WHERE level = 'STREET' AND districtId = ${districtId}`,
        PROPERTY_COMPANY: `SELECT id AS companyId FROM property_companies WHERE registeredDistrictId = ${districtId} UNION SELECT companyId FROM property_areas WHERE districtId = ${districtId} AND companyId IS NOT NULL`,
        PROJECT_MANAGER: `SELECT DISTINCT projectManagerId FROM property_areas WHERE districtId = ${districtId} AND projectManagerId IS NOT NULL`,
        OWNERS_COMMITTEE: `SELECT id FROM owners_committees WHERE districtId = ${districtId}`,
      };
      const result: Record<string, Record<string, number>> = {};
      for (const [category, units] of Object.entries(unitSql)) {
        const accountsOf = `FROM accounts WHERE status = 'ACTIVE' AND unitCategory = '${category}' AND unitId IN (${units})`;
        const bound = `(wechatOpenId IS NOT NULL OR miniOpenId IS NOT NULL)`;
        result[category] = {
          allUnits: await q(`SELECT COUNT(*) AS n FROM (${units}) u`),
          unitsWithoutAccount: await q(
            `SELECT COUNT(*) AS n FROM (${units}) u WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.status = 'ACTIVE' AND a.unitCategory = '${category}' AND a.unitId = u.${category === 'PROPERTY_COMPANY' ? 'companyId' : category === 'PROJECT_MANAGER' ? 'projectManagerId' : 'id'})`,
          ),
          accountTotal: await q(`SELECT COUNT(*) AS n ${accountsOf}`),
          bound: await q(`SELECT COUNT(*) AS n ${accountsOf} AND ${bound}`),
        };
      }
      return result;
    }

    it('equals the counts in the database, per unit category', async () => {
      const response = await get(handler, '/api/permissions/binding-stats').expect(200);
      const expected = await expectedStats(2);
      expect(response.body).toHaveLength(4);
      for (const row of response.body) {
        const e = expected[row.category];
        expect({ category: row.category, ...row }).toEqual({
          category: row.category,
          label: expect.any(String),
          allUnits: e.allUnits,
          unitsWithoutAccount: e.unitsWithoutAccount,
          accountTotal: e.accountTotal,
          bound: e.bound,
          unbound: e.accountTotal - e.bound,
        });
      }
      // the seed must give every category something to show
      expect(response.body.every((r: { allUnits: number; accountTotal: number }) => r.allUnits > 0 && r.accountTotal > 0)).toBe(true);
    });

    it('drills down from every number to its list', async () => {
      const stats = (await get(handler, '/api/permissions/binding-stats').expect(200)).body as Array<Record<string, number | string>>;
      for (const row of stats) {
        const all = await get(handler, `/api/permissions/binding-stats/${row.category}/units?pageSize=1`).expect(200);
        expect(all.body.total).toBe(row.allUnits);
        const without = await get(handler, `/api/permissions/binding-stats/${row.category}/units?filter=without-account&pageSize=100`).expect(200);
        expect(without.body.total).toBe(row.unitsWithoutAccount);
        for (const unit of without.body.items) expect(unit.accountCount).toBe(0);
        expect((await get(handler, `/api/permissions/binding-stats/${row.category}/accounts`).expect(200)).body.total).toBe(row.accountTotal);
        const unbound = await get(handler, `/api/permissions/binding-stats/${row.category}/accounts?bound=false&pageSize=100`).expect(200);
        expect(unbound.body.total).toBe(row.unbound);
        for (const account of unbound.body.items) {
          expect(account).toMatchObject({ wechatBound: false, unitCategory: row.category, unitName: expect.any(String) });
          expect(account.phone).toMatch(MASKED);
        }
      }
      expect((await get(handler, '/api/permissions/binding-stats/NOPE/units').expect(400)).body.details[0].field).toBe('category');
    });

    it('covers the whole city for a city account', async () => {
      const city = (await get(cityAdmin, '/api/permissions/binding-stats').expect(200)).body;
      const futian = (await get(cityAdmin, '/api/permissions/binding-stats?districtId=2').expect(200)).body;
      const streets = await t.dataSource.query(`SELECT COUNT(*) AS n FROM regions WHERE level = 'STREET'`);
      expect(city.find((r: { category: string }) => r.category === 'STREET_OFFICE').allUnits).toBe(Number(streets[0].n));
      expect(city[0].allUnits).toBeGreaterThan(futian[0].allUnits);
    });
  });

  describe('催绑 (urge binding)', () => {
    it('is the district handler’s by default (chapter 3), through the operate grant a lead may take away', async () => {
      const me = await accounts().findOneByOrFail({ username: 'futian.handler' });
      const urged = await post(handler, '/api/permissions/urge-binding', { accountIds: [me.id] });
      // the handler's own account is unbound: 催绑 reaches it, or it was urged within the day
      expect(urged.status).toBe(200);
      expect(urged.body.urged + urged.body.skippedInCooldown).toBe(1);
      await t.http().delete(`/api/admin/accounts/${me.id}/grants/permissions/operate`).set('Authorization', `Bearer ${lead}`).expect(204);
      const withoutGrant = await t.login('futian.handler');
      expect((await post(withoutGrant, '/api/permissions/urge-binding').expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
      await post(lead, `/api/admin/accounts/${me.id}/grants`, { module: 'permissions', action: 'operate' }).expect(204);
      await t.dataSource.getRepository(NotificationUrge).delete(bindingUrge(me.id));
    });

    it('urges every unbound account once, into their inbox, and not again within 24 hours', async () => {
      const first = await post(lead, '/api/permissions/urge-binding').expect(200);
      expect(first.body.urged).toBeGreaterThan(0);
      expect(first.body.skippedInCooldown).toBe(0);
      const deliveries = await t.dataSource.query(`SELECT COUNT(*) AS n FROM notification_deliveries WHERE campaignId = ${first.body.campaignId}`);
      expect(Number(deliveries[0].n)).toBe(first.body.urged);
      await t.queue.drained(QueueName.NOTIFICATIONS);

      // an urged unit account finds the reminder in its inbox
      const company = await accounts().findOneByOrFail({ username: 'demo.company' });
      expect(await t.dataSource.getRepository(NotificationUrge).findOneBy(bindingUrge(company.id))).not.toBeNull();
      const companyToken = await t.login('demo.company');
      const inbox = await get(companyToken, '/api/inbox').expect(200);
      expect(inbox.body.items[0]).toMatchObject({ kind: 'URGE_BINDING', title: '请尽快完成微信身份绑定', readAt: null });
      await post(companyToken, `/api/inbox/${inbox.body.items[0].id}/read`).expect(204);
      expect((await get(companyToken, '/api/inbox/unread-count').expect(200)).body.unread).toBe(0);

      const second = await post(lead, '/api/permissions/urge-binding').expect(200);
      expect(second.body).toMatchObject({ urged: 0, campaignId: null, skippedInCooldown: first.body.urged });

      // a day later the same account may be urged again
      await t.dataSource.getRepository(NotificationUrge).update(bindingUrge(company.id), { lastUrgedAt: new Date(Date.now() - 25 * 3600 * 1000) });
      const third = await post(lead, '/api/permissions/urge-binding', { accountIds: [company.id] }).expect(200);
      expect(third.body).toMatchObject({ urged: 1, skippedInCooldown: 0, skippedAlreadyBound: 0 });
    });

    it('sends once when two urges arrive together', async () => {
      const target = await accounts().findOneByOrFail({ username: 'demo.manager' });
      await t.dataSource.getRepository(NotificationUrge).delete(bindingUrge(target.id));
      const [a, b] = await Promise.all([
        post(lead, '/api/permissions/urge-binding', { accountIds: [target.id] }),
        post(lead, '/api/permissions/urge-binding', { accountIds: [target.id] }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.body.urged + b.body.urged).toBe(1);
    });

    it('skips bound accounts and refuses accounts of another district', async () => {
      const bound = await accounts().findOneByOrFail({ username: 'futian.supervisor' });
      await accounts().update({ id: bound.id }, { wechatOpenId: 'o-test-bound-supervisor', boundAt: new Date() });
      const response = await post(lead, '/api/permissions/urge-binding', { accountIds: [bound.id] }).expect(409);
      expect(response.body.code).toBe('NOTIFICATIONS_NOTHING_TO_URGE');
      await accounts().update({ id: bound.id }, { wechatOpenId: null, boundAt: null });

      const other = await accounts().findOneByOrFail({ username: 'nanshan.handler' });
      expect((await post(lead, '/api/permissions/urge-binding', { accountIds: [other.id] }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      await post(lead, '/api/permissions/urge-binding', { accountIds: [99999999] }).expect(404);
    });
  });

  describe('own account', () => {
    it('edits the profile and validates it', async () => {
      const response = await t.http().patch('/api/permissions/me').set('Authorization', `Bearer ${handler}`).send({ position: '二级主任科员' }).expect(200);
      expect(response.body.position).toBe('二级主任科员');
      const bad = await t.http().patch('/api/permissions/me').set('Authorization', `Bearer ${handler}`).send({ email: 'not-an-email' }).expect(400);
      expect(bad.body.details[0].field).toBe('email');
    });

    it('unbinds WeChat', async () => {
      expect((await post(handler, '/api/permissions/me/unbind').expect(400)).body.code).toBe('IDENTITY_NOT_BOUND');
      await accounts().update({ username: 'futian.handler' }, { wechatOpenId: 'o-test-unbind', boundAt: new Date() });
      await post(handler, '/api/permissions/me/unbind').expect(204);
      expect(await accounts().findOneByOrFail({ username: 'futian.handler' })).toMatchObject({ wechatOpenId: null, boundAt: null });
    });

    it('cancels (注销) with the password; the account cannot log in and its history stays', async () => {
      const created = await post(lead, '/api/admin/accounts', { username: 'futian.leaving', name: '离职人员', phone: '13700000002', role: 'DISTRICT_HANDLER' }).expect(201);
      const token = await t.login('futian.leaving', created.body.temporaryPassword);
      expect((await post(token, '/api/permissions/me/cancel', { password: 'Wrong@2026' }).expect(400)).body.code).toBe('AUTH_WRONG_CURRENT_PASSWORD');
      await post(token, '/api/permissions/me/cancel', { password: created.body.temporaryPassword }).expect(204);
      expect((await t.http().post('/api/auth/login').send({ username: 'futian.leaving', password: created.body.temporaryPassword }).expect(403)).body.code).toBe(
        'AUTH_ACCOUNT_INACTIVE',
      );
      await get(token, '/api/auth/me').expect(401);
      // refused attempts are audited too (the wrong password above): one successful cancellation
      const history = await t.dataSource.getRepository(AuditLog).countBy({ actorId: created.body.id, action: 'permissions.cancel-own-account', statusCode: 204 });
      expect(history).toBe(1);
      expect((await accounts().findOneByOrFail({ id: created.body.id })).status).toBe('CANCELLED');
    });
  });

  describe('admin accounts and grants', () => {
    it('lets a district lead create an account of the district with a one-time password and default grants', async () => {
      const created = await post(lead, '/api/admin/accounts', { username: 'futian.new01', name: '王新', phone: '13700000003', role: 'DISTRICT_HANDLER' }).expect(201);
      expect(created.body.temporaryPassword).toMatch(/^.{12}$/);
      const account = await accounts().findOneByOrFail({ id: created.body.id });
      expect(account).toMatchObject({ districtId: 2, role: 'DISTRICT_HANDLER', createdById: expect.any(Number) });
      const token = await t.login('futian.new01', created.body.temporaryPassword);
      const me = await get(token, '/api/auth/me').expect(200);
      expect(me.body.modules.map((m: { module: string }) => m.module)).toContain('todos');
      expect(me.body.modules.map((m: { module: string }) => m.module)).not.toContain('service-evaluation');
      const audit = await t.dataSource.getRepository(AuditLog).findOneByOrFail({ action: 'admin.create-account', targetId: String(created.body.id) });
      expect(audit.statusCode).toBe(201);
    });

    it('refuses what a district lead may not do', async () => {
      const body = { username: 'futian.x', name: '某人', phone: '13700000004' };
      expect((await post(lead, '/api/admin/accounts', { ...body, role: 'DISTRICT_LEAD' }).expect(403)).body.code).toBe('PERMISSIONS_ROLE_NOT_ALLOWED');
      expect((await post(lead, '/api/admin/accounts', { ...body, role: 'DISTRICT_HANDLER', districtId: 3 }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await post(lead, '/api/admin/accounts', { ...body, username: 'futian.handler', role: 'DISTRICT_HANDLER' }).expect(409)).body.code).toBe(
        'PERMISSIONS_USERNAME_TAKEN',
      );
      const nanshanCommittee = await t.dataSource.query(`SELECT id FROM owners_committees WHERE districtId = 3 ORDER BY id LIMIT 1`);
      expect((await post(lead, '/api/admin/accounts', { ...body, role: 'OWNERS_COMMITTEE', unitId: nanshanCommittee[0].id }).expect(400)).body.code).toBe(
        'PERMISSIONS_UNIT_NOT_FOUND',
      );
      expect((await post(handler, '/api/admin/accounts', { ...body, role: 'DISTRICT_HANDLER' }).expect(403)).body.code).toBe('FORBIDDEN');
    });

    it('gives city-only grants only through a city account', async () => {
      const target = await accounts().findOneByOrFail({ username: 'futian.new01' });
      const refused = await post(lead, `/api/admin/accounts/${target.id}/grants`, { module: 'service-evaluation', action: 'view' }).expect(403);
      expect(refused.body.code).toBe('PERMISSIONS_GRANT_CITY_ONLY');
      await post(lead, `/api/admin/accounts/${target.id}/grants`, { module: 'notices', action: 'operate' }).expect(204);
      await post(cityAdmin, `/api/admin/accounts/${target.id}/grants`, { module: 'service-evaluation', action: 'view' }).expect(204);
      const detail = await get(lead, `/api/admin/accounts/${target.id}`).expect(200);
      expect(detail.body.grants).toEqual(expect.arrayContaining([{ module: 'service-evaluation', action: 'view' }, { module: 'notices', action: 'operate' }]));
      await t.http().delete(`/api/admin/accounts/${target.id}/grants/notices/operate`).set('Authorization', `Bearer ${lead}`).expect(204);
      const after = await get(lead, `/api/admin/accounts/${target.id}`).expect(200);
      expect(after.body.grants).not.toContainEqual({ module: 'notices', action: 'operate' });
      expect((await t.http().delete(`/api/admin/accounts/${target.id}/grants/nope/view`).set('Authorization', `Bearer ${lead}`).expect(400)).body.details[0].field).toBe(
        'module',
      );
    });

    it('disables and re-enables an account, never one’s own', async () => {
      const target = await accounts().findOneByOrFail({ username: 'futian.new01' });
      await t.http().patch(`/api/admin/accounts/${target.id}/status`).set('Authorization', `Bearer ${lead}`).send({ status: 'DISABLED' }).expect(204);
      await t.http().post('/api/auth/login').send({ username: 'futian.new01', password: 'whatever' }).expect(401);
      const self = await accounts().findOneByOrFail({ username: 'futian.lead' });
      expect((await t.http().patch(`/api/admin/accounts/${self.id}/status`).set('Authorization', `Bearer ${lead}`).send({ status: 'DISABLED' }).expect(400)).body.code).toBe(
        'PERMISSIONS_CANNOT_CHANGE_SELF',
      );
      await t.http().patch(`/api/admin/accounts/${target.id}/status`).set('Authorization', `Bearer ${lead}`).send({ status: 'ACTIVE' }).expect(204);
    });

    it.each([
      ['post', '/api/admin/accounts', { username: 'ok.name', name: '张三', phone: '12345', role: 'DISTRICT_HANDLER' }, 'phone'],
      ['post', '/api/admin/accounts', { username: 'ok.name', name: '张三', phone: '13700000009', role: 'KING' }, 'role'],
      ['post', '/api/admin/accounts', { username: 'a b', name: '张三', phone: '13700000009', role: 'DISTRICT_HANDLER' }, 'username'],
      ['post', '/api/admin/accounts', { username: 'ok.name', phone: '13700000009', role: 'DISTRICT_HANDLER' }, 'name'],
      ['post', '/api/admin/accounts/1/grants', { module: 'todos' }, 'action'],
      ['patch', '/api/admin/accounts/1/status', { status: 'CANCELLED' }, 'status'],
      ['post', '/api/permissions/urge-binding', { accountIds: 'all' }, 'accountIds'],
      ['post', '/api/permissions/urge-binding', { unitCategory: 'BANK' }, 'unitCategory'],
      ['post', '/api/permissions/me/cancel', {}, 'password'],
      ['patch', '/api/permissions/me', { avatarUrl: 'not a url' }, 'avatarUrl'],
    ] as const)('%s %s with a malformed body → 400 naming %s', async (method, path, body, field) => {
      const response = await t.http()[method](path).set('Authorization', `Bearer ${lead}`).send(body).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });
});
