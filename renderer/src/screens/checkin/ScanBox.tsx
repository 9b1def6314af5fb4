/**
 * The big scan / search field: a scanner types a card number into it (or anywhere on the screen);
 * a person types a name, phone, card number or pinyin initials and picks from the list that appears
 * as they type (arrow keys + Enter, or a click).
 */
import {
  forwardRef,
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { MemberSummary } from '../../../../electron/core/contract';
import { errorText } from '../../errorText';
import { fmtDate } from '../../format';
import { looksLikeCardNo } from '../../scanner';
import { StateBadge } from '../members/StateBadge';
import { PhoneText } from '../../components/PhoneText';

export interface ScanBoxHandle {
  focus(): void;
  clear(): void;
  input(): HTMLInputElement | null;
}

export interface ScanBoxProps {
  disabled?: boolean;
  /** A card number to check in (typed + Enter, or an exact card-number match). */
  onCard(cardNo: string): void;
  /** A member picked from the search results. */
  onPick(m: MemberSummary): void;
  /** Enter on the empty field. */
  onEmptyEnter(): void;
}

const DEBOUNCE_MS = 120;
const LIMIT = 8;

export const ScanBox = forwardRef<ScanBoxHandle, ScanBoxProps>(function ScanBox(props, ref) {
  const { t } = useTranslation();
  const uid = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [results, setResults] = useState<{ q: string; rows: MemberSummary[] } | null>(null);
  const [hi, setHi] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const cancelSearch = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    seq.current++;
  };

  const clear = () => {
    cancelSearch();
    setQ('');
    setResults(null);
    setHi(-1);
    setError(null);
  };

  useImperativeHandle(ref, () => ({
    focus: () => inputRef.current?.focus(),
    clear,
    input: () => inputRef.current,
  }));

  useEffect(() => {
    const tm = timer;
    return () => {
      if (tm.current) clearTimeout(tm.current);
    };
  }, []);

  const search = async (text: string): Promise<MemberSummary[]> => {
    const my = ++seq.current;
    try {
      const rows = await call('members.search', { q: text, limit: LIMIT });
      if (my === seq.current) {
        setResults({ q: text, rows });
        setError(null);
      }
      return rows;
    } catch (e) {
      if (my === seq.current) setError(errorText(e));
      return [];
    }
  };

  const onChange = (text: string) => {
    setQ(text);
    setHi(-1);
    if (timer.current) clearTimeout(timer.current);
    const v = text.trim();
    if (!v) {
      seq.current++;
      setResults(null);
      return;
    }
    timer.current = setTimeout(() => void search(v), DEBOUNCE_MS);
  };

  const pick = (m: MemberSummary) => {
    clear();
    props.onPick(m);
  };

  const onEnter = async () => {
    const v = q.trim();
    if (!v) {
      props.onEmptyEnter();
      return;
    }
    const rows0 = results?.q === v ? results.rows : null;
    if (hi >= 0 && rows0 && rows0[hi]) {
      pick(rows0[hi]);
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    const rows = rows0 ?? (await search(v));
    const exact = rows.find((r) => r.cardNo.toLowerCase() === v.toLowerCase());
    if (exact) {
      clear();
      props.onCard(exact.cardNo);
    } else if (looksLikeCardNo(v) && rows.length === 0) {
      clear();
      props.onCard(v);
    } else if (rows.length === 1 && rows[0]) {
      pick(rows[0]);
    } else if (rows.length > 1) {
      setHi(0);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const rows = results?.rows ?? [];
    if (e.key === 'ArrowDown' && rows.length > 0) {
      e.preventDefault();
      setHi((h) => (h + 1) % rows.length);
    } else if (e.key === 'ArrowUp' && rows.length > 0) {
      e.preventDefault();
      setHi((h) => (h <= 0 ? rows.length - 1 : h - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void onEnter();
    } else if (e.key === 'Escape') {
      if (q) {
        e.preventDefault();
        clear();
      }
    }
  };

  const rows = results && results.q === q.trim() ? results.rows : null;
  const open = q.trim() !== '' && rows !== null;
  const listId = `${uid}-list`;

  return (
    <div className="scanbox">
      <label htmlFor={`${uid}-q`} className="scanbox-label">
        {t('checkin.scanLabel')}
      </label>
      <input
        ref={inputRef}
        id={`${uid}-q`}
        className="scanbox-input"
        type="text"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        maxLength={100}
        placeholder={t('checkin.scanPlaceholder')}
        value={q}
        disabled={props.disabled}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hi >= 0 ? `${uid}-opt-${hi}` : undefined}
      />
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      <ul
        id={listId}
        role="listbox"
        aria-label={t('checkin.results')}
        className="scanbox-list"
        hidden={!open}
      >
        {open && rows.length === 0 && (
          <li className="scanbox-none" role="presentation">
            {looksLikeCardNo(q) ? t('checkin.noMatchCard') : t('checkin.noMatch')}
          </li>
        )}
        {open &&
          rows.map((m, i) => (
            <li
              key={m.id}
              id={`${uid}-opt-${i}`}
              role="option"
              aria-selected={i === hi}
              className={i === hi ? 'scanbox-opt active' : 'scanbox-opt'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(m)}
              onMouseEnter={() => setHi(i)}
            >
              <span className="opt-name">{m.name}</span>
              <span className="opt-card">{m.cardNo}</span>
              <PhoneText className="opt-phone muted" value={m.phone} empty="" />
              <span className="opt-type muted">
                {m.cardTypeName} ·{' '}
                {m.cardKind === 'visits'
                  ? t('checkin.visitsN', { count: m.visitsLeft ?? 0 })
                  : fmtDate(m.expiryDate)}
              </span>
              <StateBadge state={m.state} />
              {m.inside && <span className="badge badge-warn">{t('members.insideNow')}</span>}
            </li>
          ))}
      </ul>
    </div>
  );
});
