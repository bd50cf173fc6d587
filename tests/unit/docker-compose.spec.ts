import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Healthcheck {
  test?: string | string[];
  disable?: boolean;
}

interface Service {
  image?: string;
  build?: string | { context?: string };
  command?: string[];
  ports?: string[];
  restart?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: Healthcheck;
  volumes?: string[];
}

const ROOT = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;

const INFRA_IMAGES: [string, string][] = [
  ['postgres', 'postgres:16'],
  ['redis', 'redis:7'],
  ['temporal-postgresql', 'postgres:16'],
  ['temporal', 'temporalio/auto-setup:1.29.1'],
  ['temporal-ui', 'temporalio/ui:2.42.1'],
];
const APP_COMMANDS: [string, string][] = [
  ['migrate', 'dist/scripts/migrate.js'],
  ['api', 'dist/src/main.js'],
  ['worker', 'dist/workers/main.js'],
];
const SERVICE_NAMES = [...INFRA_IMAGES, ...APP_COMMANDS].map(([name]) => name);
/** Only the API is published; the Temporal UI (no sign-in of its own) on the host's loopback only. */
const PUBLISHED_PORTS: [string, string][] = [
  ['temporal-ui', '127.0.0.1:8080:8080'],
  ['api', '3000:3000'],
];
/** Infrastructure stays on the compose network: no database, Redis or Temporal port on the host. */
const INTERNAL_SERVICES = ['postgres', 'redis', 'temporal', 'temporal-postgresql', 'migrate', 'worker'];
const HEALTHCHECKS: [string, string][] = [
  ['postgres', 'pg_isready -U postgres'],
  ['redis', 'redis-cli ping'],
  ['temporal-postgresql', 'pg_isready -U temporal'],
  ['temporal', 'temporal operator cluster health'],
  ['api', 'http://127.0.0.1:3000/health'],
];

function service(name: string): Service {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function env(name: string): Record<string, string> {
  return service(name).environment ?? {};
}

function healthcheckCommand(name: string): string {
  const test = service(name).healthcheck?.test ?? [];
  return Array.isArray(test) ? test.join(' ') : test;
}

function readmeDockerSection(): string {
  const path = join(ROOT, 'README.md');
  if (!existsSync(path)) return '';
  const readme = readFileSync(path, 'utf8');
  const heading = /^##+ .*Docker.*$/m.exec(readme);
  if (!heading) return '';
  const rest = readme.slice(heading.index + heading[0].length);
  const next = /^## /m.exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}

/** The rows of the README's service table: name and port column. */
function readmeDockerServices(): { name: string; port: string }[] {
  return readmeDockerSection()
    .split('\n')
    .map((line) => /^\| `([^`]+)` \|[^|]*\|([^|]*)\|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1], port: m[2].trim() }));
}

function readmeDockerServiceNames(): string[] {
  return readmeDockerServices().map((s) => s.name);
}

describe('docker-compose.yml', () => {
  it.each(SERVICE_NAMES)('defines the %s service', (name) => {
    expect(Object.keys(services)).toContain(name);
  });

  it.each(INFRA_IMAGES)('runs %s from image %s', (name, image) => {
    expect(service(name).image).toBe(image);
  });

  it.each(APP_COMMANDS)('builds %s from the Dockerfile and runs %s', (name, entry) => {
    const { build, command } = service(name);
    expect(typeof build === 'string' ? build : build?.context).toBe('.');
    expect(command).toEqual(['node', entry]);
    const source = entry.replace(/^dist\//, '').replace(/\.js$/, '.ts');
    expect(existsSync(join(ROOT, source))).toBe(true);
  });

  it.each(PUBLISHED_PORTS)('publishes %s on %s', (name, port) => {
    expect(service(name).ports).toContain(port);
  });

  it.each(INTERNAL_SERVICES)('publishes no port for %s', (name) => {
    expect(service(name).ports).toBeUndefined();
  });

  it('publishes nothing but the api on all interfaces', () => {
    const published = Object.entries(services).flatMap(([name, { ports }]) => (ports ?? []).map((port) => [name, port]));
    expect(published.filter(([name, port]) => name !== 'api' && !port.startsWith('127.0.0.1:'))).toEqual([]);
  });

  describe.each(['api', 'worker'])('%s environment', (name) => {
    it('points DATABASE_URL at the postgres service', () => {
      const url = new URL(env(name).DATABASE_URL);
      expect(url.protocol).toBe('postgres:');
      expect(url.hostname).toBe('postgres');
      expect(url.port).toBe('5432');
      expect(url.pathname).toBe(`/${env('postgres').POSTGRES_DB}`);
      expect(decodeURIComponent(url.username)).toBe(env('postgres').POSTGRES_USER);
      expect(decodeURIComponent(url.password)).toBe(env('postgres').POSTGRES_PASSWORD);
      expect(services).toHaveProperty([url.hostname]);
    });

    it('points REDIS_URL at the redis service', () => {
      const url = new URL(env(name).REDIS_URL);
      expect(url.protocol).toBe('redis:');
      expect(url.hostname).toBe('redis');
      expect(url.port).toBe('6379');
      expect(services).toHaveProperty([url.hostname]);
    });

    it('points TEMPORAL_ADDRESS at the temporal service', () => {
      const url = new URL(`grpc://${env(name).TEMPORAL_ADDRESS}`);
      expect(url.hostname).toBe('temporal');
      expect(url.port).toBe('7233');
      expect(services).toHaveProperty([url.hostname]);
      expect(env(name).TEMPORAL_NAMESPACE).toBe('default');
    });

    it('runs in production with secrets that must be set (no default) and no demo unless asked', () => {
      expect(env(name).NODE_ENV).toBe('production');
      // `${VAR:?message}`: compose stops with the message when the variable is unset or empty.
      expect(env(name).JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
      expect(env(name).SECRETS_KEY).toMatch(/^\$\{SECRETS_KEY:\?[^}]+\}$/);
      expect(env(name).SEED_DEMO_ON_EMPTY).toBe('${SEED_DEMO_ON_EMPTY:-false}');
      for (const value of Object.values(env(name))) expect(value).not.toMatch(/\$\{(JWT_SECRET|SECRETS_KEY):?-/);
    });

    it('waits for healthy postgres, redis and temporal and for finished migrations', () => {
      expect(service(name).depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        temporal: { condition: 'service_healthy' },
        migrate: { condition: 'service_completed_successfully' },
      });
    });
  });

  it('listens on all interfaces on port 3000 in the api only', () => {
    expect(env('api')).toMatchObject({ HOST: '0.0.0.0', PORT: '3000' });
    expect(env('worker')).not.toHaveProperty('HOST');
    expect(env('worker')).not.toHaveProperty('PORT');
  });

  it('keeps evidence files on a named volume at the api STORAGE_DIR', () => {
    const dir = env('api').STORAGE_DIR;
    expect(dir).toBeTruthy();
    expect(service('api').volumes).toContain(`evidence-data:${dir}`);
    expect(Object.keys(compose.volumes)).toContain('evidence-data');
  });

  it('gives the api, worker and migrate the same shared environment', () => {
    const { HOST, PORT, STORAGE_DIR, ...shared } = env('api');
    expect([HOST, PORT, STORAGE_DIR]).toEqual(['0.0.0.0', '3000', '/app/data/storage']);
    expect(env('worker')).toEqual(shared);
    expect(env('migrate')).toEqual(shared);
  });

  it('runs migrate once after postgres is healthy', () => {
    expect(service('migrate').restart).toBe('no');
    expect(service('migrate').depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
  });

  it('sets up temporal against its own postgres', () => {
    expect(env('temporal')).toMatchObject({
      DB: 'postgres12',
      DB_PORT: '5432',
      POSTGRES_USER: env('temporal-postgresql').POSTGRES_USER,
      POSTGRES_PWD: env('temporal-postgresql').POSTGRES_PASSWORD,
      POSTGRES_SEEDS: 'temporal-postgresql',
    });
    expect(service('temporal').depends_on).toEqual({ 'temporal-postgresql': { condition: 'service_healthy' } });
    expect(env('temporal-ui').TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it.each(HEALTHCHECKS)('health-checks %s with %s', (name, probe) => {
    expect(service(name).healthcheck?.disable).not.toBe(true);
    expect(healthcheckCommand(name)).toContain(probe);
  });

  it('gives every enabled healthcheck a test', () => {
    const withoutTest = Object.entries(services)
      .filter(([name, { healthcheck }]) => healthcheck && !healthcheck.disable && !healthcheckCommand(name).trim())
      .map(([name]) => name);
    expect(withoutTest).toEqual([]);
  });

  it.each(['migrate', 'worker'])('disables the image HTTP healthcheck for %s, which serves no HTTP', (name) => {
    expect(service(name).healthcheck).toEqual({ disable: true });
  });

  it('depends only on existing services, and on health only where a healthcheck is enabled', () => {
    for (const { depends_on } of Object.values(services)) {
      for (const [target, { condition }] of Object.entries(depends_on ?? {})) {
        expect(Object.keys(services)).toContain(target);
        if (condition === 'service_healthy') expect(healthcheckCommand(target)).not.toBe('');
      }
    }
  });

  describe('Dockerfile', () => {
    const path = join(ROOT, 'Dockerfile');
    const dockerfile = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM ') + 1);

    // Node 20 reached end of life on 30 April 2026: the image runs a line that still gets security fixes.
    const SUPPORTED_NODE = /^FROM node:(22|24)(-[\w.-]+)? AS (build|runtime)$/gm;

    it('exists with a build stage on a supported Node.js LTS line', () => {
      expect(existsSync(path)).toBe(true);
      expect(dockerfile.match(SUPPORTED_NODE)).toHaveLength(2);
      expect(dockerfile).not.toMatch(/^FROM node:(1\d|20|21|23)\b/m);
      expect(dockerfile).toMatch(/^FROM node:\S+ AS build$/m);
      expect(dockerfile).toMatch(/^RUN npm ci\b/m);
      expect(dockerfile).toMatch(/npm run build/);
      expect(dockerfile).toMatch(/npm prune --omit=dev/);
    });

    it('runs the api as the node user from a runtime stage on the same Node.js line', () => {
      const major = (stage: string) => new RegExp(`^FROM node:(\\d+)\\S* AS ${stage}$`, 'm').exec(dockerfile)?.[1];
      expect(major('runtime')).toBe(major('build'));
      expect(readmeDockerSection()).toContain(`node:${major('runtime')}`);
      expect(runtime).toMatch(/^USER node$/m);
      expect(runtime).toMatch(/^ENV NODE_ENV=production$/m);
      expect(runtime).toMatch(/^EXPOSE 3000$/m);
      expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/health/m);
      const cmd = /^CMD (\[.*\])$/m.exec(runtime);
      expect(cmd && JSON.parse(cmd[1])).toEqual(['node', 'dist/src/main.js']);
    });
  });

  it('lists only existing services in the README Docker section', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(readmeDockerServiceNames()));
  });

  it('states in the README what each service publishes, as compose does', () => {
    const rows = readmeDockerServices();
    expect(rows.map((r) => r.name).sort()).toEqual(Object.keys(services).sort());
    for (const { name, port } of rows) {
      const published = service(name).ports ?? [];
      if (published.length === 0) expect(port).toMatch(/^—/);
      else for (const p of published) expect(port).toContain(p);
    }
  });

  it('names in the README the variables compose requires, and the demo as opt-in', () => {
    const section = readmeDockerSection();
    for (const required of ['JWT_SECRET', 'SECRETS_KEY', 'SEED_DEMO_ON_EMPTY=true']) expect(section).toContain(required);
  });
});
