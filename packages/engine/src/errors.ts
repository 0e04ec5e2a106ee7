/**
 * Every failure the engine reports on purpose. Callers (the API, the CLI) map the code to a
 * user-facing problem; the message is already written for a person.
 */
export type EngineErrorCode =
  | 'invalid_argument'
  | 'empty_input'
  | 'shape_mismatch'
  | 'schema_mismatch'
  | 'not_fitted'
  | 'degenerate_data'
  | 'invalid_rule'
  | 'invalid_model';

export class EngineError extends Error {
  override readonly name = 'EngineError';

  /**
   * @param code - stable machine-readable reason
   * @param message - what went wrong, naming the offending field or value
   * @param path - the field path the error is about, when there is one (e.g. `['k']`)
   */
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly path: readonly (string | number)[] = [],
  ) {
    super(message);
  }
}

/** Throws an `invalid_argument` error about `field` unless `condition` holds. */
export function requireArgument(
  condition: boolean,
  field: string,
  message: string,
): asserts condition {
  if (!condition) throw new EngineError('invalid_argument', `${field}: ${message}`, [field]);
}
