/**
 * A running sum with Neumaier's compensation: the rounding error of each addition is kept and
 * added back at the end, so the result is (nearly always) the correctly rounded sum whatever
 * the order of the terms. Two sums of the same amounts taken in different orders — purchases
 * and the returns of every one of them — then come out equal, where plain `+=` can leave
 * them a few units in the last place apart (7.6000000000000005 against 7.6). simple-statistics'
 * `sum` does the same over an array; this one takes the terms one at a time.
 *
 * @example
 * const total = new CompensatedSum();
 * for (const amount of [0.1, 0.2, 0.3]) total.add(amount);
 * total.value(); // 0.6 (plain += gives 0.6000000000000001)
 */
export class CompensatedSum {
  #sum = 0;
  #compensation = 0;

  add(term: number): void {
    const next = this.#sum + term;
    // The low-order bits lost by `next`: of the term when the sum is larger, else of the sum.
    this.#compensation +=
      Math.abs(this.#sum) >= Math.abs(term) ? this.#sum - next + term : term - next + this.#sum;
    this.#sum = next;
  }

  value(): number {
    return this.#sum + this.#compensation;
  }

  reset(): void {
    this.#sum = 0;
    this.#compensation = 0;
  }
}
