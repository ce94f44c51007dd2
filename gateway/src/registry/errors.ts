/**
 * A refusal the caller can act on: an HTTP status, a stable code for scripts (COMPOSITION_FAILED, FORBIDDEN, ...),
 * a message saying what to do, and details such as the composition errors.
 */
export class RegistryError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toJSON() {
    return { code: this.code, message: this.message, ...this.details };
  }
}
