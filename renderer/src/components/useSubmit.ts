import { useCallback, useState } from 'react';
import { errorText } from '../errorText';

/**
 * The state of a form that does one call when submitted: `busy` while it runs, the `error` line
 * below the form, and `tried` (the user has pressed submit once: show what is missing).
 *
 * `run(fn)` marks the form busy and clears the error; if `fn` throws, the error line says why
 * (`errorText`, or what `onError` returns, null for no line). A dialog closes itself inside `fn`.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const run = useCallback(
    async (fn: () => Promise<unknown>, onError?: (e: unknown) => string | null): Promise<void> => {
      setBusy(true);
      setError(null);
      try {
        await fn();
      } catch (e) {
        setError(onError ? onError(e) : errorText(e));
      } finally {
        setBusy(false);
      }
    },
    [],
  );
  return { busy, error, setError, tried, setTried, run };
}
