import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './database';
import type { Mailer } from './mail';

/** What services need from the outside world; built once in createApp. */
export interface Deps {
  db: Db;
  config: Config;
  mailer: Mailer;
  log: Logger;
}
