import { DISEASE_CATEGORY_LABELS, type CatalogueDisease, type DiseaseCategory } from '../../../src/domain/disease-catalogue';
import { csvRows } from './row-text';

const CATEGORY_BY_WORD = new Map<string, DiseaseCategory>(
  Object.entries(DISEASE_CATEGORY_LABELS).flatMap(([code, label]) => [
    [code, code as DiseaseCategory],
    [label, code as DiseaseCategory],
  ]),
);

/**
 * Diseases pasted as lines `code,name,category` (category major/chronic/severe or 大病/慢病/重病), into the
 * body of a new catalogue version. Only the line shape is checked here; the server checks the list.
 */
export function parseDiseaseLines(text: string): { diseases: CatalogueDisease[]; problems: string[] } {
  const diseases: CatalogueDisease[] = [];
  const problems: string[] = [];
  for (const [line, cells] of csvRows(text)) {
    if (cells.every((c) => c.trim() === '')) continue;
    const [code = '', name = '', word = ''] = cells.map((c) => c.trim());
    const category = CATEGORY_BY_WORD.get(word.toLowerCase());
    if (cells.length !== 3) problems.push(`第 ${line} 行：应为 编码,名称,类别 三列`);
    else if (!category) problems.push(`第 ${line} 行：类别「${word}」应为 大病、慢病 或 重病`);
    else diseases.push({ code, name, category });
  }
  return { diseases, problems };
}

/** Days typed as a list (one a line, or separated by commas, 、 or spaces): 2027-03-20 … */
export function parseDayList(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((d) => d.trim())
    .filter(Boolean);
}
