import { DecisionCategory, OwnerMe, OwnerVoteView, VoteConvener, VoteDetail, VoteMeetingType, VoteScope, VoteState } from '@szpm/contract';
import { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ratioWords, resultVerdict } from '../../src/logic/owner-votes';
import { apiJson, apiLogin, browserSession, checkPage, endVoteSoon, freePort, RunningApi, screenshot, sqliteRows, startApi, typeInto } from './support';

/**
 * 业主投票 (manual chapter 10, owners) in the H5 build: demo.committee puts two votes to its area, the
 * street office checks them, the clock opens them; the first demo owner votes 同意 on every topic of one
 * house, a second try from a page opened before is refused with the api's message; a paper ballot
 * entered for the owner's house on the other vote is replaced by the owner's electronic vote; once the
 * votes end (moved to a near end and extended, so that the clock's delayed job closes them) the owner
 * reads each topic's result as the tally gives it.
 */
let api: RunningApi;

const { newPage } = browserSession(() => api, { failedScreenshot: 'owner-votes', logFailedApiCalls: true });

const DEMO_OWNER_OPENID = 'dev-00000000-0000-4000-8000-000000000001';

const toast = (page: Page) => page.locator('.taro__toast').textContent();
/** The ids of one house's ballot on a vote's page. */
const ballotIds = (voteId: number, houseId: number) => {
  const house = `my-vote-${voteId}-house-${houseId}`;
  return { submit: `#${house}-submit`, error: `#${house}-error`, confirm: `${house}-confirm`, topic: (topicId: number) => `#${house}-topic-${topicId}`, ballot: (topicId: number) => `#${house}-topic-${topicId}-ballot`, choice: (topicId: number, choice: string) => `#${house}-topic-${topicId}-${choice}` };
};
const ownerToken = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('szpm.ownerToken') ?? '{}').data as string);

beforeAll(async () => {
  api = await startApi({ PORT: String(await freePort()) });
});

describe('业主投票 from the convener’s vote to the owner’s result', () => {
  it('the owner votes once per house and topic, replaces a paper ballot, and reads the results', async () => {
    const [committee] = sqliteRows<{ propertyAreaId: number; streetId: number }>(
      api,
      `SELECT c.propertyAreaId, a.streetId FROM accounts acc JOIN owners_committees c ON c.id = acc.unitId JOIN property_areas a ON a.id = c.propertyAreaId WHERE acc.username = 'demo.committee'`,
    );
    const [checker] = sqliteRows<{ username: string }>(api, `SELECT username FROM accounts WHERE role = 'STREET_OFFICER' AND streetId = ? ORDER BY id LIMIT 1`, committee.streetId);
    expect(checker, 'a street office account of the committee’s area').toBeTruthy();
    const [committeeToken, streetToken] = await Promise.all([apiLogin(api.base, 'demo.committee'), apiLogin(api.base, checker.username)]);

    // two votes of the committee's area, begun already (the clock opens them once published), ending tomorrow
    const create = (title: string, topics: string[]) =>
      apiJson<VoteDetail>(api.base, '/owner-decisions/votes', {
        token: committeeToken,
        body: {
          propertyAreaId: Number(committee.propertyAreaId),
          title,
          meetingType: VoteMeetingType.EXTRAORDINARY,
          convener: VoteConvener.COMMITTEE,
          scope: VoteScope.AREA,
          beginAt: new Date(Date.now() - 60_000).toISOString(),
          endAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
          topics: topics.map((content) => ({ content, category: DecisionCategory.OTHER })),
        },
      });
    const first = await create('关于增设电动车充电桩的表决', ['在地下车库增设电动车充电桩', '充电桩由物业服务企业统一管理']);
    const second = await create('关于小区门禁系统升级的表决', ['升级小区门禁为人脸识别', '门禁升级费用由公共收益支付']);
    for (const vote of [first, second]) {
      await apiJson(api.base, `/owner-decisions/votes/${vote.id}/submit`, { token: committeeToken, body: {} });
      await apiJson(api.base, `/owner-decisions/votes/${vote.id}/check`, { token: streetToken, body: { approve: true } });
    }
    // the street office reads the vote (the committee account convenes, the module's view is the officers')
    const stateOf = async (id: number) => (await apiJson<VoteDetail>(api.base, `/owner-decisions/votes/${id}`, { token: streetToken })).state;
    for (const vote of [first, second]) await expect.poll(() => stateOf(vote.id)).toBe(VoteState.VOTING);

    // 我的小区 as the first demo owner (the development sign-in stands in for WeChat)
    const page = await newPage();
    await page.goto(`${api.base}/m/#/packages/owner/index`);
    await typeInto(page, 'owner-dev-openid', DEMO_OWNER_OPENID);
    await page.locator('#owner-dev-sign-in-submit').click();
    await page.locator('#owner-home').waitFor();
    const token = await ownerToken(page);
    const me = await apiJson<OwnerMe>(api.base, '/owner/me', { token });
    const houses = me.bindings.filter((b) => b.propertyAreaId === Number(committee.propertyAreaId));
    expect(houses.length, 'the first demo owner owns houses of demo.committee’s area').toBeGreaterThan(0);
    const [house] = houses;

    // the convener enters a paper ballot of the owner's house on the second vote
    await apiJson(api.base, `/owner-decisions/votes/${second.id}/paper-ballots`, {
      token: committeeToken,
      body: { rows: [{ houseId: house.houseId, paperNo: 'P-0001', choices: second.topics.map((t) => ({ topicId: t.id, choice: 'DISAGREE' })) }] },
    });

    await page.locator('#owner-entry-votes').click();
    for (const vote of [first, second]) {
      const card = page.locator(`#my-votes-item-${vote.id}`);
      await card.waitFor();
      expect(await card.textContent()).toContain(`${vote.voteNo} · ${vote.propertyAreaName} · 全体业主`);
      expect(await card.textContent()).toContain('正在表决');
    }
    await checkPage(page, '102-owner-votes');

    // a tab of the same owner that opens the vote before the ballot: its submit comes second
    const openVote = async (id: number) => {
      const tab = await page.context().newPage();
      await tab.goto(`${api.base}/m/#/packages/owner/vote/index?id=${id}`);
      await tab.locator(`#my-vote-${id}-info`).waitFor();
      return tab;
    };
    const one = ballotIds(first.id, house.houseId);
    const stale = await openVote(first.id);
    await stale.locator(one.submit).waitFor();

    await page.locator(`#my-votes-item-${first.id}`).click();
    await page.locator(one.submit).waitFor();
    expect(await page.locator(`#my-vote-${first.id}-info`).textContent()).toContain('业主委员会');
    expect(await page.locator(`#my-vote-${first.id}-info`).textContent()).toContain('临时会议');
    // a topic left without a choice: nothing is sent
    await page.locator(one.choice(first.topics[0].id, 'AGREE')).click();
    await page.locator(one.submit).click();
    await expect.poll(() => page.locator(one.error).textContent()).toBe('请为每个议题选择同意、不同意或弃权');
    for (const topic of first.topics.slice(1)) await page.locator(one.choice(topic.id, 'AGREE')).click();
    await screenshot(page, '103-owner-vote');
    await checkPage(page, '103-owner-vote');
    await page.locator(one.submit).click();
    await expect.poll(() => page.locator(`#${one.confirm}-content`).textContent()).toContain('议题1 同意；议题2 同意。投票提交后不能修改。');
    await page.locator(`#${one.confirm}-confirm`).click();
    for (const topic of first.topics) await expect.poll(() => page.locator(one.ballot(topic.id)).textContent()).toBe('已投：同意（电子投票）');
    await expect.poll(() => page.locator(one.submit).count()).toBe(0);
    const recorded = await apiJson<OwnerVoteView>(api.base, `/owner/votes/${first.id}`, { token });
    expect(recorded.houses.find((h) => h.houseId === house.houseId)!.ballots.map((b) => [b.topicId, b.choice, b.source])).toEqual(first.topics.map((t) => [t.id, 'AGREE', 'ELECTRONIC']));

    // the second try, from the tab opened before: the api refuses it and the page says why
    for (const topic of first.topics) await stale.locator(one.choice(topic.id, 'DISAGREE')).click();
    await stale.locator(one.submit).click();
    await stale.locator(`#${one.confirm}-confirm`).click();
    await expect.poll(() => stale.locator(one.error).textContent()).toBe('该房屋已就该议题投过票');
    expect(await toast(stale)).toContain('该房屋已就该议题投过票');
    await stale.close();

    // the second vote: the paper ballot is shown, and the owner's electronic vote replaces it on the first topic
    const two = ballotIds(second.id, house.houseId);
    const [paperTopic, keptTopic] = second.topics;
    const secondTab = await openVote(second.id);
    await expect.poll(() => secondTab.locator(two.ballot(paperTopic.id)).textContent()).toBe('已投：不同意（纸质选票）');
    expect(await secondTab.locator(two.topic(paperTopic.id)).textContent()).toContain('仍可电子投票');
    await secondTab.locator(two.choice(paperTopic.id, 'AGREE')).click();
    await secondTab.locator(two.submit).click();
    await expect.poll(() => secondTab.locator(`#${two.confirm}-content`).textContent()).toContain('议题1 同意（替换纸质选票）');
    await secondTab.locator(`#${two.confirm}-confirm`).click();
    await expect.poll(() => secondTab.locator(two.ballot(paperTopic.id)).textContent()).toBe('已投：同意（电子投票）');
    expect(await secondTab.locator(two.ballot(keptTopic.id)).textContent()).toBe('已投：不同意（纸质选票）');
    await secondTab.close();

    // the end: both votes moved to a near end, then extended a little past it, so the clock's delayed job closes them
    for (const vote of [first, second]) await endVoteSoon(api, vote.id, committeeToken);
    for (const vote of [first, second]) await expect.poll(() => stateOf(vote.id), { timeout: 45_000 }).toBe(VoteState.PUBLICITY);

    for (const vote of [first, second]) {
      const counted = await apiJson<OwnerVoteView>(api.base, `/owner/votes/${vote.id}`, { token });
      const tab = await openVote(vote.id);
      await tab.locator(`#my-vote-topic-${vote.topics[0].id}-result`).waitFor();
      const info = (await tab.locator(`#my-vote-${vote.id}-info`).textContent()) ?? '';
      expect(info).toContain('询异');
      expect(info).toContain('已延期');
      expect(info).toContain('部分业主外出，延长表决时间');
      expect(await tab.locator(`#my-vote-${vote.id}-closed`).textContent()).toBe('表决期已结束');
      for (const topic of counted.topics) {
        const result = topic.result!;
        expect(result, `topic ${topic.seq} of ${vote.voteNo} is counted`).toBeTruthy();
        // the owner's house took part: it is counted
        expect(result.participatingPersons).toBeGreaterThan(0);
        const shown = (await tab.locator(`#my-vote-topic-${topic.id}-result`).textContent()) ?? '';
        expect(shown).toContain(resultVerdict(result));
        expect(shown).toContain(ratioWords(result.participationArea));
        expect(shown).toContain(ratioWords(result.participationPersons));
        expect(shown).toContain(`${result.agreePersons} 人 · ${ratioWords(result.agreePersonsRatio)}`);
        expect(shown).toContain(result.passThresholdLabel);
        expect(shown.includes('未达到参与门槛')).toBe(!result.quorumReached);
      }
      // no ballot after the end
      expect(await tab.locator(ballotIds(vote.id, house.houseId).submit).count()).toBe(0);
      if (vote === second) {
        await screenshot(tab, '104-owner-vote-result');
        await checkPage(tab, '104-owner-vote-result');
      }
      await tab.close();
    }
  });
});
