import { applyDecorators, Type } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** Every error body, as HttpExceptionFilter sends it. */
export class ErrorResponseDto {
  @ApiProperty({ example: 404 })
  statusCode: number;

  @ApiProperty({ example: 'Not Found', description: 'The status text' })
  error: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'What went wrong; the validation of a body or query lists one message per field',
  })
  message: string | string[];

  @ApiPropertyOptional({ description: 'An upload refused for its rows: how many errors it had (`errors` lists the first ones)' })
  errorCount?: number;

  @ApiPropertyOptional({
    type: 'array',
    items: {},
    description: 'Details: the rows or fields at fault (an upload, a policy, a calendar, a template)',
  })
  errors?: unknown[];
}

const ERROR_DESCRIPTIONS = {
  400: 'Invalid request: a parameter, field or file fails validation',
  401: 'No valid access token',
  403: "The caller's role or scope does not admit this",
  404: "Not found (or outside the caller's scope)",
  409: 'Conflicts with the current state or with an existing record',
  413: 'The body or file is larger than the limit',
  415: 'Unsupported body type or charset',
  429: 'Too many attempts: try again later',
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** The error answers an operation (or every operation of a controller) can give, with the one error body. */
export function ApiErrorResponses(...statuses: ErrorStatus[]): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], type: ErrorResponseDto })),
  );
}

/** The answer of an operation of every signed-in user: 401 without a valid token. */
export const ApiSignedIn = (): ClassDecorator & MethodDecorator => ApiErrorResponses(401);

/**
 * A file download: its content type, as binary. Not `@ApiProduces`, which would give the operation's
 * error answers (JSON) the file's content type too.
 */
export function ApiFileResponse(contentType: string, description: string): MethodDecorator {
  return ApiOkResponse({ description, content: { [contentType]: { schema: { type: 'string', format: 'binary' } } } });
}

const pages = new Map<Type<unknown>, Type<unknown>>();

/** `Page<T>` of src/common/pagination.ts as a named schema: `<Item>Page` (UnitDto → UnitPage). */
export function PageDto<T>(item: Type<T>): Type<{ items: T[]; total: number; page: number; pageSize: number }> {
  const known = pages.get(item);
  if (known) return known as Type<{ items: T[]; total: number; page: number; pageSize: number }>;
  class Page {
    @ApiProperty({ type: item, isArray: true })
    items: T[];

    @ApiProperty({ description: 'How many match, over all pages' })
    total: number;

    @ApiProperty()
    page: number;

    @ApiProperty()
    pageSize: number;
  }
  Object.defineProperty(Page, 'name', { value: `${item.name.replace(/Dto$/, '')}Page` });
  pages.set(item, Page);
  return Page;
}

/** 200 with a page of `item`s. */
export function ApiPageResponse(item: Type<unknown>, description?: string): MethodDecorator {
  return ApiOkResponse({ description, type: PageDto(item) });
}
