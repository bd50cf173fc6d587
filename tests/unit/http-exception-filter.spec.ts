import { ArgumentsHost, PayloadTooLargeException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpExceptionFilter } from '../../src/common/http-exception.filter';
import { diskUploadOptions } from '../../src/common/upload-storage';
import { loadConfig } from '../../src/config/config';

/** Runs the filter on an error and returns what the client would get. */
function answer(exception: unknown, request: object = {}): { status: number; body: Record<string, unknown> } {
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
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }) } as unknown as ArgumentsHost;
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

  it('answers a body that does not inflate as its Content-Encoding says with 400, not 500', () => {
    // body-parser hands zlib's own error on with status 400 and no type.
    const gzip = Object.assign(new Error('incorrect header check'), { errno: -3, code: 'Z_DATA_ERROR', status: 400, expose: true });
    expect(answer(gzip)).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Malformed request body: it cannot be decompressed as its Content-Encoding says (incorrect header check)',
      },
    });
    const brotli = Object.assign(new Error('Decompression failed'), { errno: -12, code: 'ERR__ERROR_FORMAT_PADDING_2', status: 400 });
    expect(answer(brotli).status).toBe(400);
    // An error of the server that merely has a code stays a 500.
    expect(answer(Object.assign(new Error('boom'), { code: 'Z_DATA_ERROR' })).status).toBe(500);
  });

  it("names the upload's limit when multer cuts a file off, and leaves other 413s as they are", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'upload-limit-'));
    const options = diskUploadOptions(loadConfig({ STORAGE_DIR: dir }), 65536, 'EVIDENCE_MAX_BYTES');
    const request = {};
    // The storage marks the request as the file starts to arrive.
    const storage = options.storage as { getDestination: (req: object, file: object, done: (err: Error | null) => void) => void };
    await new Promise<void>((resolve, reject) => storage.getDestination(request, {}, (err) => (err ? reject(err) : resolve())));
    expect(answer(new PayloadTooLargeException('File too large'), request).body.message).toBe(
      'file is larger than the limit of 64 KiB (65536 bytes), EVIDENCE_MAX_BYTES',
    );
    expect(answer(new PayloadTooLargeException('file: too many shared strings'), request).body.message).toBe(
      'file: too many shared strings',
    );
    expect(answer(new PayloadTooLargeException('File too large')).body.message).toBe('File too large');
    await rm(dir, { recursive: true, force: true });
  });
});
