import { ValueTransformer } from 'typeorm';

/** DECIMAL columns come back as text from MySQL / MariaDB: money is read as a number (元, two decimals). */
export const DECIMAL_NUMBER: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
