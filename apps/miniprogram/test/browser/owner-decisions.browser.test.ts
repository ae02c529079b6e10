import { BuildingNode, HouseItem, Page as ApiPage, PropertyAreaListItem, RegionStats, VoteDetail, VoteMeetingCounts, VoteState, VoteTopicCounts } from '@szpm/contract';
import { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiJson, apiLogin, browserSession, checkPage, freePort, RunningApi, screenshot, signIn, endVoteSoon, signInCounterpart, startApi, typeInto } from './support';

/**
 * 业主决策 (manual chapter 10) in the H5 build: the owners' committee drafts a vote of one building
 * with two topics and submits it; the street office checks it (核实通过); the clock opens voting;
 * paper ballots (one through the page, the rest through the api) make the 过半数 topic pass and the
 * 3/4 topic (筹集维修资金) fail; the clock closes voting; the district officer's 会议统计 and
 * 表决议题统计 count the vote, and tapping 通过 / 未通过 lists each topic.
 */
let api: RunningApi;
const { newPage } = browserSession(() => api, { failedScreenshot: 'owner-decisions', logFailedApiCalls: true });

/** The demo street-office accounts by street (apps/api/src/seed/demo-accounts.ts). */
const STREET_ACCOUNTS: Record<string, string> = { 园岭街道: 'futian.street.yuanling', 香蜜湖街道: 'futian.street.xiangmihu' };

const shanghaiClock = (at: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(at));
const shanghaiYear = () => Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

async function pickToday(page: Page, id: string): Promise<void> {
  await page.locator(`#${id}`).click();
  await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click();
  await expect.poll(() => page.locator(`#${id}`).textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
}

async function choose(page: Page, id: string, value: string | number): Promise<void> {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}-option-${value}`).click();
}

beforeAll(async () => {
  api = await startApi({ PORT: String(await freePort()) });
});

describe('业主决策 from the committee’s draft to the officer’s statistics', () => {
  it('drafts, submits, is checked, is voted on by paper ballots, is counted and listed', { timeout: 400_000 }, async () => {
    const committeeToken = await apiLogin(api.base, 'demo.committee');
    const areas = await apiJson<PropertyAreaListItem[]>(api.base, '/property-areas/mine', { token: committeeToken });
    const area = areas.find((a) => STREET_ACCOUNTS[a.streetName]);
    expect(area, 'the demo committee serves an area of a street with a demo street-office account').toBeTruthy();
    const buildings = await apiJson<BuildingNode[]>(api.base, `/property-areas/${area!.id}/buildings`, { token: committeeToken });
    // the smallest building with a few houses: every one of its houses takes a ballot
    const building = buildings.filter((b) => b.houseCount >= 4).sort((a, b) => a.houseCount - b.houseCount)[0];
    expect(building, 'the area has a building of four houses or more').toBeTruthy();
    const houses = (await apiJson<ApiPage<HouseItem>>(api.base, `/property-areas/${area!.id}/houses?buildingId=${building.id}&pageSize=100`, { token: committeeToken })).items;
    expect(houses.length).toBe(building.houseCount);
    const officerToken = await apiLogin(api.base, 'futian.handler');
    const year = shanghaiYear();
    const meetingStats = () => apiJson<RegionStats<VoteMeetingCounts>>(api.base, `/owner-decisions/statistics/meetings?year=${year}&districtId=${area!.districtId}`, { token: officerToken });
    const topicStats = () => apiJson<RegionStats<VoteTopicCounts>>(api.base, `/owner-decisions/statistics/topics?year=${year}&districtId=${area!.districtId}`, { token: officerToken });
    const [meetingsBefore, topicsBefore] = await Promise.all([meetingStats(), topicStats()]);

    // the times: voting opens in a few seconds (or at once when the street's check comes later) and lasts
    // long enough for the ballots; then the test ends it through an extension (endVoteSoon)
    const beginAt = Date.now() + 15_000;
    const endAt = beginAt + 20 * 60_000;
    const title = `关于${building.name}选聘物业服务企业和筹集维修资金的临时会议`;

    // 业主投票管理 → 发起投票: the committee's draft of one building with two topics
    const committee = await newPage();
    await signInCounterpart(committee, api.base, 'demo.committee');
    await committee.locator('#home-entry-vote-management').click();
    await committee.locator('#owner-vote-create').click();
    await committee.locator('#owner-edit-basics').waitFor();
    if (areas.length > 1) await choose(committee, 'owner-edit-area', area!.id);
    // saving without anything names the fields
    await committee.locator('#owner-edit-save').click();
    await expect.poll(() => committee.locator('#owner-edit-basics .field-error').first().textContent()).toBe('请填写投票标题');
    await typeInto(committee, 'owner-edit-title', title);
    await choose(committee, 'owner-edit-meeting-type', 'EXTRAORDINARY');
    await choose(committee, 'owner-edit-convener', 'COMMITTEE');
    await committee.locator('#owner-edit-scope-BUILDINGS').click();
    await committee.locator(`#owner-edit-building-${building.id}`).click();
    await pickToday(committee, 'owner-edit-begin-date');
    await typeInto(committee, 'owner-edit-begin-time', shanghaiClock(beginAt));
    await pickToday(committee, 'owner-edit-end-date');
    await typeInto(committee, 'owner-edit-end-time', shanghaiClock(endAt));
    await typeInto(committee, 'owner-edit-topic-0-content', `选聘深圳市某物业服务有限公司为本小区${building.name}的物业服务企业`);
    await choose(committee, 'owner-edit-topic-0-category', 'HIRE_COMPANY');
    await committee.locator('#owner-edit-topic-add').click();
    await typeInto(committee, 'owner-edit-topic-1-content', `${building.name}按每平方米2元筹集专项维修资金`);
    await choose(committee, 'owner-edit-topic-1-category', 'RAISE_FUND');
    await screenshot(committee, '110-owner-decision-edit');
    await checkPage(committee, '110-owner-decision-edit');
    await committee.locator('#owner-edit-save').click();
    await committee.locator('#owner-vote-info').waitFor();
    expect(await committee.locator('#owner-vote-info').textContent()).toContain('草稿');
    const voteId = Number(new URL(committee.url().replace('#', '')).searchParams.get('id'));
    expect(voteId).toBeGreaterThan(0);
    await committee.locator('#owner-vote-submit').click();
    await committee.locator('#owner-vote-submit-confirm-confirm').click();
    await expect.poll(() => committee.locator('#owner-vote-info').textContent()).toContain('待街道核实');
    // the committee may not check its own vote
    expect(await committee.locator('#owner-vote-approve').count()).toBe(0);
    await checkPage(committee, '111-owner-decision-submitted');

    // the street office: 待街道核实 → 核实通过
    const street = await newPage();
    await signIn(street, api.base, STREET_ACCOUNTS[area!.streetName]);
    await street.goto(`${api.base}/m/#/packages/owner-decisions/votes/index`);
    await street.locator('#owner-votes-state').getByText('待街道核实').click();
    await street.locator(`#owner-vote-${voteId}`).click();
    await street.locator('#owner-vote-check').waitFor();
    // 退回 needs a note: nothing is sent without one
    await street.locator('#owner-vote-return').click();
    await expect.poll(() => street.locator('#owner-vote-check .field-error').textContent()).toBe('退回时须填写核实意见');
    await checkPage(street, '112-owner-decision-check');
    await street.locator('#owner-vote-approve').click();
    // 已发布, or 正在表决 at once when its begin has passed meanwhile
    await expect.poll(() => street.locator('#owner-vote-info').textContent()).toMatch(/已发布|正在表决/);

    // the clock opens voting at its begin
    const detail = () => apiJson<VoteDetail>(api.base, `/owner-decisions/votes/${voteId}`, { token: officerToken });
    await expect.poll(async () => (await detail()).state, { timeout: 60_000, interval: 1000 }).toBe(VoteState.VOTING);
    const [hire, raise] = (await detail()).topics;

    // the first house's paper ballot through the page: agrees to both
    await committee.reload();
    await committee.locator('#owner-vote-paper').click();
    const [first, ...rest] = houses;
    await choose(committee, 'owner-paper-row-0-building', building.id);
    await choose(committee, 'owner-paper-row-0-house', first.id);
    await typeInto(committee, 'owner-paper-row-0-paper-no', 'ZP-0001');
    await committee.locator(`#owner-paper-row-0-topic-${hire.id}-AGREE`).click();
    await committee.locator('#owner-paper-submit').click();
    // a choice missing for a topic: refused at the row
    await expect.poll(() => committee.locator('#owner-paper-row-0 .field-error').textContent()).toBe('请为每个议题选择表决意见');
    await committee.locator(`#owner-paper-row-0-topic-${raise.id}-AGREE`).click();
    await checkPage(committee, '113-owner-decision-paper-ballots');
    await committee.locator('#owner-paper-submit').click();
    await expect.poll(() => committee.locator('#owner-paper-written').textContent()).toBe('已录入表决意见 2 条');

    // the other houses through the api: all agree to the hiring; the fund is agreed by about 60 % of the area, the rest disagree
    const totalArea = houses.reduce((sum, h) => sum + (h.buildingArea ?? 0), 0);
    let agreed = first.buildingArea ?? 0;
    const rows = rest.map((house, i) => {
      const agree = agreed / totalArea < 0.6 && i < rest.length - 1;
      if (agree) agreed += house.buildingArea ?? 0;
      return { houseId: house.id, paperNo: `ZP-${String(i + 2).padStart(4, '0')}`, choices: [{ topicId: hire.id, choice: 'AGREE' }, { topicId: raise.id, choice: agree ? 'AGREE' : 'DISAGREE' }] };
    });
    const written = await apiJson<{ written: number; skippedElectronic: number }>(api.base, `/owner-decisions/votes/${voteId}/paper-ballots`, { token: committeeToken, body: { rows } });
    expect(written).toEqual({ written: rest.length * 2, skippedElectronic: 0 });

    // the clock closes voting at its end: 询异 with the results
    await endVoteSoon(api, voteId, committeeToken);
    await expect.poll(async () => (await detail()).state, { timeout: 60_000, interval: 1000 }).toBe(VoteState.PUBLICITY);
    const counted = await detail();
    const [hired, raised] = counted.topics;
    expect(hired.result!.quorumReached).toBe(true);
    expect(hired.result!.passed).toBe(true);
    expect(raised.result!.passed).toBe(false);
    expect(raised.result!.agreeArea.percent).toBeGreaterThan(50);
    expect(raised.result!.agreeArea.percent).toBeLessThan(75);
    await committee.goto(`${api.base}/m/#/packages/owner-decisions/vote/index?id=${voteId}`);
    await expect.poll(() => committee.locator(`#owner-vote-topic-${hire.id}-result`).textContent()).toContain('通过');
    expect(await committee.locator(`#owner-vote-topic-${raise.id}-result`).textContent()).toContain('未通过');
    expect(await committee.locator(`#owner-vote-topic-${raise.id}-result`).textContent()).toContain(raised.result!.agreeArea.fraction);
    await screenshot(committee, '114-owner-decision-result');
    await checkPage(committee, '114-owner-decision-result');

    // the officer's 会议统计 and 表决议题统计 count it
    const [meetingsAfter, topicsAfter] = await Promise.all([meetingStats(), topicStats()]);
    expect(meetingsAfter.total.meetings).toBe(meetingsBefore.total.meetings + 1);
    expect(meetingsAfter.total.publicity).toBe(meetingsBefore.total.publicity + 1);
    expect(topicsAfter.total.topics).toBe(topicsBefore.total.topics + 2);
    expect(topicsAfter.total.passed).toBe(topicsBefore.total.passed + 1);
    expect(topicsAfter.total.failed).toBe(topicsBefore.total.failed + 1);
    const officer = await newPage();
    await signIn(officer, api.base, 'futian.handler');
    await officer.goto(`${api.base}/m/#/packages/owner-decisions/index`);
    await officer.locator('#owner-decision-tabs').getByText('会议统计').click();
    await expect.poll(() => officer.locator('#owner-meetings-table-total-meetings').textContent()).toBe(String(meetingsAfter.total.meetings));
    await screenshot(officer, '115-owner-decision-meetings');
    await checkPage(officer, '115-owner-decision-meetings');
    await officer.locator('#owner-decision-tabs').getByText('表决议题统计').click();
    await expect.poll(() => officer.locator('#owner-topics-table-total-passed').textContent()).toBe(String(topicsAfter.total.passed));
    await checkPage(officer, '116-owner-decision-topics');
    // down to the area: its 通过 lists the hiring, its 未通过 the fund
    const drillToArea = async () => {
      await officer.locator(`#owner-topics-table-${area!.streetId}`).click();
      await officer.locator(`#owner-topics-table-${area!.communityId}`).click();
      await officer.locator(`#owner-topics-table-${area!.id}-passed`).waitFor();
    };
    await drillToArea();
    await officer.locator(`#owner-topics-table-${area!.id}-passed`).click();
    await officer.locator(`#owner-cell-topic-${hire.id}`).waitFor();
    expect(await officer.locator(`#owner-cell-topic-${hire.id}`).textContent()).toContain(counted.voteNo);
    expect(await officer.locator(`#owner-cell-topic-${raise.id}`).count()).toBe(0);
    await checkPage(officer, '117-owner-decision-passed-topics');
    await officer.goto(`${api.base}/m/#/packages/owner-decisions/index`);
    await officer.reload();
    await officer.locator('#owner-decision-tabs').getByText('表决议题统计').click();
    await drillToArea();
    await officer.locator(`#owner-topics-table-${area!.id}-failed`).click();
    await officer.locator(`#owner-cell-topic-${raise.id}`).waitFor();
    expect(await officer.locator(`#owner-cell-topic-${raise.id}-topic`).textContent()).toContain('未通过');
    expect(await officer.locator(`#owner-cell-topic-${hire.id}`).count()).toBe(0);
  });
});
