import type { PortalSection } from './section';
import { todosSection } from './todos';

export type { PortalSection } from './section';

/** Every menu section of the portal, in the manual's chapter order (the menu sorts by module order anyway). */
export const SECTIONS: readonly PortalSection[] = [todosSection];
