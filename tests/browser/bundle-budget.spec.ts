import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What a first visit downloads: the entry and its static imports, not the pages and charts loaded on demand. */
const BUDGET_GZIP_BYTES = 400 * 1024;
const WEB = join(__dirname, '../../dist/web');

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
  isEntry?: boolean;
}

describe('web console bundle', () => {
  it(`loads at most ${BUDGET_GZIP_BYTES / 1024} KiB of gzipped script and style on the first route`, () => {
    const manifestPath = join(WEB, '.vite/manifest.json');
    if (!existsSync(manifestPath)) throw new Error('dist/web is missing: run npm run build:web (npm test does)');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
    const initial = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      for (const file of [chunk.file, ...(chunk.css ?? [])]) initial.add(file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    visit('index.html');
    const sizes = [...initial].map((file) => ({ file, gzip: gzipSync(readFileSync(join(WEB, file))).length }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    expect(sizes.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    // The charts and the admin pages are separate chunks, loaded on demand.
    const lazy = Object.values(manifest).filter((c) => !initial.has(c.file) && c.file.endsWith('.js'));
    expect(lazy.some((c) => /Chart/.test(c.file))).toBe(true);
    expect(lazy.some((c) => /CampaignPage/.test(c.file))).toBe(true);
  });
});
