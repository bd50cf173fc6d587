import { BadRequestException, Param, ParseIntPipe } from '@nestjs/common';

/** The `:year` route parameter: a whole number from 2000 to 2100, else 400 naming it. */
export const YearParam = (): ParameterDecorator =>
  Param('year', new ParseIntPipe({ exceptionFactory: () => new BadRequestException('year must be a whole number') }), {
    transform(value: number) {
      if (value < 2000 || value > 2100) throw new BadRequestException('year must lie between 2000 and 2100');
      return value;
    },
  });
