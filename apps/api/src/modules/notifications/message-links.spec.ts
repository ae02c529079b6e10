import { h5Url, isPageLink, MESSAGE_LINKS, PAGES, pageLink } from '@szpm/contract';

/** Every link the server sends comes from MESSAGE_LINKS: each must open a page of the app. */
describe('message links', () => {
  const samples: Record<keyof typeof MESSAGE_LINKS, string> = {
    receivedNotice: MESSAGE_LINKS.receivedNotice(12),
    safetyTasks: MESSAGE_LINKS.safetyTasks(7),
    objectionDetail: MESSAGE_LINKS.objectionDetail(3),
    bind: MESSAGE_LINKS.bind(),
    practitionerRoster: MESSAGE_LINKS.practitionerRoster(),
    parkingFiling: MESSAGE_LINKS.parkingFiling(),
    commonFundOpening: MESSAGE_LINKS.commonFundOpening(),
    disputeDetail: MESSAGE_LINKS.disputeDetail(9),
    evaluationReplies: MESSAGE_LINKS.evaluationReplies('2026-11'),
  };

  it.each(Object.entries(samples))('%s names a page of the app: %s', (_name, link) => {
    expect(isPageLink(link)).toBe(true);
  });

  it('covers every link builder', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(MESSAGE_LINKS).sort());
  });

  it('carries the matter in the query string', () => {
    expect(MESSAGE_LINKS.receivedNotice(12)).toBe(`${PAGES.receivedNotice}?id=12`);
    expect(MESSAGE_LINKS.safetyTasks(7)).toBe(`${PAGES.safetyTasks}?inspectionId=7`);
    expect(MESSAGE_LINKS.safetyTasks()).toBe(PAGES.safetyTasks);
    expect(MESSAGE_LINKS.objectionDetail(3)).toBe(`${PAGES.objectionDetail}?id=3`);
    expect(MESSAGE_LINKS.disputeDetail(9)).toBe(`${PAGES.disputeDetail}?id=9`);
    expect(MESSAGE_LINKS.evaluationReplies('2026-11')).toBe(`${PAGES.evaluationReplies}?month=2026-11`);
    expect(pageLink(PAGES.case, { id: 5, q: 'a b', empty: '', none: null })).toBe(`${PAGES.case}?id=5&q=a%20b`);
  });

  it('refuses the links the server used to send, which named no page', () => {
    for (const old of ['/pages/notices/detail?id=1', '/pages/safety-inspections/tasks?inspectionId=1', '/pages/objections/detail?id=1', '/pages/identity/bind']) {
      expect(isPageLink(old)).toBe(false);
    }
  });

  it('points the H5 fallback at the H5 build under /m/', () => {
    expect(h5Url('https://szpm.example.cn/', MESSAGE_LINKS.receivedNotice(12))).toBe(`https://szpm.example.cn/m/#${PAGES.receivedNotice}?id=12`);
    expect(h5Url('https://szpm.example.cn', MESSAGE_LINKS.bind())).toBe(`https://szpm.example.cn/m/#${PAGES.bind}`);
  });
});
