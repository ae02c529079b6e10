import { Initial1795581985169 } from './1795581985169-Initial';

export const MYSQL_MIGRATIONS: Function[] = [Initial1795581985169];
