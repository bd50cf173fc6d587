import { POVERTY_LIST_COLUMNS as L } from '../domain/data-comparison';
import { REGISTER_COLUMNS as R } from '../domain/register-row';
import { makeResidentId } from '../domain/resident-id';
import type { RegisterFileRow } from '../population/register-file';

/** Every so many persons of the register, the poverty office's list disagrees in one way. */
const CAUSE_CHANGED_EVERY = 40;
const LEFT_OUT_EVERY = 250;
const EXTRA_PERSON_EVERY = 400;

/**
 * The poverty office's list (扶贫办名单) for a generated register, as seed 004's comparison meets it:
 * mostly the same persons and causes, with a few causes changed (因病 dropped or added), a few persons
 * left out and a few the register does not know, so a demo comparison has something to flag.
 */
export function* povertyListFor(register: Iterable<RegisterFileRow>): Generator<Record<string, string>> {
  let index = 0;
  for (const person of register) {
    index++;
    if (index % LEFT_OUT_EVERY === 0) continue;
    const illness = person[R.povertyCauseMain] === '因病';
    const changed = index % CAUSE_CHANGED_EVERY === 0;
    yield {
      [L.idNumber]: person[R.idNumber],
      [L.householdNumber]: person[R.householdNumber],
      [L.causeMain]: changed ? (illness ? '缺资金' : '因病') : person[R.povertyCauseMain],
      [L.causeSecondary]: person[R.povertyCauseSecondary],
    };
    if (index % EXTRA_PERSON_EVERY === 0) {
      // A member the poverty office registered but the health department has not (yet).
      yield {
        [L.idNumber]: makeResidentId('510812', '2019-06-01', index / EXTRA_PERSON_EVERY),
        [L.householdNumber]: person[R.householdNumber],
        [L.causeMain]: '因学',
        [L.causeSecondary]: '',
      };
    }
  }
}
