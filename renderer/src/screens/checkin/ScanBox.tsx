/**
 * The big scan / search field: a scanner types a card number into it (or anywhere on the screen);
 * a person types a name, phone, card number or pinyin initials and picks from the list that appears
 * as they type (arrow keys + Enter, or a click). Enter acts only on a row chosen with the arrow
 * keys, a complete card number, or an issued key tag's number (offered as a check-out): see
 * enterDecision.ts.
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
import type { InsideVisit, MemberSummary } from '../../../../electron/core/contract';
import { errorText } from '../../errorText';
import { fmtDate } from '../../format';
import { looksLikeCardNo } from '../../scanner';
import { decideEnter, tagOffer } from './enterDecision';
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
  /** Who is inside (a typed key-tag number offers their check-out). */
  inside: readonly InsideVisit[];
  /** Enter on an issued key tag's number. */
  onTag(tagNumber: number): void;
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
  /** Enter found nothing to act on: the list asks to choose a row with the arrow keys. */
  const [askChoose, setAskChoose] = useState(false);
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
    setAskChoose(false);
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
    setAskChoose(false);
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
    const tag = tagOffer(v, props.inside);
    const rows0 = results?.q === v ? results.rows : null;
    let action = decideEnter({ text: v, rows: rows0, chosen: hi, tag });
    if (action.do === 'search') {
      if (timer.current) clearTimeout(timer.current);
      action = decideEnter({ text: v, rows: await search(v), chosen: -1, tag });
    }
    switch (action.do) {
      case 'empty':
        props.onEmptyEnter();
        return;
      case 'pick':
        pick(action.member);
        return;
      case 'card':
        clear();
        props.onCard(action.cardNo);
        return;
      case 'checkoutTag':
        clear();
        props.onTag(action.tagNumber);
        return;
      case 'search':
      case 'choose':
        setAskChoose(true);
        return;
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
  const offer = tagOffer(q, props.inside);
  const open = q.trim() !== '' && (rows !== null || offer !== null);
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
        {offer && (
          <li className="scanbox-offer" role="presentation" data-testid="tag-offer">
            {t('checkin.scanSafety.tagOffer', { tag: offer.tagNumber ?? '', name: offer.name })}
          </li>
        )}
        {open && askChoose && rows !== null && rows.length > 0 && !offer && (
          <li className="scanbox-choose" role="presentation" data-testid="choose-hint">
            {t('checkin.scanSafety.chooseRow')}
          </li>
        )}
        {open && rows !== null && rows.length === 0 && !offer && (
          <li className="scanbox-none" role="presentation">
            {looksLikeCardNo(q) && q.trim().length >= 4 ? t('checkin.noMatchCard') : t('checkin.noMatch')}
          </li>
        )}
        {open &&
          rows?.map((m, i) => (
            <li
              key={m.id}
              id={`${uid}-opt-${i}`}
              role="option"
              aria-selected={i === hi}
              className={i === hi ? 'scanbox-opt active' : 'scanbox-opt'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(m)}
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
              {m.inside && <span className="badge badge-muted">{t('members.insideNow')}</span>}
            </li>
          ))}
      </ul>
    </div>
  );
});
