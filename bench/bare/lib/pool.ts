import pg from 'pg';

// The reference for the write benchmarks: a route handler that does nothing but the app's SQL,
// on a pool of the app's size. What Next itself costs per write, measured on this machine.
let pool: pg.Pool | undefined;

export function db(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  return pool;
}
