/**
 * A UserError is a problem with what the user gave us (a flag, a file, a
 * config field) or with the machine the run writes on (a full disk, a
 * read-only mount). The CLI prints its message on one line and exits with its
 * exitCode (2 unless a subclass says otherwise); anything else is a bug and
 * keeps its stack trace.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  readonly exitCode: number = 2;
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
