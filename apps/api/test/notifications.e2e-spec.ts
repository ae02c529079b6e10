import { AccountStatus, CampaignKind, DeliveryChannel, DeliveryRoute, DeliveryStatus, Role } from '@szpm/contract';
import { In } from 'typeorm';
import { Account } from '../src/access/entities/account.entity';
import { DevelopmentSmsProvider } from '../src/integrations/sms/development-sms.provider';
import { SMS_PROVIDER } from '../src/integrations/sms/sms-provider';
import { WechatAccessTokens } from '../src/integrations/wechat/wechat-access-token';
import { hashPassword } from '../src/modules/auth/password';
import { NotificationCampaign } from '../src/modules/notifications/entities/notification-campaign.entity';
import { NotificationDelivery } from '../src/modules/notifications/entities/notification-delivery.entity';
import { NotificationUrge } from '../src/modules/notifications/entities/notification-urge.entity';
import { NOTIFICATION_QUEUES, NotificationsService } from '../src/modules/notifications/notifications.service';
import { FakeWechatServer } from './fakes/fake-wechat-server';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

const OA = { appId: 'wx-oa-notify-0001', secret: 'oa-secret-notify-0001' };
const MINI = { appId: 'wx-mini-notify-0001', secret: 'mini-secret-notify-0001' };
const SUBSCRIBE_TEMPLATE = 'SUBSCRIBE-tmpl_0001-abcdefghijklmnop';
const OA_TEMPLATE = 'OA-tmpl_0001-abcdefghijklmnopqrstuv';
const SMS_TEMPLATE = '2000001';
const RECIPIENT_PASSWORD = 'Recipient@2026';

const wechatEnv = (wechat: FakeWechatServer, extra: Record<string, string> = {}): Record<string, string> => ({
  WECHAT_API_BASE: wechat.url,
  WECHAT_OA_APPID: OA.appId,
  WECHAT_OA_SECRET: OA.secret,
  WECHAT_MINI_APPID: MINI.appId,
  WECHAT_MINI_SECRET: MINI.secret,
  WECHAT_TEMPLATE_ID_SUBSCRIBE: SUBSCRIBE_TEMPLATE,
  WECHAT_TEMPLATE_ID_OA: OA_TEMPLATE,
  SMS_NOTIFY_TEMPLATE_ID: SMS_TEMPLATE,
  NOTIFY_MAX_ATTEMPTS: '4',
  NOTIFY_RETRY_BASE_MS: '50',
  NOTIFY_RETRY_MAX_MS: '400',
  ...extra,
});

type Binding = 'mini' | 'oa' | 'both' | 'none';

let phoneSequence = 0;

/** Recipient accounts of 福田区 with the given WeChat bindings (one password hash for all: bcrypt is slow). */
async function makeRecipients(t: TestApp, tag: string, bindings: Binding[]): Promise<Account[]> {
  const accounts = t.dataSource.getRepository(Account);
  const lead = await accounts.findOneByOrFail({ username: 'futian.lead' });
  const passwordHash = await hashPassword(RECIPIENT_PASSWORD);
  const rows = bindings.map((binding, i) => ({
    username: `r.${tag}.${i}`,
    passwordHash,
    name: `收件人${tag}${i}`,
    phone: `147${String(++phoneSequence).padStart(8, '0')}`,
    role: Role.PROJECT_MANAGER,
    districtId: lead.districtId,
    status: AccountStatus.ACTIVE,
    miniOpenId: binding === 'mini' || binding === 'both' ? `oMP-${tag}-${i}` : null,
    wechatOpenId: binding === 'oa' || binding === 'both' ? `oOA-${tag}-${i}` : null,
    boundAt: binding === 'none' ? null : new Date(),
  }));
  for (let i = 0; i < rows.length; i += 200) await accounts.insert(rows.slice(i, i + 200));
  return accounts.find({ where: { username: In(rows.map((r) => r.username)) }, order: { id: 'ASC' } });
}

/** Waits until every notification queue is empty and no WeChat / SMS delivery is open. */
async function settle(t: TestApp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const queue of NOTIFICATION_QUEUES) await t.queue.drained(queue, Math.max(1000, deadline - Date.now()));
    const open = await t.dataSource
      .getRepository(NotificationDelivery)
      .countBy({ status: In([DeliveryStatus.PENDING, DeliveryStatus.SENDING]), channel: In([DeliveryChannel.WECHAT, DeliveryChannel.SMS]) });
    if (open === 0) return;
    if (Date.now() > deadline) throw new Error(`${open} deliveries still open`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ((acc[key(item)] = (acc[key(item)] ?? 0) + 1), acc), {});

describe('notifications (the pipeline behind notices, 催办, 催绑)', () => {
  let t: TestApp;
  let wechat: FakeWechatServer;
  let notifications: NotificationsService;
  let sender: { id: number; name: string; districtId: number };
  let lead: string;
  const deliveries = () => t.dataSource.getRepository(NotificationDelivery);
  const smsOutbox = () => (t.app.get(SMS_PROVIDER) as DevelopmentSmsProvider).notifications;
  const get = (token: string, path: string) => t.http().get(path).set('Authorization', `Bearer ${token}`);
  const post = (token: string, path: string, body?: object) => t.http().post(path).set('Authorization', `Bearer ${token}`).send(body ?? {});

  const campaign = (recipients: Account[], extra: Partial<Parameters<NotificationsService['send']>[0]> = {}) =>
    notifications.send({
      kind: CampaignKind.NOTICE,
      sender: { id: sender.id, name: sender.name },
      districtId: sender.districtId,
      title: '关于开展物业服务项目安全生产检查的通知',
      content: '请各项目负责人于本周五前完成自查。',
      link: '/pages/notices/detail?id=1',
      recipientIds: recipients.map((r) => r.id),
      ...extra,
    });

  beforeAll(async () => {
    wechat = await FakeWechatServer.start({ oa: OA, mini: MINI });
    t = await startTestApp({ env: wechatEnv(wechat) });
    notifications = t.app.get(NotificationsService);
    const account = await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'futian.lead' });
    sender = { id: account.id, name: account.name, districtId: account.districtId! };
    lead = await t.login('futian.lead');
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  describe('fan-out', () => {
    let recipients: Account[];
    let campaignId: number;

    beforeAll(async () => {
      const bindings: Binding[] = [...Array(150).fill('mini'), ...Array(100).fill('oa'), ...Array(50).fill('none')];
      recipients = await makeRecipients(t, 'fan', bindings);
      const started = wechat.messages.length;
      const outboxBefore = smsOutbox().length;
      campaignId = (await campaign(recipients)).id;
      await settle(t);
      expect(wechat.messages.length - started).toBe(250);
      expect(smsOutbox().length - outboxBefore).toBe(50);
    });

    it('reaches 300 recipients: inbox for all, WeChat by the right API, SMS for the unbound', async () => {
      const rows = await deliveries().findBy({ campaignId });
      expect(countBy(rows, (d) => `${d.channel}:${d.status}:${d.route ?? '-'}`)).toEqual({
        'INBOX:DELIVERED:-': 300,
        'WECHAT:DELIVERED:MINI_SUBSCRIBE': 150,
        'WECHAT:DELIVERED:OA_TEMPLATE': 100,
        'WECHAT:SKIPPED:-': 50,
        'SMS:DELIVERED:SMS': 50,
      });
      const mini = recipients[0];
      const [subscribe] = wechat.messagesTo(mini.miniOpenId!);
      expect(subscribe).toMatchObject({
        api: 'subscribe',
        templateId: SUBSCRIBE_TEMPLATE,
        link: 'pages/notices/detail?id=1',
        data: { thing1: { value: '关于开展物业服务项目安全生产检查的通知' }, thing2: { value: sender.name }, time3: { value: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/) } },
      });
      const [template] = wechat.messagesTo(recipients[150].wechatOpenId!);
      // the mini-program is configured, so the official-account message opens it
      expect(template).toMatchObject({ api: 'template', templateId: OA_TEMPLATE, link: 'pages/notices/detail?id=1', clientMsgId: expect.stringMatching(/^szpm-delivery-\d+$/) });
      // every recipient exactly once
      const perUser = countBy(wechat.messages.filter((m) => m.touser.includes('-fan-')), (m) => m.touser);
      expect(Object.keys(perUser)).toHaveLength(250);
      expect(Object.values(perUser).every((n) => n === 1)).toBe(true);
      const unbound = recipients[299];
      expect(smsOutbox().filter((m) => m.phone === unbound.phone)).toEqual([
        expect.objectContaining({ templateId: SMS_TEMPLATE, params: [sender.name, '关于开展物业服务项目安全生产检查的通知'] }),
      ]);
      // one client_credential token per app served all 250 messages
      expect(wechat.tokensIssued).toBeLessThanOrEqual(2);
    });

    it('shows the sender read and delivery counts, and each recipient’s state', async () => {
      for (const reader of recipients.slice(0, 2)) {
        const token = await t.login(reader.username, RECIPIENT_PASSWORD);
        const inbox = await get(token, '/api/inbox').expect(200);
        const message = inbox.body.items.find((m: { campaignId: number }) => m.campaignId === campaignId);
        await post(token, `/api/inbox/${message.id}/read`).expect(204);
      }
      const detail = await get(lead, `/api/notifications/campaigns/${campaignId}`).expect(200);
      expect(detail.body).toMatchObject({ id: campaignId, kind: 'NOTICE', recipients: 300, read: 2, unread: 298, smsFallback: true, senderId: sender.id });
      const byChannel = Object.fromEntries(detail.body.channels.map((c: { channel: string }) => [c.channel, c]));
      expect(byChannel.WECHAT).toMatchObject({ total: 300, byStatus: { DELIVERED: 250, SKIPPED: 50, PENDING: 0, FAILED: 0, REJECTED: 0 } });
      expect(byChannel.SMS).toMatchObject({ total: 50, byStatus: { DELIVERED: 50 } });
      expect(byChannel.INBOX).toMatchObject({ total: 300, byStatus: { DELIVERED: 300 } });

      const page = await get(lead, `/api/notifications/campaigns/${campaignId}/deliveries?pageSize=100&page=3`).expect(200);
      expect(page.body).toMatchObject({ total: 300, page: 3, pageSize: 100 });
      expect(page.body.items).toHaveLength(100);
      const last = page.body.items.at(-1);
      expect(last).toMatchObject({ recipientId: recipients[299].id, recipientName: recipients[299].name, readAt: null });
      expect(last.channels.map((c: { channel: string; status: string }) => `${c.channel}:${c.status}`)).toEqual(['INBOX:DELIVERED', 'WECHAT:SKIPPED', 'SMS:DELIVERED']);
      const read = await get(lead, `/api/notifications/campaigns/${campaignId}/deliveries?read=true`).expect(200);
      expect(read.body.items.map((r: { recipientId: number }) => r.recipientId)).toEqual([recipients[0].id, recipients[1].id]);
      const skipped = await get(lead, `/api/notifications/campaigns/${campaignId}/deliveries?channel=WECHAT&status=SKIPPED&pageSize=1`).expect(200);
      expect(skipped.body.total).toBe(50);
      const named = await get(lead, `/api/notifications/campaigns/${campaignId}/deliveries?search=${encodeURIComponent('收件人fan29')}`).expect(200);
      expect(named.body.total).toBe(11); // 29, 290..299

      const mine = await get(lead, '/api/notifications/campaigns?mine=true').expect(200);
      expect(mine.body.items.find((c: { id: number }) => c.id === campaignId)).toMatchObject({ recipients: 300, read: 2, unread: 298 });
    });

    it('keeps other districts and unit accounts out', async () => {
      const nanshan = await t.login('nanshan.lead');
      expect((await get(nanshan, `/api/notifications/campaigns/${campaignId}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      const list = await get(nanshan, '/api/notifications/campaigns').expect(200);
      expect(list.body.items.some((c: { id: number }) => c.id === campaignId)).toBe(false);
      const city = await t.login('city.admin');
      expect((await get(city, `/api/notifications/campaigns/${campaignId}`).expect(200)).body.id).toBe(campaignId);
      const manager = await t.login('demo.manager');
      await get(manager, '/api/notifications/campaigns').expect(403);
      await get(lead, '/api/notifications/campaigns?kind=SOMETHING').expect(400);
    });
  });

  describe('idempotency', () => {
    it('delivers once per recipient when the same campaign is enqueued again, at once and later', async () => {
      const recipients = await makeRecipients(t, 'twice', Array(40).fill('mini'));
      const created = await t.dataSource.transaction((manager) =>
        notifications.createCampaign(manager, {
          kind: CampaignKind.NOTICE,
          sender,
          districtId: sender.districtId,
          title: '重复入队测试',
          content: '内容',
          recipientIds: recipients.map((r) => r.id),
        }),
      );
      await Promise.all([notifications.enqueue(created.id), notifications.enqueue(created.id)]);
      await settle(t);
      await notifications.enqueue(created.id);
      await settle(t);
      const perUser = countBy(wechat.messages.filter((m) => m.touser.includes('-twice-')), (m) => m.touser);
      expect(Object.keys(perUser)).toHaveLength(40);
      expect(Object.values(perUser).every((n) => n === 1)).toBe(true);
      expect(await deliveries().countBy({ campaignId: created.id, channel: DeliveryChannel.WECHAT, status: DeliveryStatus.DELIVERED })).toBe(40);
    });

    it('retries transient WeChat errors with backoff and still delivers exactly once', async () => {
      const recipients = await makeRecipients(t, 'flaky', [...Array(5).fill('mini'), ...Array(5).fill('oa')]);
      for (const r of recipients.slice(0, 3)) wechat.failSendsTo(r.miniOpenId!, 1, -1, 'system error');
      wechat.failSendsTo(recipients[5].wechatOpenId!, 2, 45009, 'reach max api daily quota limit');
      const { id } = await campaign(recipients);
      wechat.breakNextSends(2);
      await settle(t);
      for (const r of recipients) expect(wechat.messagesTo((r.miniOpenId ?? r.wechatOpenId)!)).toHaveLength(1);
      const rows = await deliveries().find({ where: { campaignId: id, channel: DeliveryChannel.WECHAT }, order: { recipientId: 'ASC' } });
      expect(rows.every((d) => d.status === DeliveryStatus.DELIVERED)).toBe(true);
      expect(rows.slice(0, 3).map((d) => d.attempts)).toEqual([2, 2, 2]);
      expect(rows[5].attempts).toBe(3);
      expect(wechat.sendAttempts(recipients[0].miniOpenId!)).toBe(2);
      // a successful retry clears the error of the failed attempt
      expect(rows[0]).toMatchObject({ errcode: null, lastError: null });
      expect(await deliveries().countBy({ campaignId: id, channel: DeliveryChannel.SMS })).toBe(0);
    });

    it('marks a delivery FAILED when the retries run out, then falls back to SMS', async () => {
      const [recipient] = await makeRecipients(t, 'down', ['mini']);
      wechat.failSendsTo(recipient.miniOpenId!, 4, -1, 'system error');
      const { id } = await campaign([recipient]);
      await settle(t);
      expect(wechat.sendAttempts(recipient.miniOpenId!)).toBe(4);
      expect(await deliveries().findOneByOrFail({ campaignId: id, channel: DeliveryChannel.WECHAT })).toMatchObject({
        status: DeliveryStatus.FAILED,
        attempts: 4,
        errcode: '-1',
      });
      expect(await deliveries().findOneByOrFail({ campaignId: id, channel: DeliveryChannel.SMS })).toMatchObject({ status: DeliveryStatus.DELIVERED, route: DeliveryRoute.SMS });
    });
  });

  describe('recovery', () => {
    it('re-queues deliveries the database says are undone although their jobs ended (the sweep)', async () => {
      const [lost, orphaned, done] = await makeRecipients(t, 'sweep', ['mini', 'oa', 'mini']);
      const { id } = await campaign([lost, orphaned, done]);
      await settle(t);
      expect(await notifications.sweep()).toBe(0);
      const row = (r: Account) => deliveries().findOneByOrFail({ campaignId: id, recipientId: r.id, channel: DeliveryChannel.WECHAT });
      // a job lost while its row stayed PENDING, and a worker that died holding a claim (SENDING)
      const longAgo = new Date(Date.now() - 10 * 60_000);
      await t.dataSource
        .createQueryBuilder()
        .update(NotificationDelivery)
        .set({ status: DeliveryStatus.PENDING, updatedAt: longAgo })
        .where({ id: (await row(lost)).id })
        .execute();
      await deliveries().update({ id: (await row(orphaned)).id }, { status: DeliveryStatus.SENDING, claimedAt: longAgo, claimToken: 'dead-worker' });
      // a fresh claim belongs to a live worker and is left alone
      await deliveries().update({ id: (await row(done)).id }, { status: DeliveryStatus.SENDING, claimedAt: new Date(), claimToken: 'live-worker' });
      expect(await notifications.sweep()).toBe(2);
      // (settle would wait for the live worker's row too)
      for (const queue of NOTIFICATION_QUEUES) await t.queue.drained(queue);
      expect(await row(lost)).toMatchObject({ status: DeliveryStatus.DELIVERED, attempts: 2 });
      expect(await row(orphaned)).toMatchObject({ status: DeliveryStatus.DELIVERED, attempts: 2 });
      expect(await row(done)).toMatchObject({ status: DeliveryStatus.SENDING, claimToken: 'live-worker' });
      // the sweep's resend is a second message only because the test reset a delivered row; a real
      // lost job never sent one. The official account's resend is swallowed by WeChat (client_msg_id).
      expect(wechat.messagesTo(lost.miniOpenId!)).toHaveLength(2);
      expect(wechat.messagesTo(orphaned.wechatOpenId!)).toHaveLength(1);
      await deliveries().update({ id: (await row(done)).id }, { status: DeliveryStatus.DELIVERED });
    });
  });

  describe('permanent errors', () => {
    it('records the errcode, never retries, and falls back (official account first, then SMS)', async () => {
      const recipients = await makeRecipients(t, 'refuse', ['mini', 'both', 'mini', 'oa']);
      const [refuser, both, unknown, unfollowed] = recipients;
      wechat.refuseSubscription(refuser.miniOpenId!);
      wechat.refuseSubscription(both.miniOpenId!);
      wechat.forgetOpenid(unknown.miniOpenId!);
      wechat.unfollow(unfollowed.wechatOpenId!);
      const outboxBefore = smsOutbox().length;
      const { id } = await campaign(recipients);
      await settle(t);
      const wechatRow = (r: Account) => deliveries().findOneByOrFail({ campaignId: id, recipientId: r.id, channel: DeliveryChannel.WECHAT });
      expect(await wechatRow(refuser)).toMatchObject({ status: DeliveryStatus.REJECTED, errcode: '43101', attempts: 1 });
      expect((await wechatRow(refuser)).lastError).toContain('not accepted');
      expect(await wechatRow(unknown)).toMatchObject({ status: DeliveryStatus.REJECTED, errcode: '40003', attempts: 1 });
      expect(await wechatRow(unfollowed)).toMatchObject({ status: DeliveryStatus.REJECTED, errcode: '43004', attempts: 1 });
      // refused as a subscription, reached through the official account instead
      expect(await wechatRow(both)).toMatchObject({ status: DeliveryStatus.DELIVERED, route: DeliveryRoute.OA_TEMPLATE });
      expect(wechat.messagesTo(both.wechatOpenId!)).toHaveLength(1);
      for (const r of [refuser, unknown]) expect(wechat.sendAttempts(r.miniOpenId!)).toBe(1);
      expect(wechat.sendAttempts(unfollowed.wechatOpenId!)).toBe(1);
      const sms = smsOutbox().slice(0, smsOutbox().length - outboxBefore).map((m) => m.phone);
      expect(sms.sort()).toEqual([refuser.phone, unknown.phone, unfollowed.phone].sort());

      const detail = await get(lead, `/api/notifications/campaigns/${id}/deliveries?channel=WECHAT&status=REJECTED`).expect(200);
      expect(detail.body.total).toBe(3);
      const refusedItem = detail.body.items.find((i: { recipientId: number }) => i.recipientId === refuser.id);
      expect(refusedItem.channels.find((c: { channel: string }) => c.channel === 'WECHAT')).toMatchObject({ status: 'REJECTED', errcode: '43101', attempts: 1 });
    });

    it('sends no SMS when the campaign does not want the fallback', async () => {
      const [refuser] = await makeRecipients(t, 'nosms', ['mini']);
      wechat.refuseSubscription(refuser.miniOpenId!);
      const { id } = await campaign([refuser], { smsFallback: false });
      await settle(t);
      expect(await deliveries().countBy({ campaignId: id, channel: DeliveryChannel.SMS })).toBe(0);
      expect((await t.dataSource.getRepository(NotificationCampaign).findOneByOrFail({ id })).smsFallback).toBe(false);
    });
  });

  describe('access token', () => {
    it.each([40001, 42001] as const)('fetches a fresh token once when WeChat answers %i, and delivers without a retry', async (errcode) => {
      const recipients = await makeRecipients(t, `token${errcode}`, [...Array(20).fill('mini'), ...Array(20).fill('oa')]);
      await campaign(recipients.slice(0, 1));
      await settle(t);
      const issued = wechat.tokensIssued;
      wechat.invalidateAccessTokens(errcode);
      const { id } = await campaign(recipients.slice(1));
      await settle(t);
      // one new token per app, shared by every worker slot (not one per failed send)
      expect(wechat.tokensIssued - issued).toBe(2);
      const rows = await deliveries().findBy({ campaignId: id, channel: DeliveryChannel.WECHAT });
      expect(rows).toHaveLength(39);
      expect(rows.every((d) => d.status === DeliveryStatus.DELIVERED && d.attempts === 1)).toBe(true);
      for (const r of recipients) expect(wechat.messagesTo((r.miniOpenId ?? r.wechatOpenId)!)).toHaveLength(1);
    });

    it('keeps the token where every process sees it (Redis with REDIS_URL, memory in embedded mode)', async () => {
      const tokens = t.app.get(WechatAccessTokens);
      const token = await tokens.token(MINI);
      expect(token).toMatch(/^TOKEN_/);
      if (t.config.redisUrl) {
        const Redis = (await import('ioredis')).default;
        const redis = new Redis(t.config.redisUrl);
        const key = `${t.config.queuePrefix}:wechat:access-token:${MINI.appId}`;
        expect(await redis.get(key)).toBe(token);
        const ttl = await redis.pttl(key);
        // 7200 s from WeChat, kept five minutes shorter
        expect(ttl).toBeGreaterThan(6800_000);
        expect(ttl).toBeLessThanOrEqual(6900_000);
        redis.disconnect();
      }
    });
  });

  describe('催办 (urge)', () => {
    const subject = { type: 'notice', id: 9001 };
    const urge = (recipients: Account[], extra: object = {}) =>
      notifications.urge({
        sender,
        districtId: sender.districtId,
        subject,
        recipientIds: recipients.map((r) => r.id),
        title: '请尽快阅读通知',
        content: '您有一条通知尚未阅读。',
        link: '/pages/notices/detail?id=9001',
        ...extra,
      });

    it('urges only the given outstanding recipients, once per cooldown, and two clicks at once send once', async () => {
      const recipients = await makeRecipients(t, 'urge', Array(10).fill('oa'));
      const outstanding = recipients.slice(0, 4);
      const first = await urge(outstanding);
      expect(first).toEqual({ campaignId: expect.any(Number), urged: 4, skippedInCooldown: 0 });
      await settle(t);
      for (const r of recipients) expect(wechat.messagesTo(r.wechatOpenId!)).toHaveLength(r.id <= outstanding[3].id ? 1 : 0);
      const urgeCampaign = await t.dataSource.getRepository(NotificationCampaign).findOneByOrFail({ id: first.campaignId! });
      expect(urgeCampaign).toMatchObject({ kind: CampaignKind.URGE, subjectType: 'notice', subjectId: 9001, recipientCount: 4 });

      // within the cooldown: the same recipients again send nothing; newly outstanding ones are urged
      expect(await urge(outstanding)).toEqual({ campaignId: null, urged: 0, skippedInCooldown: 4 });
      const second = await urge(recipients.slice(2, 6));
      expect(second).toMatchObject({ urged: 2, skippedInCooldown: 2 });

      // two clicks at the same moment
      const clicks = await Promise.all([urge(recipients.slice(6)), urge(recipients.slice(6))]);
      expect(clicks.map((c) => c.urged).sort()).toEqual([0, 4]);
      expect(clicks.map((c) => c.skippedInCooldown).sort()).toEqual([0, 4]);
      await settle(t);
      for (const r of recipients) expect(wechat.messagesTo(r.wechatOpenId!)).toHaveLength(1);

      // after the cooldown the matter can be urged again; another matter has its own cooldown
      await t.dataSource
        .getRepository(NotificationUrge)
        .update({ subjectType: 'notice', subjectId: 9001, recipientId: outstanding[0].id }, { lastUrgedAt: new Date(Date.now() - 25 * 3600_000) });
      expect(await urge(outstanding)).toMatchObject({ urged: 1, skippedInCooldown: 3 });
      expect(await urge(outstanding, { subject: { type: 'notice', id: 9002 } })).toMatchObject({ urged: 4, skippedInCooldown: 0 });
      expect(await urge(outstanding.slice(1, 2), { cooldownHours: 0 })).toMatchObject({ urged: 1 });
      await settle(t);
      const row = await t.dataSource.getRepository(NotificationUrge).findOneByOrFail({ subjectType: 'notice', subjectId: 9001, recipientId: outstanding[1].id });
      expect(row.urgeCount).toBe(2);

      // 显示催办: the urges of the matter, as the sender sees them
      const list = await get(lead, '/api/notifications/campaigns?kind=URGE&subjectType=notice&subjectId=9001&pageSize=100').expect(200);
      expect(list.body.items.map((c: { recipients: number }) => c.recipients).sort()).toEqual([1, 1, 2, 4, 4]);
      expect(await urge([])).toEqual({ campaignId: null, urged: 0, skippedInCooldown: 0 });
    });

    it('urges inside the caller’s transaction: a rollback sends nothing and keeps the cooldown free', async () => {
      const recipients = await makeRecipients(t, 'urgetx', Array(3).fill('mini'));
      const messagesBefore = wechat.messages.length;
      await expect(
        t.dataSource.transaction(async (manager) => {
          const outcome = await notifications.urge(manager, {
            sender,
            districtId: sender.districtId,
            subject: { type: 'inspection', id: 77 },
            recipientIds: recipients.map((r) => r.id),
            title: '请完成安全检查',
            content: '检查尚未完成。',
          });
          expect(outcome.urged).toBe(3);
          throw new Error('the caller changed its mind');
        }),
      ).rejects.toThrow('changed its mind');
      await settle(t);
      expect(wechat.messages.length).toBe(messagesBefore);
      const committed = await t.dataSource.transaction((manager) =>
        notifications.urge(manager, {
          sender,
          districtId: sender.districtId,
          subject: { type: 'inspection', id: 77 },
          recipientIds: recipients.map((r) => r.id),
          title: '请完成安全检查',
          content: '检查尚未完成。',
        }),
      );
      expect(committed.urged).toBe(3);
      await settle(t);
      for (const r of recipients) expect(wechat.messagesTo(r.miniOpenId!)).toHaveLength(1);
    });
  });

  describe('催绑 on the pipeline', () => {
    it('reaches unbound accounts by SMS when notification SMS is configured', async () => {
      const unbound = await makeRecipients(t, 'bind', ['none', 'none']);
      const before = smsOutbox().length;
      const response = await post(lead, '/api/permissions/urge-binding', { accountIds: unbound.map((a) => a.id) }).expect(200);
      expect(response.body).toMatchObject({ urged: 2, skippedInCooldown: 0 });
      await settle(t);
      const rows = await deliveries().findBy({ campaignId: response.body.campaignId });
      expect(countBy(rows, (d) => `${d.channel}:${d.status}`)).toEqual({ 'INBOX:DELIVERED': 2, 'SMS:DELIVERED': 2 });
      expect(smsOutbox().slice(0, smsOutbox().length - before).map((m) => m.phone).sort()).toEqual(unbound.map((a) => a.phone).sort());
    });
  });

  describe('queue dashboard', () => {
    it('is refused without a city admin, by token or by the dashboard cookie', async () => {
      const anonymous = await t.http().get('/admin/queues').expect(401);
      expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      await t.http().get('/admin/queues').set('Authorization', 'Bearer not-a-token').expect(401);
      await t.http().get('/admin/queues').set('Cookie', 'szpm_queue_board=forged.signature').expect(401);
      expect((await get(lead, '/admin/queues').expect(403)).body.code).toBe('FORBIDDEN');
      await post(lead, '/api/admin/queues/session').expect(403);
      await t.http().post('/api/admin/queues/session').expect(401);

      const admin = await t.login('city.admin');
      const page = await get(admin, '/admin/queues').expect(200);
      const session = await post(admin, '/api/admin/queues/session').expect(200);
      expect(session.body).toEqual({ expiresIn: 600, path: '/admin/queues' });
      const cookie = String(session.headers['set-cookie']);
      expect(cookie).toMatch(/szpm_queue_board=[^;]+; Max-Age=600; Path=\/admin\/queues; Expires=[^;]+; HttpOnly; SameSite=Strict/);
      const pair = cookie.split(';')[0];
      if (t.queue.kind === 'bull') {
        expect(page.text).toContain('<html');
        const queues = await t.http().get('/admin/queues/api/queues').set('Cookie', pair).expect(200);
        expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['notifications', 'notifications-sms', 'scheduled']);
        await t.http().get('/admin/queues/api/queues').expect(401);
      } else {
        expect(page.body).toMatchObject({ mode: 'in-process' });
        const status = await t.http().get('/admin/queues').set('Cookie', pair).expect(200);
        expect(status.body.queues.map((q: { name: string }) => q.name)).toEqual(['notifications', 'notifications-sms', 'scheduled']);
        expect(status.body.queues.find((q: { name: string }) => q.name === 'notifications')).toMatchObject({ waiting: 0, active: 0, completed: expect.any(Number) });
      }
    });
  });
});

describe('notifications with a WeChat rate limit', () => {
  let t: TestApp;
  let wechat: FakeWechatServer;

  beforeAll(async () => {
    wechat = await FakeWechatServer.start({ oa: OA, mini: MINI });
    t = await startTestApp({ env: wechatEnv(wechat, { NOTIFY_WECHAT_RATE_PER_SECOND: '20' }) });
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  it('sends no more than NOTIFY_WECHAT_RATE_PER_SECOND messages a second', async () => {
    const recipients = await makeRecipients(t, 'rate', Array(41).fill('mini'));
    const lead = await t.dataSource.getRepository(Account).findOneByOrFail({ username: 'futian.lead' });
    await t.app.get(NotificationsService).send({
      kind: CampaignKind.NOTICE,
      sender: { id: lead.id, name: lead.name },
      districtId: lead.districtId,
      title: '限流测试',
      content: '内容',
      recipientIds: recipients.map((r) => r.id),
    });
    await settle(t);
    const times = wechat.messages.map((m) => m.at).sort((a, b) => a - b);
    expect(times).toHaveLength(41);
    // 20 a second (Bull: 20 per one-second window; in-process: one every 50 ms): the 21st message
    // comes about a second after the first, the 41st about two seconds after it. The first send
    // also fetches the access token, which delays it and shortens the measured gaps a little.
    expect(times[20] - times[0]).toBeGreaterThanOrEqual(700);
    expect(times[40] - times[0]).toBeGreaterThanOrEqual(1700);
  });
});
