import { Initial1795681384045 } from './1795681384045-Initial';
import { IdentityLookupFailures1795682122253 } from './1795682122253-IdentityLookupFailures';

export const SQLITE_MIGRATIONS: Function[] = [Initial1795681384045, IdentityLookupFailures1795682122253];
