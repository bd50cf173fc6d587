/**
 * The one place that reads the environment. Every variable is validated at boot and the
 * process stops with a message naming each variable that is wrong (CONVENTIONS §9).
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { parseQuietHours } from '../domain/delivery-timing';
import { DEFAULT_QUIET_HOURS, QuietHours } from '../domain/quiet-hours';

export interface TemporalTlsConfig {
  certPath?: string;
  keyPath?: string;
  caPath?: string;
  serverName?: string;
}

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string;
  /**
   * Per connection of the API and the workers: a statement running longer is cancelled, and a session
   * idle inside a transaction longer is ended (its locks released), so one stuck caller cannot hold
   * rows or starve the pool. 0 turns one off.
   */
  database: { statementTimeoutMs: number; idleInTransactionTimeoutMs: number };
  redisUrl: string;
  /** Prefix of every BullMQ key, so several deployments or test runs can share one Redis. */
  queuePrefix: string;
  temporal: {
    /** Unset: `npm start` runs the embedded dev server. */
    address?: string;
    namespace: string;
    taskQueue: string;
    /** Deadline of each call the API and the workers make to Temporal (start, signal, Schedules), retries included. */
    callTimeoutMs: number;
    apiKey?: string;
    tls?: TemporalTlsConfig;
    devServer: { port: number; uiPort: number; dbFile: string };
  };
  jwt: { secret: string; expiresInSeconds: number };
  /**
   * Sign-in throttling: failed guesses of a password per account (from any address) and per client
   * address (across accounts) within a window of `lockSeconds`; beyond either, 429 until it ends.
   */
  login: { maxFailures: number; maxFailuresPerAddress: number; lockSeconds: number };
  /**
   * Express `trust proxy`: false (the socket's address is the client's), a number of proxy hops, or
   * the proxies' addresses and subnets (`loopback`, `10.0.0.0/8`, …) whose X-Forwarded-For is believed.
   */
  trustProxy: boolean | number | string[];
  /** Browser origins allowed to call the API cross-origin; empty: same-origin only (no CORS headers). */
  corsOrigins: string[];
  /** Webhook hosts (names or addresses) allowed although they resolve to internal addresses. */
  webhook: { allowedHosts: string[] };
  /** AES-256-GCM key of secrets stored in the database (webhook secrets); required in production. */
  secretsKey: Buffer;
  /** Searches of the register by full ID number, per user and window (429 beyond). */
  personSearch: { limit: number; windowSeconds: number };
  /** Audit rows older than this are deleted by the workers' daily retention job (at least 3, which the database also enforces). */
  auditRetentionYears: number;
  /** Outside delivery channels; e-mail is offered only when SMTP_URL is set. */
  smtp?: { url: string; from: string };
  /** Outside messages wait this long to gather a digest, and never leave inside quiet hours. */
  channelDelivery: { digestCollectMs: number; quietHours: QuietHours | null };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  seedDemoOnEmpty: boolean;
  /** Folder of the local file storage (佐证资料 files); an object store replaces it when several machines serve. */
  storageDir: string;
  /** The built web console (`npm run build:web`), served at `/`; missing, `/` says how to build it. */
  webConsoleDir: string;
  /** Register import: rows checked and written per step; one step's rows are held in memory. */
  registerImportChunkRows: number;
  evidence: { maxBytes: number; allowedTypes: string[] };
  /** What an uploaded XLSX may inflate to (zip bombs): past any of these it is refused. */
  xlsx: { maxInflatedBytes: number; maxSharedStrings: number; maxSharedStringBytes: number };
  /** When set, GET /metrics wants `Authorization: Bearer <this>`; unset, it is open like /health. */
  metricsToken?: string;
  /** Each worker starts, every minute, the workflows of rows committed as started whose start was lost. */
  workflowStartSweep: boolean;
  /** Each worker creates the daily follow-up generation Schedule at start (and hourly) if it is missing. */
  followUpSchedule: boolean;
  deadlineClocks: {
    /** Each worker moves per-task workflows to clocks at start and restarts orphaned clocks every minute. */
    sweep: boolean;
    /** /health reports `degraded` when the oldest due moment has waited longer than this. */
    lagDegradedSeconds: number;
    /** Due moments a clock acts on per transaction. */
    pageSize: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Only for development: production refuses to start without JWT_SECRET. */
const DEV_JWT_SECRET = 'dev-only-secret-do-not-use-in-production';
/** Only for development and tests: production refuses to start without SECRETS_KEY. */
const DEV_SECRETS_KEY = createHash('sha256').update('dev-only-secrets-key-do-not-use-in-production').digest();
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;
const DEFAULT_EVIDENCE_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/csv',
];
/** Evidence streams to disk and into the storage, never whole into memory; the limit is what a piece of evidence reasonably is. */
const MAX_EVIDENCE_BYTES = 100 * 1024 * 1024;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const nodeEnv = read.oneOf('NODE_ENV', NODE_ENVS, 'development');
  const jwtSecret = env.JWT_SECRET ?? (nodeEnv === 'production' ? undefined : DEV_JWT_SECRET);
  if (jwtSecret === undefined) problems.push('JWT_SECRET: required when NODE_ENV=production');
  else if (jwtSecret.length < 32) problems.push('JWT_SECRET: must be at least 32 characters');

  const tls: TemporalTlsConfig = {
    certPath: read.optional('TEMPORAL_TLS_CERT_PATH'),
    keyPath: read.optional('TEMPORAL_TLS_KEY_PATH'),
    caPath: read.optional('TEMPORAL_TLS_CA_PATH'),
    serverName: read.optional('TEMPORAL_TLS_SERVER_NAME'),
  };
  if (Boolean(tls.certPath) !== Boolean(tls.keyPath)) {
    problems.push('TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH: set both or neither');
  }
  const useTls = read.boolean('TEMPORAL_TLS', Object.values(tls).some(Boolean));
  const smtpUrl = env.SMTP_URL ? read.url('SMTP_URL', '', ['smtp:', 'smtps:']) : undefined;
  const quietHoursText = read.optional('NOTIFY_QUIET_HOURS');
  const quietHours = quietHoursText === undefined ? undefined : parseQuietHours(quietHoursText);
  if (quietHoursText !== undefined && quietHours === undefined)
    problems.push(`NOTIFY_QUIET_HOURS: expected HH:MM-HH:MM or none, got "${quietHoursText}"`);

  const secretsKey = secretsKeyFrom(env);
  if (typeof secretsKey === 'string') problems.push(secretsKey);

  const config: AppConfig = {
    nodeEnv,
    host: read.string('HOST', '127.0.0.1'),
    port: read.port('PORT', 3000),
    databaseUrl: read.url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/campaign_orchestrator', ['postgres:', 'postgresql:']),
    database: {
      statementTimeoutMs: read.integer('DB_STATEMENT_TIMEOUT_MS', 60_000, 0, 3_600_000),
      idleInTransactionTimeoutMs: read.integer('DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 60_000, 0, 3_600_000),
    },
    redisUrl: read.url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    queuePrefix: read.string('QUEUE_PREFIX', 'orchestrator'),
    temporal: {
      address: read.optional('TEMPORAL_ADDRESS'),
      namespace: read.string('TEMPORAL_NAMESPACE', 'default'),
      taskQueue: read.string('TEMPORAL_TASK_QUEUE', 'campaign-orchestrator'),
      callTimeoutMs: read.integer('TEMPORAL_CALL_TIMEOUT_MS', 10_000, 500, 120_000),
      apiKey: read.optional('TEMPORAL_API_KEY'),
      tls: useTls ? tls : undefined,
      devServer: {
        port: read.port('TEMPORAL_DEV_PORT', 7233),
        uiPort: read.port('TEMPORAL_DEV_UI_PORT', 8233),
        dbFile: read.string('TEMPORAL_DEV_DB_FILE', '.data/temporal/dev.sqlite'),
      },
    },
    jwt: { secret: jwtSecret ?? '', expiresInSeconds: read.integer('JWT_EXPIRES_IN_SECONDS', 8 * 3600, 60) },
    login: {
      maxFailures: read.integer('LOGIN_MAX_FAILURES', 5, 1),
      maxFailuresPerAddress: read.integer('LOGIN_MAX_FAILURES_PER_ADDRESS', 50, 1),
      lockSeconds: read.integer('LOGIN_LOCK_SECONDS', 900, 1),
    },
    trustProxy: read.trustProxy('TRUST_PROXY'),
    corsOrigins: read.origins('CORS_ORIGINS'),
    webhook: { allowedHosts: read.hosts('WEBHOOK_ALLOWED_HOSTS') },
    secretsKey: typeof secretsKey === 'string' ? DEV_SECRETS_KEY : secretsKey,
    personSearch: {
      limit: read.integer('PERSON_SEARCH_LIMIT', 30, 1, 10_000),
      windowSeconds: read.integer('PERSON_SEARCH_WINDOW_SECONDS', 600, 1, 86_400),
    },
    auditRetentionYears: read.integer('AUDIT_RETENTION_YEARS', 3, 3, 100),
    smtp: smtpUrl ? { url: smtpUrl, from: read.string('SMTP_FROM', 'noreply@localhost') } : undefined,
    channelDelivery: {
      digestCollectMs: read.integer('NOTIFY_DIGEST_SECONDS', 60, 0, 3600) * 1000,
      quietHours: quietHours === undefined ? DEFAULT_QUIET_HOURS : quietHours,
    },
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    // Production seeds the demo (with its public passwords) only when asked.
    seedDemoOnEmpty: read.boolean('SEED_DEMO_ON_EMPTY', nodeEnv !== 'production'),
    storageDir: read.string('STORAGE_DIR', '.data/storage'),
    webConsoleDir: read.string('WEB_CONSOLE_DIR', 'dist/web'),
    registerImportChunkRows: read.integer('REGISTER_IMPORT_CHUNK_ROWS', 20_000, 1, 1_000_000),
    evidence: {
      maxBytes: read.integer('EVIDENCE_MAX_BYTES', 20 * 1024 * 1024, 1, MAX_EVIDENCE_BYTES),
      allowedTypes: read.mimeTypes('EVIDENCE_ALLOWED_TYPES', DEFAULT_EVIDENCE_TYPES),
    },
    xlsx: {
      maxInflatedBytes: read.integer('XLSX_MAX_INFLATED_BYTES', 200 * 1024 * 1024, 1024 * 1024, 4 * 1024 ** 3),
      maxSharedStrings: read.integer('XLSX_MAX_SHARED_STRINGS', 1_000_000, 1000, 50_000_000),
      maxSharedStringBytes: read.integer('XLSX_MAX_SHARED_STRING_BYTES', 64 * 1024 * 1024, 1024 * 1024, 2 * 1024 ** 3),
    },
    metricsToken: read.optional('METRICS_TOKEN'),
    workflowStartSweep: read.boolean('WORKFLOW_START_SWEEP', true),
    followUpSchedule: read.boolean('FOLLOW_UP_SCHEDULE', true),
    deadlineClocks: {
      sweep: read.boolean('DEADLINE_CLOCK_SWEEP', true),
      lagDegradedSeconds: read.integer('CLOCK_LAG_DEGRADED_SECONDS', 120, 1, 86_400),
      pageSize: read.integer('DEADLINE_CLOCK_PAGE_SIZE', 1000, 1, 5000),
    },
  };
  if (config.metricsToken !== undefined && config.metricsToken.length < 16) problems.push('METRICS_TOKEN: must be at least 16 characters');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * SECRETS_KEY: 32 bytes as 64 hex digits or base64; unset outside production, a development key.
 * A string is the problem to report. Migrations that encrypt stored rows read the key through this too.
 */
export function secretsKeyFrom(env: NodeJS.ProcessEnv): Buffer | string {
  const raw = env.SECRETS_KEY?.trim();
  if (!raw) return env.NODE_ENV?.trim() === 'production' ? 'SECRETS_KEY: required when NODE_ENV=production' : DEV_SECRETS_KEY;
  const key = /^[0-9a-f]{64}$/i.test(raw)
    ? Buffer.from(raw, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(raw)
      ? Buffer.from(raw, 'base64')
      : null;
  if (!key || key.length !== 32) return 'SECRETS_KEY: expected 32 random bytes as 64 hex digits or base64 (openssl rand -hex 32)';
  if (env.NODE_ENV?.trim() === 'production' && key.equals(DEV_SECRETS_KEY)) return 'SECRETS_KEY: the development key is not for production';
  return key;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

class EnvReader {
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly problems: string[],
  ) {}

  optional(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value ? value : undefined;
  }

  string(name: string, fallback: string): string {
    return this.optional(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  port(name: string, fallback: number): number {
    return this.integer(name, fallback, 1, 65535);
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes'].includes(raw)) return true;
    if (['false', '0', 'no'].includes(raw)) return false;
    this.problems.push(`${name}: expected true or false, got "${raw}"`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name}: expected one of ${allowed.join(', ')}, got "${raw}"`);
    return fallback;
  }

  /** A comma-separated list of content types such as `application/pdf`, compared in lower case. */
  mimeTypes(name: string, fallback: string[]): string[] {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const types = raw
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean);
    const bad = types.filter((t) => !/^[a-z0-9][\w.+-]*\/[a-z0-9][\w.+-]*$/.test(t));
    if (types.length === 0 || bad.length > 0) {
      this.problems.push(`${name}: expected comma-separated content types like application/pdf, got "${raw}"`);
      return fallback;
    }
    return types;
  }

  private list(name: string): string[] {
    return (this.optional(name) ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  }

  /** false (default), true (every hop: only when nothing reaches the app but the proxy), hops, or addresses. */
  trustProxy(name: string): boolean | number | string[] {
    const raw = this.optional(name)?.toLowerCase();
    if (raw === undefined || raw === 'false' || raw === '0') return false;
    if (raw === 'true') return true;
    if (/^\d+$/.test(raw)) return Number(raw);
    const entries = this.list(name).map((e) => e.toLowerCase());
    const bad = entries.filter((e) => {
      if (PROXY_NAMES.includes(e)) return false;
      const [address, prefix, extra] = e.split('/');
      const family = isIP(address);
      if (family === 0 || extra !== undefined) return true;
      return prefix !== undefined && !(/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
    });
    if (bad.length > 0) {
      this.problems.push(
        `${name}: expected false, true, a hop count or addresses/subnets (loopback, 10.0.0.0/8, …), got "${bad.join(', ')}"`,
      );
      return false;
    }
    return entries;
  }

  /** Exact origins (`https://console.example.org`, no path); `*` is refused. */
  origins(name: string): string[] {
    const origins: string[] = [];
    for (const entry of this.list(name)) {
      let origin: string | undefined;
      try {
        const url = new URL(entry);
        if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === entry.replace(/\/$/, '')) origin = url.origin;
      } catch {
        origin = undefined;
      }
      if (origin) origins.push(origin);
      else
        this.problems.push(
          `${name}: expected origins like https://console.example.org (scheme, host, port; no path, no *), got "${entry}"`,
        );
    }
    return origins;
  }

  /** Host names or IP addresses, compared in lower case (IPv6 without brackets). */
  hosts(name: string): string[] {
    const hosts: string[] = [];
    for (const entry of this.list(name)) {
      const host = entry.toLowerCase().replace(/^\[(.*)\]$/, '$1');
      if (isIP(host) !== 0 || /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/.test(host))
        hosts.push(host.replace(/\.$/, ''));
      else this.problems.push(`${name}: expected host names or IP addresses, got "${entry}"`);
    }
    return hosts;
  }

  url(name: string, fallback: string, protocols: string[]): string {
    const raw = this.string(name, fallback);
    try {
      const url = new URL(raw);
      if (!protocols.includes(url.protocol)) {
        this.problems.push(`${name}: expected a ${protocols.join(' or ')}// URL, got "${url.protocol}//…"`);
      }
    } catch {
      this.problems.push(`${name}: not a valid URL`);
    }
    return raw;
  }
}

/** Separate processes without TEMPORAL_ADDRESS talk to the embedded dev server `npm start` runs. */
export function withDevServerDefault(config: AppConfig): AppConfig {
  if (config.temporal.address) return config;
  return { ...config, temporal: { ...config.temporal, address: `127.0.0.1:${config.temporal.devServer.port}` } };
}
