import { Transform } from 'class-transformer';
import { ValidateIf, ValidationOptions, registerDecorator } from 'class-validator';
import { isLocalDate } from '../domain/time-zone';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))$/;

/** A day that exists, written YYYY-MM-DD (2027-02-30 does not). */
export function isCalendarDate(value: unknown): boolean {
  return isLocalDate(value);
}

/** A calendar date (YYYY-MM-DD), or an ISO 8601 date-time on a day that exists with a real clock time and offset. */
export function isDateOrDateTime(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  if (isLocalDate(value)) return true;
  const m = DATE_TIME.exec(value);
  if (!m || !isLocalDate(m[1])) return false;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[5] !== 'Z' && (Number(m[6]) > 14 || Number(m[7]) > 59)) return false;
  return Number.isFinite(Date.parse(value));
}

/** The shared check of every day field: `<field> must be an existing day as YYYY-MM-DD`. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ property }) => `${property} must be an existing day as YYYY-MM-DD`, ...options },
      validator: { validate: isCalendarDate },
    });
}

/** The shared check of every due time or filter bound: a day (YYYY-MM-DD) or an ISO date-time, on a day that exists. */
export function IsDateOrDateTime(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDateOrDateTime',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ property }) =>
          `${property} must be an existing day as YYYY-MM-DD or an ISO date-time such as 2027-03-25T17:00:00+08:00`,
        ...options,
      },
      validator: { validate: isDateOrDateTime },
    });
}

/**
 * For fields that may be left out but never set to null: absent skips the checks, null fails them
 * (class-validator's IsOptional lets null through to the database).
 */
export function OptionalNotNull(): PropertyDecorator {
  return (target, propertyName) => ValidateIf((o: Record<string | symbol, unknown>) => o[propertyName] !== undefined)(target, propertyName);
}

/**
 * A whole number in a query string, as digits only (an optional minus for @Min to name): `0x10`,
 * `1e2`, ` 5`, `5.0` and `page[]=1` stay as they came and fail @IsInt, naming the field, where
 * Number() would have read 16, 100 and 5.
 */
export function QueryInt(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value));
}
