import { Initial1795678116362 } from './1795678116362-Initial';

export const SQLITE_MIGRATIONS: Function[] = [Initial1795678116362];
