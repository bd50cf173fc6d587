import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, PayloadTooLargeException } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { uploadLimitOf } from './upload-storage';

const PG_UNIQUE_VIOLATION = '23505';

/**
 * Every error leaves as JSON `{ statusCode, error, message }`: malformed bodies as 400, unique
 * violations that slipped past a service check as 409, anything unexpected as 500 (logged).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toResponse(exception, host.switchToHttp().getRequest<unknown>());
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(status).json(body);
  }

  private toResponse(exception: unknown, request: unknown): { status: number; body: Record<string, unknown> } {
    // multer says only "File too large": the upload's storage left its limit on the request.
    const uploadLimit =
      exception instanceof PayloadTooLargeException && exception.message === 'File too large' ? uploadLimitOf(request) : undefined;
    if (uploadLimit) {
      const message = `file is larger than the limit of ${uploadLimit}`;
      return { status: 413, body: { statusCode: 413, error: 'Payload Too Large', message } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const body = typeof res === 'string' ? { message: res } : (res as Record<string, unknown>);
      return { status, body: { statusCode: status, error: HttpStatus[status] ?? 'Error', ...body } };
    }
    if (isBodyParserError(exception)) {
      const { status } = exception;
      const message =
        status === 413
          ? `Request body too large: the limit is ${limitText(exception.limit)}`
          : status === 415
            ? `Unsupported request body: ${exception.message}`
            : isZlibError(exception)
              ? `Malformed request body: it cannot be decompressed as its Content-Encoding says (${exception.message})`
              : `Malformed request body: ${exception.message}`;
      return { status, body: { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message } };
    }
    if (exception instanceof QueryFailedError && (exception.driverError as { code?: string }).code === PG_UNIQUE_VIOLATION) {
      // PostgreSQL's detail repeats the values (a resident ID, a username): the client gets the constraint's meaning only.
      const constraint = (exception.driverError as { constraint?: string }).constraint;
      return { status: 409, body: { statusCode: 409, error: 'Conflict', message: uniqueViolationMessage(constraint) } };
    }
    if (exception instanceof QueryFailedError && (exception.driverError as { code?: string }).code === PG_CHARACTER_NOT_IN_REPERTOIRE) {
      // A NUL character (U+0000) in a query parameter or field: PostgreSQL text cannot hold it.
      const message = 'the request holds text the database cannot store: a NUL character (U+0000) or bytes that are not UTF-8';
      return { status: 400, body: { statusCode: 400, error: 'Bad Request', message } };
    }
    return { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' } };
  }
}

/** SQLSTATE 22021: e.g. a NUL byte in a text parameter. */
const PG_CHARACTER_NOT_IN_REPERTOIRE = '22021';

/**
 * Errors of the body parsers (body-parser, raw-body): 400 malformed or too deep, 413 too large, 415
 * unsupported charset; and 400 for a body that does not inflate as its Content-Encoding (gzip,
 * deflate, br) says, which body-parser passes on as zlib's own error, without a type.
 */
function isBodyParserError(e: unknown): e is Error & { status: 400 | 413 | 415; limit?: number } {
  const status = (e as { status?: number }).status;
  const typed = typeof (e as { type?: unknown }).type === 'string' || isZlibError(e);
  return e instanceof Error && typed && (status === 400 || status === 413 || status === 415);
}

/** zlib's errors carry an errno and a code such as Z_DATA_ERROR (gzip, deflate) or ERR__ERROR_FORMAT_PADDING_2 (brotli). */
function isZlibError(e: unknown): boolean {
  const { code, errno } = e as { code?: unknown; errno?: unknown };
  return typeof code === 'string' && typeof errno === 'number' && /^(Z_|ERR_)/.test(code);
}

function limitText(limit: number | undefined): string {
  if (limit === undefined) return 'exceeded';
  return limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MB (${limit} bytes)` : `${limit / 1024} KB (${limit} bytes)`;
}

/** What each unique constraint means, in the API's words; never the values that collided. */
const UNIQUE_CONSTRAINTS: Record<string, string> = {
  units_code_key: 'a unit with this code already exists',
  units_path_key: 'a unit with this place in the tree already exists',
  users_username_key: 'this username is already taken',
  deadline_policies_name_key: 'a policy with this name already exists',
  deadline_policies_one_default: 'another policy is the default already',
  disease_catalogue_versions_version_key: 'this catalogue version exists already',
  households_household_number_key: 'a household with this household number is already registered',
  persons_id_number_key: 'a person with this resident ID number is already registered',
  holiday_calendars_national_key: 'this year has a schedule already',
  holiday_calendars_county_key: 'this county has days of its own for this year already',
  task_extension_one_pending: 'this task has an extension request pending already',
  tasks_origin_key: 'this task has been created already',
};

export function uniqueViolationMessage(constraint: string | undefined): string {
  return (constraint ? UNIQUE_CONSTRAINTS[constraint] : undefined) ?? 'a record with the same unique value already exists';
}
