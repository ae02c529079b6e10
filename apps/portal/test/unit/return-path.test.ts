import { describe, expect, it } from 'vitest';
import { loginPathFor, safeReturnPath } from '../../src/logic/return-path';

describe('safeReturnPath', () => {
  it('keeps a portal path with its query and hash', () => {
    expect(safeReturnPath('/todos?list=handled')).toBe('/todos?list=handled');
    expect(safeReturnPath('/todos/cases/12#history')).toBe('/todos/cases/12#history');
  });

  it('gives the home page for anything that is not a plain path of the portal', () => {
    for (const raw of [null, undefined, '', 'todos', 'https://evil.example/x', '//evil.example/x', '/\\evil.example', '\\\\evil', 'javascript:alert(1)', '/todos\nx', ' /todos']) {
      expect(safeReturnPath(raw)).toBe('/');
    }
  });

  it('never returns to the login page itself', () => {
    expect(safeReturnPath('/login')).toBe('/');
    expect(safeReturnPath('/login?from=%2Ftodos')).toBe('/');
    expect(safeReturnPath('/login/')).toBe('/');
  });

  it('normalises dot segments instead of leaving the portal', () => {
    expect(safeReturnPath('/todos/../account')).toBe('/account');
    expect(safeReturnPath('/../../etc')).toBe('/etc');
  });
});

describe('loginPathFor', () => {
  it('remembers the page in the login address', () => {
    expect(loginPathFor('/todos/cases/12?x=1')).toBe('/login?from=%2Ftodos%2Fcases%2F12%3Fx%3D1');
  });
  it('needs no parameter for the home page or the login page', () => {
    expect(loginPathFor('/')).toBe('/login');
    expect(loginPathFor('/login?from=%2Ftodos')).toBe('/login');
  });
});
