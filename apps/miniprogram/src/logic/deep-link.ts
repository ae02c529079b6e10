import { ROUTES } from '../routes';

/** Pages that are a way in themselves: no 返回首页 on them. */
const ENTRY_PAGES = new Set<string>([ROUTES.home, ROUTES.login, ROUTES.bind, ROUTES.launch]);

/** Whether the page is the only one in the stack (opened from a message link or a shared address). */
export function isDeepLinked(stack: Array<{ route?: string }>): boolean {
  if (stack.length !== 1) return false;
  const route = `/${(stack[0].route ?? '').replace(/^\//, '').split('?')[0]}`;
  return !ENTRY_PAGES.has(route);
}
