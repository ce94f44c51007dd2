import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/registry/db/schema.ts',
  out: './migrations',
  schemaFilter: ['registry'],
});
