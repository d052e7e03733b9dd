/**
 * A UserError is a problem with what the user gave us (a flag, a file, a
 * config field). The CLI prints its message on one line and exits with code 2;
 * anything else is a bug and keeps its stack trace.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
