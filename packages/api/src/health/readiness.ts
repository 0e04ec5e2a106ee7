/**
 * The readiness flag the main job sets once first-start work (imports, training) is done;
 * `/readyz` reports not-ready until then.
 */
export interface Readiness {
  isReady(): boolean;
  /** Why the service is not ready (empty when ready). */
  reason(): string;
  markReady(): void;
  markNotReady(reason: string): void;
}

export function createReadiness(initialReason = 'starting'): Readiness {
  let ready = false;
  let why = initialReason;
  return {
    isReady: () => ready,
    reason: () => (ready ? '' : why),
    markReady() {
      ready = true;
      why = '';
    },
    markNotReady(reason) {
      ready = false;
      why = reason;
    },
  };
}
