/** The disease catalogue: which conditions a re-identification may record, by category. */
export const DISEASE_CATEGORIES = [
  'major', // 大病
  'chronic', // 慢病
  'severe', // 重病
] as const;
export type DiseaseCategory = (typeof DISEASE_CATEGORIES)[number];

export const DISEASE_CATEGORY_LABELS: Record<DiseaseCategory, string> = { major: '大病', chronic: '慢病', severe: '重病' };

export interface CatalogueDisease {
  code: string;
  name: string;
  category: DiseaseCategory;
}

const CODE = /^[A-Za-z0-9_-]{1,16}$/;

export type CatalogueCheck = { ok: true; diseases: CatalogueDisease[] } | { ok: false; errors: string[] };

/** A new version's list: every entry named and categorised, codes unique. */
export function validateCatalogue(input: unknown): CatalogueCheck {
  if (!Array.isArray(input) || input.length === 0) return { ok: false, errors: ['diseases must be a non-empty list'] };
  const errors: string[] = [];
  const seen = new Set<string>();
  const diseases: CatalogueDisease[] = [];
  input.forEach((entry: unknown, i) => {
    const { code, name, category } = (entry ?? {}) as Record<string, unknown>;
    const at = `diseases[${i}]`;
    if (typeof code !== 'string' || !CODE.test(code)) errors.push(`${at}.code must be 1–16 letters, digits, _ or -`);
    else if (seen.has(code)) errors.push(`${at}.code ${code} appears twice`);
    else seen.add(code);
    if (typeof name !== 'string' || name.trim() === '' || name.length > 100) errors.push(`${at}.name must be 1–100 characters`);
    if (!(DISEASE_CATEGORIES as readonly unknown[]).includes(category))
      errors.push(`${at}.category must be one of ${DISEASE_CATEGORIES.join(', ')}`);
    if (typeof code === 'string' && typeof name === 'string')
      diseases.push({ code, name: name.trim(), category: category as DiseaseCategory });
  });
  return errors.length ? { ok: false, errors } : { ok: true, diseases };
}

/** Resolves a disease given by code or by its exact name (CSV uploads use either). */
export function findDisease(catalogue: readonly CatalogueDisease[], codeOrName: string): CatalogueDisease | undefined {
  const wanted = codeOrName.trim();
  return catalogue.find((d) => d.code === wanted) ?? catalogue.find((d) => d.name === wanted);
}
