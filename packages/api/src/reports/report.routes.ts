import type { AppDeps } from '../http/app-deps.ts';
import { createRouter } from '../http/route.ts';

export function reportRoutes(_deps: AppDeps) {
  return createRouter();
}
