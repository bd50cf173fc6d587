import { Matches } from 'class-validator';

/** A task kind names a sort of work (`re_identification`, `monthly_system_update`): a lower-case identifier. */
export const IsTaskKind = (): PropertyDecorator =>
  Matches(/^[a-z][a-z0-9_]{0,47}$/, { message: 'kind must be lower-case letters, digits and _ (at most 48)' });
