import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/** Everything the server reads from the environment, resolved once. */
export interface Config {
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  sqliteFile: string;
  redisUrl: string | null;
  mailOutboxDir: string;
  smtpUrl: string | null;
  mailFrom: string;
  adminEmail: string | null;
  adminPassword: string | null;
  seedDemo: boolean;
  maxUploadMb: number;
  logLevel: string;
  sessionDays: number;
  /** Attempts allowed per window; tests lower or raise them. */
  rateLimits: {
    loginPerIp: number;
    loginPerAccount: number;
    resetPerIp: number;
    resetPerAccount: number;
    /** Public bookings, moves and cancellations per address and window (anonymous forms). */
    bookingPerIp: number;
    /** Registrations and cancellations of visitors without an account on public events, per address and window. */
    eventRegistrationPerIp: number;
    windowSeconds: number;
  };
  presenceGraceMs: number;
  /** Messages a user may send per 10 seconds (burst budget). */
  messageRatePer10s: number;
  /** With Redis: how often a node refreshes its heartbeat key, the key's time to live, and how often every node looks for dead ones. */
  presenceHeartbeatMs: number;
  presenceNodeTtlMs: number;
  presenceSweepMs: number;
  /** Prefix of every Redis key and of the adapter's channels (tests isolate runs with it). */
  redisPrefix: string;
  /** Node identity for shared presence (several nodes on one Redis). */
  nodeId: string;
  /** Worker processes `npm start` runs on this machine (node:cluster); 1 = a single process, as before. Default: one per core on PostgreSQL, 1 on SQLite. */
  workers: number;
  /** SQLite with several workers: `primary` (default) writes messages in the primary process for all of them; `workers`: each worker writes, SQLite's lock in turn (docs/performance.md). */
  sqliteWriter: 'primary' | 'workers';
  /** Hotline: first-response target, in working hours (Mon–Fri 9:00–17:00, Europe/Paris). */
  hotlineFirstResponseHours: number;
  /** ProConnect (or any OpenID Connect provider): null unless OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set. */
  oidc: OidcConfig | null;
  /** "Mes données": above this many rows or megabytes the archive is built in the background and its link sent (7 days). */
  exportSyncMaxRows: number;
  exportSyncMaxMb: number;
  /** Days the .eml copies of sent mail stay in MAIL_OUTBOX_DIR (0: kept forever). */
  mailOutboxRetentionDays: number;
  /** Days after its date that a visitor's registration to a public event (name, address, phone) is kept. */
  eventVisitorRetentionDays: number;
  /** The anti-robot proof of work (altcha) asked at sign-up, on public forms and after failed logins. */
  antiRobot: AntiRobotConfig;
}

/** The proof of work's price and lifetime; the HMAC secret is ANTI_ROBOT_SECRET or a key kept in DATA_DIR. */
export interface AntiRobotConfig {
  /** Shared by every node when set; otherwise read from (or written once to) $DATA_DIR/anti-robot.key. */
  secret: string | null;
  /** PBKDF2 iterations per attempt. */
  cost: number;
  /** The secret counter is drawn in [counterMax / 4, counterMax]: the browser tries that many attempts on average × 5/8. */
  counterMax: number;
  /** Seconds a challenge may be answered after it was issued. */
  expirySeconds: number;
  /** Failed logins on one account after which its login asks for the check too. */
  loginAfterFailures: number;
  /** Failed logins from one address (any account) after which its logins ask for the check too. */
  loginAfterIpFailures: number;
}

/** The OpenID provider the sign-in page offers next to the password form. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Scopes asked for (ProConnect names its claims `given_name`, `usual_name`). */
  scope: string;
  /** `acr_values` to ask for, if any (e.g. `eidas1`). */
  acrValues: string | null;
}

/** Builds the config from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  return {
    port,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    sqliteFile: env.SQLITE_FILE ? path.resolve(env.SQLITE_FILE) : path.join(dataDir, 'maillage.sqlite3'),
    redisUrl: env.REDIS_URL || null,
    mailOutboxDir: path.resolve(env.MAIL_OUTBOX_DIR ?? path.join(dataDir, 'outbox')),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? 'Maillage <ne-pas-repondre@maillage.local>',
    adminEmail: env.ADMIN_EMAIL || null,
    adminPassword: env.ADMIN_PASSWORD || null,
    seedDemo: env.SEED_DEMO !== '0',
    maxUploadMb: Number(env.MAX_UPLOAD_MB ?? 25),
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionDays: Number(env.SESSION_DAYS ?? 30),
    rateLimits: {
      loginPerIp: Number(env.LOGIN_RATE_PER_IP ?? 30),
      loginPerAccount: Number(env.LOGIN_RATE_PER_ACCOUNT ?? 10),
      resetPerIp: 10,
      resetPerAccount: 3,
      bookingPerIp: Number(env.BOOKING_RATE_PER_IP ?? 10),
      eventRegistrationPerIp: Number(env.EVENT_REGISTRATION_RATE_PER_IP ?? 10),
      windowSeconds: 15 * 60,
    },
    presenceGraceMs: Number(env.PRESENCE_GRACE_MS ?? 5000),
    messageRatePer10s: Number(env.MESSAGE_RATE_PER_10S ?? 30),
    presenceHeartbeatMs: Number(env.PRESENCE_HEARTBEAT_MS ?? 5000),
    presenceNodeTtlMs: Number(env.PRESENCE_NODE_TTL_MS ?? 20000),
    presenceSweepMs: Number(env.PRESENCE_SWEEP_MS ?? 10000),
    redisPrefix: env.REDIS_PREFIX ?? 'maillage:',
    nodeId: env.NODE_ID ?? `${os.hostname()}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`,
    workers: workerCount(env.WORKERS, !!env.DATABASE_URL),
    sqliteWriter: env.SQLITE_WRITER === 'workers' ? 'workers' : 'primary',
    hotlineFirstResponseHours: Number(env.HOTLINE_FIRST_RESPONSE_HOURS ?? 4),
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            scope: env.OIDC_SCOPE ?? 'openid email given_name usual_name family_name',
            acrValues: env.OIDC_ACR_VALUES || null,
          }
        : null,
    exportSyncMaxRows: Number(env.EXPORT_SYNC_MAX_ROWS ?? 20000),
    exportSyncMaxMb: Number(env.EXPORT_SYNC_MAX_MB ?? 100),
    mailOutboxRetentionDays: Number(env.MAIL_OUTBOX_RETENTION_DAYS ?? 30),
    eventVisitorRetentionDays: Number(env.EVENT_VISITOR_RETENTION_DAYS ?? 30),
    antiRobot: {
      secret: env.ANTI_ROBOT_SECRET || null,
      cost: Math.max(1, Number(env.ANTI_ROBOT_COST ?? 5000)),
      counterMax: Math.max(4, Number(env.ANTI_ROBOT_COUNTER_MAX ?? 4000)),
      expirySeconds: Number(env.ANTI_ROBOT_EXPIRY_SECONDS ?? 600),
      loginAfterFailures: Number(env.ANTI_ROBOT_LOGIN_AFTER_FAILURES ?? 3),
      loginAfterIpFailures: Number(env.ANTI_ROBOT_LOGIN_AFTER_IP_FAILURES ?? 10),
    },
  };
}

/**
 * `WORKERS`: a positive integer. Unset, empty or 0: one per core on PostgreSQL, and 1 on SQLite, where one
 * process measured as many durable sends as two at half the CPU per send (docs/performance.md); WORKERS=2
 * works there too, gap-free, the primary writing every worker's messages (SQLITE_WRITER).
 */
function workerCount(value: string | undefined, postgres: boolean): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n <= 0) return postgres ? os.availableParallelism() : 1;
  return n;
}
