import type { Config } from './config.js';
import type { Db } from './db/index.js';
import type { Logger } from './log.js';
import type { PageCache } from './page-cache.js';

/** What the composition root hands to every module when it registers its routes and pages. */
export interface ModuleContext {
  config: Config;
  db: Db;
  logger: Logger;
  /** Rendered anonymous pages; cleared whenever the catalogue generation moves. */
  pageCache: PageCache;
}
