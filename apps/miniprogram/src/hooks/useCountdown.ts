import { useEffect, useState } from 'react';
import { secondsLeft } from '../logic/countdown';

/** Seconds left until `until` (epoch ms), ticking every second; 0 when there is none. */
export function useCountdown(until: number | null, now: () => number = Date.now): number {
  const [left, setLeft] = useState(() => secondsLeft(until, now()));
  useEffect(() => {
    setLeft(secondsLeft(until, now()));
    if (until === null) return undefined;
    const timer = setInterval(() => {
      const next = secondsLeft(until, now());
      setLeft(next);
      if (next === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until, now]);
  return left;
}
