import { Counter } from 'prom-client';
import type { DatabaseHandle } from '../db.js';
import type { ServiceMetrics } from './metrics.js';

/**
 * Database use as far as it can be read honestly: neither postgres.js nor PGlite reports its pool (open, busy or
 * waiting connections), so this counts the SQL statements the service sent, from the handle's statement counter.
 */
export function observeDatabase(metrics: ServiceMetrics, database: DatabaseHandle) {
  new Counter({
    name: 'vo_db_statements_total',
    help:
      `SQL statements sent to the service's database (${database.kind}). Neither postgres.js nor PGlite exposes ` +
      'pool statistics (open, busy or waiting connections), so pool use is not reported; rate() of this shows the load.',
    registers: [metrics.registry],
    collect() {
      this.reset();
      this.inc(database.statements.count);
    },
  });
}
