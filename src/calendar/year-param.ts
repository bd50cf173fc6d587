import { IntParam } from '../common/int-param';

/** The `:year` route parameter: a whole number from 2000 to 2100 in digits, else 400 naming it (document it with `@ApiParam`). */
export const YearParam = (): ParameterDecorator => IntParam('year', 2000, 2100);
