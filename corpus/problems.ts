/**
 * Problems are data, not logs (vfile style): a rule id, where, and "unexpected X, expected Y".
 * A RejectError carries one up to the batch runner, which records the input as rejected-with-reason.
 */
export interface Problem {
  /** Stable rule id, e.g. `decode/binary`, `split/no-text`, `header/none`. */
  rule: string;
  /** Human message naming what was found and what was expected. */
  message: string;
  /** Byte offset in the file (decode problems) or character offset in the decoded text. */
  offset?: number;
}

/** A problem that does not stop the input, recorded on the document it concerns; `page` for PDFs. */
export interface Warning extends Problem {
  page?: number;
}

export class RejectError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = 'RejectError';
  }
}

export function reject(rule: string, message: string, where: { offset?: number } = {}): never {
  throw new RejectError({ rule, message, ...where });
}

/** The reason written to `rejected[]` and stderr: "<rule>: <message> (byte N)". */
export function describeProblem(p: Problem): string {
  const at = p.offset !== undefined ? ` (byte ${p.offset})` : '';
  return `${p.rule}: ${p.message}${at}`;
}
