import { z, type JobHandler } from '@tagwise/api';

/** Lets a test release the steps of a gated `test-steps` job one at a time. */
export class StepGate {
  readonly #released = new Map<string, number>();
  readonly #waiters = new Map<string, () => void>();

  /** Allows one more step of the job. */
  release(jobId: string): void {
    this.#released.set(jobId, (this.#released.get(jobId) ?? 0) + 1);
    this.#waiters.get(jobId)?.();
  }

  /** Resolves once step `step` (1-based) of the job has been released. */
  async wait(jobId: string, step: number): Promise<void> {
    while ((this.#released.get(jobId) ?? 0) < step) {
      await new Promise<void>((resolve) => this.#waiters.set(jobId, resolve));
    }
  }
}

export const stepGate = new StepGate();

/**
 * A test-only job: `steps` steps of `stepMs` (or, when `gated`, each step waits for
 * `stepGate.release`), reporting progress after each.
 */
export const stepsJob: JobHandler<{ steps: number; stepMs: number; gated?: boolean }> = {
  kind: 'test-steps',
  description: 'test only: sleeps in steps and reports progress',
  roles: ['admin', 'analyst'],
  params: z.object({
    steps: z.number().int().min(1),
    stepMs: z.number().int().min(0),
    gated: z.boolean().optional(),
  }),
  async run(context) {
    const { steps, stepMs, gated } = context.params;
    for (let step = 1; step <= steps; step++) {
      if (gated === true) await stepGate.wait(context.job.id, step);
      else await new Promise((resolve) => setTimeout(resolve, stepMs));
      context.throwIfCancelled();
      await context.progress(step / steps, `step ${step} of ${steps}`);
    }
    return { result: { steps }, message: `${steps} steps done` };
  },
};
