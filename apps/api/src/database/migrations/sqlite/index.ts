import { Initial1795681384045 } from './1795681384045-Initial';

export const SQLITE_MIGRATIONS: Function[] = [Initial1795681384045];
