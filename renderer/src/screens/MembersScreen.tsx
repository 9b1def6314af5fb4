/**
 * Members: search (card number, name, phone, pinyin) with a results table, the member in detail,
 * selling a card to a new member, and for managers registering a card sold before, the CSV import
 * wizard and the CSV export.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { errorText } from '../errorText';
import { fmtDate } from '../format';
import { useOp } from '../query';
import { createScanListener } from '../scanner';
import { summaryOf, useMembers } from '../stores/members';
import { useNav } from '../stores/nav';
import { useCan } from '../stores/session';
import { toast } from '../stores/toast';
import { csvBlob, downloadBlob } from './members/files';
import { ImportWizard } from './members/ImportWizard';
import { MemberDetailPanel } from './members/MemberDetailPanel';
import { CardSaleDialog } from './members/CardSaleDialog';
import { MemberForm } from './members/MemberForm';
import { StateBadge } from './members/StateBadge';
import { StoredValueCheckDialog } from './members/StoredValueCheck';
import './MembersScreen.css';
import { PhoneText } from '../components/PhoneText';

const DEBOUNCE_MS = 120;

export default function MembersScreen() {
  const { t } = useTranslation();
  const uid = useId();
  const { query, results, searching, searchError, selectedId } = useMembers();
  const detailQuery = useOp('members.get', { id: selectedId ?? 0 }, { enabled: selectedId !== null });
  const detail = detailQuery.data ?? null;
  const { setQuery, search, select, setDetail } = useMembers.getState();
  const navParams = useNav((s) => s.params);
  const canCreate = useCan('members.create');
  const canSell = useCan('members.sell');
  const canImport = useCan('members.importPreview');
  const canExport = useCan('members.exportCsv');
  const canGet = useCan('members.get');
  const canSvCheck = useCan('storedValue.check');
  const [dialog, setDialog] = useState<'sell' | 'new' | 'import' | 'svCheck' | null>(null);
  const [exporting, setExporting] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // opened from elsewhere with a member to show
  useEffect(() => {
    const id = navParams.memberId;
    if (typeof id === 'number') useMembers.getState().select(id);
  }, [navParams]);

  useEffect(() => {
    const tm = timer;
    // a scanned card searches for that card and opens it
    const l = createScanListener(
      (code) => {
        const s = useMembers.getState();
        s.setQuery(code);
        void s.search(code).then((rows) => {
          const hit = rows.find((r) => r.cardNo.toLowerCase() === code.toLowerCase());
          if (hit) useMembers.getState().select(hit.id);
        });
      },
      { isScanField: (el) => el !== null && el === inputRef.current },
    );
    return () => {
      l.dispose();
      if (tm.current) clearTimeout(tm.current);
    };
  }, []);

  const onQuery = (q: string) => {
    setQuery(q);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void search(q), DEBOUNCE_MS);
  };

  const doExport = async () => {
    setExporting(true);
    try {
      const r = await call('members.exportCsv', {});
      downloadBlob(csvBlob(r.csv), r.filename);
      toast.ok(t('members.exported', { count: r.count, filename: r.filename }));
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  // the member shown in detail is fresh (a change anywhere): their row says the same
  const rows = (results?.rows ?? []).map((r) => (detail && r.id === detail.id ? summaryOf(detail) : r));
  const shownFor = results?.q ?? '';

  return (
    <div className="page members-page">
      <div className="page-header members-header">
        <h1>{t('members.title')}</h1>
        <div className="toolbar">
          {canSell && (
            <button type="button" className="btn btn-primary" onClick={() => setDialog('sell')}>
              {t('members.sell.button')}
            </button>
          )}
          {canCreate && (
            <button type="button" className="btn" onClick={() => setDialog('new')}>
              {t('members.new')}
            </button>
          )}
          {canImport && (
            <button type="button" className="btn" onClick={() => setDialog('import')}>
              {t('members.import.button')}
            </button>
          )}
          {canExport && (
            <button type="button" className="btn" disabled={exporting} onClick={() => void doExport()}>
              {t('members.export')}
            </button>
          )}
          {canSvCheck && (
            <button type="button" className="btn" onClick={() => setDialog('svCheck')}>
              {t('members.svCheck.button')}
            </button>
          )}
        </div>
      </div>

      <div className="members-search">
        <div className="field">
          <label htmlFor={`${uid}-q`}>{t('members.searchLabel')}</label>
          <input
            ref={inputRef}
            id={`${uid}-q`}
            type="search"
            autoFocus
            autoComplete="off"
            maxLength={100}
            placeholder={t('members.searchPlaceholder')}
            value={query}
            onChange={(e) => onQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                if (timer.current) clearTimeout(timer.current);
                void search(query).then((r) => {
                  const first =
                    r.length === 1
                      ? r[0]
                      : r.find((x) => x.cardNo.toLowerCase() === query.trim().toLowerCase());
                  if (first && canGet) select(first.id);
                });
              }
            }}
          />
        </div>
        <span className="muted members-count" aria-live="polite">
          {searching
            ? t('common.loading')
            : results
              ? t('members.found', { count: rows.length, q: shownFor })
              : t('members.typeToSearch')}
        </span>
      </div>
      {searchError !== null && (
        <div className="field-error" role="alert">
          {errorText(searchError)}
        </div>
      )}

      <div className={`members-main ${selectedId !== null ? 'with-detail' : ''}`}>
        <div className="members-results">
          {rows.length > 0 && (
            <table className="table members-table">
              <thead>
                <tr>
                  <th scope="col">{t('members.fields.cardNo')}</th>
                  <th scope="col">{t('members.fields.name')}</th>
                  <th scope="col">{t('members.fields.gender')}</th>
                  <th scope="col">{t('members.fields.phone')}</th>
                  <th scope="col">{t('members.fields.cardType')}</th>
                  <th scope="col">{t('members.expiryOrVisits')}</th>
                  <th scope="col">{t('members.fields.state')}</th>
                  <th scope="col">{t('members.inside')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr
                    key={m.id}
                    className={m.id === selectedId ? 'selected' : ''}
                    aria-selected={m.id === selectedId}
                    onClick={() => canGet && select(m.id)}
                  >
                    <td className="mono">{m.cardNo}</td>
                    <td>
                      {canGet ? (
                        <button
                          type="button"
                          className="link-button"
                          onClick={(e) => {
                            e.stopPropagation();
                            select(m.id);
                          }}
                        >
                          {m.name}
                        </button>
                      ) : (
                        m.name
                      )}
                    </td>
                    <td>{t(`common.${m.gender}`)}</td>
                    <td className="mono">
                      <PhoneText value={m.phone} />
                    </td>
                    <td>{m.cardTypeName}</td>
                    <td>
                      {m.cardKind === 'visits'
                        ? t('members.visitsLeftN', { count: m.visitsLeft ?? 0 })
                        : fmtDate(m.expiryDate)}
                    </td>
                    <td>
                      <StateBadge state={m.state} />
                    </td>
                    <td>
                      {m.inside ? <span className="badge badge-warn">{t('members.insideNow')}</span> : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {results && rows.length === 0 && !searching && (
            <p className="muted members-empty">{t('members.noneFound')}</p>
          )}
        </div>
        {selectedId !== null && (
          <div className="members-detail">
            {detail ? (
              <MemberDetailPanel member={detail} onChanged={setDetail} onClose={() => select(null)} />
            ) : detailQuery.isError ? (
              <div className="field-error" role="alert">
                {errorText(detailQuery.error)}
              </div>
            ) : (
              <p className="muted">{t('common.loading')}</p>
            )}
          </div>
        )}
      </div>

      {dialog === 'new' && (
        <MemberForm
          onClose={() => setDialog(null)}
          onSaved={(d) => {
            setDialog(null);
            setDetail(d);
            toast.ok(t('members.createdToast', { name: d.name, cardNo: d.cardNo }));
          }}
        />
      )}
      {dialog === 'sell' && (
        <CardSaleDialog
          onClose={() => setDialog(null)}
          onDone={(r) => {
            setDialog(null);
            setDetail(r.member);
          }}
        />
      )}
      {dialog === 'svCheck' && (
        <StoredValueCheckDialog
          onClose={() => setDialog(null)}
          onOpenMember={
            canGet
              ? (id) => {
                  setDialog(null);
                  select(id);
                }
              : undefined
          }
        />
      )}
      {dialog === 'import' && (
        <ImportWizard
          onClose={() => setDialog(null)}
          onImported={(count) => {
            toast.ok(t('members.import.imported', { count }));
            if (query.trim()) void search(query);
          }}
        />
      )}
    </div>
  );
}
