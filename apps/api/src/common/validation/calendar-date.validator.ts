import { registerDecorator, ValidationOptions } from 'class-validator';

/** A real calendar day written 'YYYY-MM-DD' (read as a Shanghai day). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
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
