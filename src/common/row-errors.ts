import { BadRequestException } from '@nestjs/common';

/** An upload's report lists this many row errors; `errorCount` says how many there were. */
export const MAX_LISTED_ROW_ERRORS = 1000;

/**
 * The row errors of an all-or-nothing upload: every one counted, the first MAX_LISTED_ROW_ERRORS kept
 * (a file of 150,000 bad rows must not become 150,000 objects in memory, nor one response body).
 */
export class RowErrors<E> {
  count = 0;
  readonly listed: E[] = [];

  constructor(private readonly max = MAX_LISTED_ROW_ERRORS) {}

  add(...errors: E[]): void {
    for (const error of errors) {
      this.count++;
      if (this.listed.length < this.max) this.listed.push(error);
    }
  }

  /** 400 `{message, errorCount, errors}`: `what` says what was refused, e.g. "no result was recorded". */
  refusal(subject: string, consequence: string): BadRequestException {
    const more = this.count > this.listed.length ? `; only the first ${this.max.toLocaleString('en')} are listed` : '';
    return new BadRequestException({
      message: `${subject} has ${this.count} error(s); ${consequence}${more}`,
      errorCount: this.count,
      errors: this.listed,
    });
  }
}
