import { MESSAGE_LINKS, PAGES } from '@szpm/contract';
import { describe, expect, it, vi } from 'vitest';
import {
  isSignInPage,
  landingAfterSignIn,
  linkOfHash,
  linkOfPage,
  RETURN_TARGET_MAX_AGE_MS,
  returnTargetOf,
  returnTargetToSave,
} from '../../src/logic/return-target';
import { singleFlight } from '../../src/logic/single-flight';

const NOW = Date.UTC(2026, 11, 1, 9, 0, 0);

describe('return target of a sign-in', () => {
  it('accepts every message link the server sends, except the binding page', () => {
    expect(returnTargetOf(MESSAGE_LINKS.receivedNotice(7))).toBe('/packages/notices/received/index?id=7');
    expect(returnTargetOf(MESSAGE_LINKS.safetyTasks(3))).toBe('/packages/safety/tasks/index?inspectionId=3');
    expect(returnTargetOf(MESSAGE_LINKS.objectionDetail(12))).toBe('/packages/evaluation/objection/index?id=12');
    expect(returnTargetOf(MESSAGE_LINKS.bind())).toBeNull();
  });

  it('refuses the sign-in pages, unknown paths and anything outside the app (no open redirect)', () => {
    for (const link of [
      PAGES.launch,
      `${PAGES.login}?next=x`,
      '/packages/notices/nowhere/index',
      'packages/notices/detail/index?id=1',
      '//evil.example/packages/notices/detail/index',
      'https://evil.example/packages/notices/detail/index?id=1',
      'javascript:alert(1)',
      '/\\evil.example/packages/notices/detail/index',
      '',
      null,
      42,
    ]) {
      expect(returnTargetOf(link), String(link)).toBeNull();
    }
  });

  it('keeps the query and drops a fragment', () => {
    expect(returnTargetOf('/packages/notices/detail/index?id=5&tab=unread#x')).toBe('/packages/notices/detail/index?id=5&tab=unread');
  });

  it('tells the sign-in pages apart, as weapp (no slash) and H5 (slash, query) name them', () => {
    expect(isSignInPage('pages/login/index')).toBe(true);
    expect(isSignInPage('/pages/bind/index')).toBe(true);
    expect(isSignInPage('/pages/index/index?code=C')).toBe(true);
    expect(isSignInPage('pages/home/index')).toBe(false);
    expect(isSignInPage('packages/notices/detail/index')).toBe(false);
  });

  it('reads the weapp page from its route and options, without the framework’s own keys', () => {
    expect(linkOfPage('packages/notices/detail/index', { id: '5', $taroTimestamp: 1764579600000, stamp: '2' })).toBe('/packages/notices/detail/index?id=5');
    expect(linkOfPage('packages/safety/tasks/index', { inspectionId: '3', title: '汛期 检查' })).toBe(
      `/packages/safety/tasks/index?inspectionId=3&title=${encodeURIComponent('汛期 检查')}`,
    );
    expect(linkOfPage('pages/login/index', {})).toBeNull();
    expect(linkOfPage('', {})).toBeNull();
  });

  it('reads the H5 page from the hash router’s address', () => {
    expect(linkOfHash('#/packages/notices/received/index?id=7')).toBe('/packages/notices/received/index?id=7');
    expect(linkOfHash('#/pages/login/index')).toBeNull();
    expect(linkOfHash('')).toBeNull();
  });

  it('saves only pages that may be returned to', () => {
    expect(returnTargetToSave('/packages/notices/detail/index?id=5', NOW)).toEqual({ link: '/packages/notices/detail/index?id=5', savedAt: NOW });
    expect(returnTargetToSave('/pages/login/index', NOW)).toBeNull();
    expect(returnTargetToSave(null, NOW)).toBeNull();
  });

  it('lands on the saved page while it is recent, else at home', () => {
    const saved = { link: '/packages/notices/detail/index?id=5', savedAt: NOW - 60_000 };
    expect(landingAfterSignIn(saved, NOW)).toBe('/packages/notices/detail/index?id=5');
    expect(landingAfterSignIn({ ...saved, savedAt: NOW - RETURN_TARGET_MAX_AGE_MS - 1 }, NOW)).toBe(PAGES.home);
    expect(landingAfterSignIn({ ...saved, savedAt: NOW + 60_000 }, NOW)).toBe(PAGES.home);
    // storage that was tampered with or holds something else
    expect(landingAfterSignIn({ link: 'https://evil.example/', savedAt: NOW }, NOW)).toBe(PAGES.home);
    expect(landingAfterSignIn({ link: PAGES.bind, savedAt: NOW }, NOW)).toBe(PAGES.home);
    expect(landingAfterSignIn({ link: saved.link }, NOW)).toBe(PAGES.home);
    expect(landingAfterSignIn('', NOW)).toBe(PAGES.home);
    expect(landingAfterSignIn(undefined, NOW)).toBe(PAGES.home);
  });
});

describe('singleFlight', () => {
  it('shares one pending call between callers, and runs again once it settled', async () => {
    let release!: (value: number) => void;
    const run = vi.fn(() => new Promise<number>((resolve) => (release = resolve)));
    const once = singleFlight(run);
    const first = once();
    const second = once();
    expect(second).toBe(first);
    release(1);
    await expect(Promise.all([first, second])).resolves.toEqual([1, 1]);
    expect(run).toHaveBeenCalledTimes(1);
    const third = once();
    release(2);
    await expect(third).resolves.toBe(2);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('lets a failed call be tried again', async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error('network')).mockResolvedValueOnce('me');
    const once = singleFlight(run);
    await expect(once()).rejects.toThrow('network');
    await expect(once()).resolves.toBe('me');
    expect(run).toHaveBeenCalledTimes(2);
  });
});
