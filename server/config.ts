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
  rateLimits: { loginPerIp: number; loginPerAccount: number; resetPerIp: number; resetPerAccount: number; windowSeconds: number };
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
  /** Hotline: first-response target, in working hours (Mon–Fri 9:00–17:00, Europe/Paris). */
  hotlineFirstResponseHours: number;
  /** ProConnect (or any OpenID Connect provider): null unless OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set. */
  oidc: OidcConfig | null;
  /** "Mes données": above this many rows or megabytes the archive is built in the background and its link sent (7 days). */
  exportSyncMaxRows: number;
  exportSyncMaxMb: number;
  /** Days the .eml copies of sent mail stay in MAIL_OUTBOX_DIR (0: kept forever). */
  mailOutboxRetentionDays: number;
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
    sqliteFile: path.join(dataDir, 'maillage.sqlite3'),
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
      windowSeconds: 15 * 60,
    },
    presenceGraceMs: Number(env.PRESENCE_GRACE_MS ?? 5000),
    messageRatePer10s: Number(env.MESSAGE_RATE_PER_10S ?? 30),
    presenceHeartbeatMs: Number(env.PRESENCE_HEARTBEAT_MS ?? 5000),
    presenceNodeTtlMs: Number(env.PRESENCE_NODE_TTL_MS ?? 20000),
    presenceSweepMs: Number(env.PRESENCE_SWEEP_MS ?? 10000),
    redisPrefix: env.REDIS_PREFIX ?? 'maillage:',
    nodeId: env.NODE_ID ?? `${os.hostname()}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`,
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
  };
}
