import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';

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
    const { status, body } = this.toResponse(exception);
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(status).json(body);
  }

  private toResponse(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const body = typeof res === 'string' ? { message: res } : (res as Record<string, unknown>);
      return { status, body: { statusCode: status, error: HttpStatus[status] ?? 'Error', ...body } };
    }
    if (isBodyParserError(exception)) {
      return { status: 400, body: { statusCode: 400, error: 'Bad Request', message: `Malformed request body: ${exception.message}` } };
    }
    if (exception instanceof QueryFailedError && (exception.driverError as { code?: string }).code === PG_UNIQUE_VIOLATION) {
      const detail = (exception.driverError as { detail?: string }).detail ?? 'duplicate value';
      return { status: 409, body: { statusCode: 409, error: 'Conflict', message: detail } };
    }
    return { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' } };
  }
}

function isBodyParserError(e: unknown): e is Error & { type: string } {
  return e instanceof Error && typeof (e as { type?: unknown }).type === 'string' && (e as { status?: number }).status === 400;
}
