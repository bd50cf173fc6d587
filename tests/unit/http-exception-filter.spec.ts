import type { ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { HttpExceptionFilter } from '../../src/common/http-exception.filter';

/** Runs the filter on an error and returns what the client would get. */
function answer(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({}) }) } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(exception, host);
  return sent;
}

function uniqueViolation(constraint: string, detail: string): QueryFailedError {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505', constraint, detail });
  return new QueryFailedError('INSERT INTO persons …', [], driverError);
}

describe('HttpExceptionFilter', () => {
  it('answers a unique violation with 409 naming what is duplicated, never the values', () => {
    const res = answer(uniqueViolation('persons_id_number_key', 'Key (id_number)=(51081219680315002X) already exists.'));
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'a person with this resident ID number is already registered',
    });
    expect(JSON.stringify(res.body)).not.toContain('51081219680315002X');
    expect(JSON.stringify(res.body)).not.toContain('Key (');
  });

  it('gives a generic message for a constraint it does not know, still without values', () => {
    const res = answer(
      uniqueViolation('comparison_flags_run_id_id_number_kind_key', 'Key (run_id, id_number, kind)=(…, 510812…, x) already exists.'),
    );
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('a record with the same unique value already exists');
  });

  it('answers an oversized body with 413 naming the limit, and a charset it cannot read with 415', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large', limit: 102400 });
    expect(answer(tooLarge)).toEqual({
      status: 413,
      body: { statusCode: 413, error: 'Payload Too Large', message: 'Request body too large: the limit is 100 KB (102400 bytes)' },
    });
    const charset = Object.assign(new Error('unsupported charset "UTF-7"'), { status: 415, type: 'charset.unsupported' });
    expect(answer(charset).status).toBe(415);
  });
});
