import { z } from 'zod';

/** Thrown instead of exiting when a caller (a test) asks for it. */
export class ConfigError extends Error {}

/**
 * Parses environment variables once, reporting every problem at the same time.
 * This is the only place in the hub that reads `process.env`.
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}

/** Reads a service's config or prints every problem and exits 1: for `main.ts` files. */
export function loadConfigOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** An optional string variable where an empty value means "not set". */
export const optionalString = z
  .string()
  .optional()
  .transform((value) => (value ? value : undefined));

/** A TCP port; 0 asks the system for a free one. */
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** The database settings every subgraph shares: a server URL, or else an embedded data folder. */
export const databaseEnv = {
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATA_DIR: z.string().default('.data'),
};
