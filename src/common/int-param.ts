import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** PostgreSQL's `integer`: a route number past it would reach the database and fail there (500). */
export const MAX_INT4 = 2_147_483_647;

/**
 * A whole number written in digits only (no sign, exponent, fraction, hex or spaces: `2e3` is not
 * 2000) within [min, max]; otherwise 400 naming the parameter.
 */
export function parseWholeNumber(name: string, value: unknown, min: number, max: number = MAX_INT4): number {
  if (typeof value !== 'string' || !/^\d{1,10}$/.test(value)) throw new BadRequestException(`${name} must be a whole number`);
  const n = Number(value);
  if (n < min || n > max) throw new BadRequestException(`${name} must lie between ${min} and ${max}`);
  return n;
}

/**
 * A route parameter read as `parseWholeNumber` reads it. A custom parameter decorator rather than
 * `@Param` with a pipe: the global ValidationPipe would first turn the text into a number with `+`
 * (`2e3` → 2000, `0x10` → 16) before any pipe of the parameter saw it. Document it with `@ApiParam`.
 */
export const IntParam = (name: string, min: number, max: number = MAX_INT4): ParameterDecorator =>
  createParamDecorator((_: unknown, context: ExecutionContext) =>
    parseWholeNumber(name, context.switchToHttp().getRequest<Request>().params[name], min, max),
  )();
