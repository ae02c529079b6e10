import { Initial1795581569717 } from './1795581569717-Initial';

export const MYSQL_MIGRATIONS: Function[] = [Initial1795581569717];
