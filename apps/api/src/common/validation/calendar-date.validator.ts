import { registerDecorator, ValidationOptions } from 'class-validator';

/** The years a calendar day of this platform can have (inside every date column's range). */
export const CALENDAR_YEARS = { min: 1900, max: 9999 } as const;

/** A real calendar day written 'YYYY-MM-DD' (read as a Shanghai day), in CALENDAR_YEARS. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)}必须是 YYYY-MM-DD 格式的日期`, ...options },
      validator: { validate: isCalendarDate },
    });
}

/** The years a date-time of this platform can have: what every column type and `Date#toISOString` can hold. */
export const DATE_TIME_YEARS = { min: 1970, max: 9999 } as const;

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * An instant in ISO 8601 extended format with its offset, as the contract writes it
 * ('2026-12-01T09:00:00+08:00', '2026-12-01T01:00:00.000Z'): a real calendar day, a real time of day,
 * an instant whose UTC year is in DATE_TIME_YEARS. The basic format ('20991201') and dates such as 02-30 are refused.
 */
export function isDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = DATE_TIME.exec(value);
  if (!parts || !isCalendarDate(parts[1])) return false;
  // the instant's year, not the text's: an offset carries '9999-12-31T23:30:00-05:00' into 10000 and '1970-01-01T00:00+08:00' back into 1969
  const year = new Date(value).getUTCFullYear();
  return year >= DATE_TIME_YEARS.min && year <= DATE_TIME_YEARS.max;
}

export function IsDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDateTime',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)}必须是带时区的 ISO 8601 时间，如 2026-12-01T09:00:00+08:00`, ...options },
      validator: { validate: isDateTime },
    });
}
