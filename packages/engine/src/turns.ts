/**
 * A function to call often during long synchronous work (a k-means fit, network training):
 * it gives the event loop a turn once `everyMs` have passed since the last, so a server
 * doing the work keeps answering requests and progress keeps being reported, at the cost
 * of one resolved promise per call otherwise.
 */
export function createTurnTaker(everyMs = 50): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}
