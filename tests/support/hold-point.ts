/**
 * A point where a transaction stops, uncommitted, until the test lets it go on. Negative controls
 * use it to force the interleaving that shows a race, instead of hoping timing produces it (which
 * under CI load it sometimes did not).
 */
export function holdPoint() {
  let arrive!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    /** Inside the transaction: marks the point reached and waits until released. */
    hold: async () => {
      arrive();
      await released;
    },
    /** Settles once the transaction has reached the point. */
    arrived,
    /** Lets the transaction go on. */
    release,
  };
}
