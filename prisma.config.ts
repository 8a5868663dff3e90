import { defineConfig } from 'prisma/config';

// Prisma's own command line (generate; migrate where its schema engine can run). The app gets
// its connection from lib/env.ts; this file is read by the CLI only.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/placedesreseaux' },
});
