/**
 * The handover book's figures: entries by kind and gender, visitors, phone inquiries, cards sold
 * (names and counts only; those sold at the desk also with what was paid), stored-value top-ups, bar sales by payment method, and the key tags
 * reconciled against the entries. Cash parts that are withheld before the blind count show as such.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DESK_PAYMENT_METHODS as TOPUP_METHODS,
  PAYMENT_METHODS as BAR_METHODS,
  VISIT_KINDS as KINDS,
  type CardSalesFigures,
  type HandoverBook,
} from '../../../../electron/core/contract';
import { fmtDateTime, fmtMoney } from '../../format';
import { placeLabel } from '../notes/util';

function Money({ cents }: { cents: number | null }) {
  const { t } = useTranslation();
  if (cents === null) return <span className="muted shift-hidden">{t('shift.book.hidden')}</span>;
  return <>{fmtMoney(cents)}</>;
}

export function EntriesTable({ book }: { book: HandoverBook }) {
  const { t } = useTranslation();
  const uid = useId();
  // Members imported without a gender are counted in a column of their own (books frozen before
  // the roster import have no such count).
  const unknown = (k: (typeof KINDS)[number]) => book.entries[k].unknown ?? 0;
  const anyUnknown = KINDS.some((k) => unknown(k) > 0);
  return (
    <table className="table shift-table" aria-labelledby={`${uid}-e`}>
      <caption id={`${uid}-e`}>{t('shift.book.entries')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('shift.book.kind')}</th>
          <th scope="col" className="num">
            {t('shift.book.men')}
          </th>
          <th scope="col" className="num">
            {t('shift.book.women')}
          </th>
          {anyUnknown && (
            <th scope="col" className="num">
              {t('shift.book.unknownGender')}
            </th>
          )}
          <th scope="col" className="num">
            {t('shift.book.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {KINDS.map((k) => (
          <tr key={k}>
            <th scope="row">{t(`shift.book.${k}`)}</th>
            <td className="num">{book.entries[k].male}</td>
            <td className="num">{book.entries[k].female}</td>
            {anyUnknown && <td className="num">{unknown(k)}</td>}
            <td className="num">{book.entries[k].male + book.entries[k].female + unknown(k)}</td>
          </tr>
        ))}
        <tr className="shift-total-row">
          <th scope="row">{t('shift.book.allEntries')}</th>
          <td className="num">{KINDS.reduce((s, k) => s + book.entries[k].male, 0)}</td>
          <td className="num">{KINDS.reduce((s, k) => s + book.entries[k].female, 0)}</td>
          {anyUnknown && <td className="num">{KINDS.reduce((s, k) => s + unknown(k), 0)}</td>}
          <td className="num">
            <strong>{book.entries.total}</strong>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

export function TagsSection({ book }: { book: HandoverBook }) {
  const { t } = useTranslation();
  const uid = useId();
  const tg = book.tags;
  return (
    <section className="shift-block" aria-labelledby={`${uid}-tags`}>
      <h3 id={`${uid}-tags`}>{t('shift.book.tags')}</h3>
      <dl className="shift-figures">
        <div>
          <dt>{t('shift.book.tagsIssued')}</dt>
          <dd data-testid="tags-issued">{tg.issued}</dd>
        </div>
        <div>
          <dt>{t('shift.book.entriesWithTag')}</dt>
          <dd data-testid="tags-entries">{tg.entriesWithTag}</dd>
        </div>
        <div>
          <dt>{t('shift.book.entriesWithoutTag')}</dt>
          <dd>{tg.entriesWithoutTag}</dd>
        </div>
        <div>
          <dt>{t('shift.book.stillOut')}</dt>
          <dd>{tg.stillOut.length}</dd>
        </div>
        <div>
          <dt>{t('shift.book.lost')}</dt>
          <dd>{tg.lost.length}</dd>
        </div>
      </dl>
      <p className={tg.match ? 'badge badge-ok' : 'badge badge-block'} role="status">
        {tg.match ? `✓ ${t('shift.book.tagsMatch')}` : `✗ ${t('shift.book.tagsMismatch')}`}
      </p>
      {tg.mismatches.length > 0 && (
        <table className="table shift-table" aria-labelledby={`${uid}-mm`}>
          <caption id={`${uid}-mm`}>{t('shift.book.mismatches')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shift.book.col.why')}</th>
              <th scope="col">{t('shift.book.col.who')}</th>
              <th scope="col">{t('shift.book.col.card')}</th>
              <th scope="col">{t('shift.book.col.since')}</th>
              <th scope="col">{t('shift.book.col.tags')}</th>
            </tr>
          </thead>
          <tbody>
            {tg.mismatches.map((m, i) => (
              <tr key={i}>
                <td>{t(`shift.book.mismatchReason.${m.reason}`)}</td>
                <td>
                  {m.name ?? '—'}
                  {m.kind && <span className="muted"> · {t(`shift.book.kinds.${m.kind}`)}</span>}
                </td>
                <td className="mono">{m.cardNo ?? '—'}</td>
                <td>{m.checkedInAt ? fmtDateTime(m.checkedInAt) : '—'}</td>
                <td className="mono">{m.tags.join(' → ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="shift-two">
        <table className="table shift-table" aria-labelledby={`${uid}-out`}>
          <caption id={`${uid}-out`}>{t('shift.book.stillOut')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shift.book.col.tag')}</th>
              <th scope="col">{t('shift.book.col.who')}</th>
              <th scope="col">{t('shift.book.col.since')}</th>
            </tr>
          </thead>
          <tbody>
            {tg.stillOut.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  {t('shift.book.none')}
                </td>
              </tr>
            )}
            {tg.stillOut.map((o) => (
              <tr key={o.tagNumber}>
                <td className="mono">{o.tagNumber}</td>
                <td>
                  {o.name} <span className="muted">· {t(`shift.book.kinds.${o.kind}`)}</span>
                </td>
                <td>{fmtDateTime(o.since)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table shift-table" aria-labelledby={`${uid}-lost`}>
          <caption id={`${uid}-lost`}>{t('shift.book.lost')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('shift.book.col.tag')}</th>
              <th scope="col">{t('shift.book.col.who')}</th>
              <th scope="col">{t('shift.book.col.at')}</th>
            </tr>
          </thead>
          <tbody>
            {tg.lost.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  {t('shift.book.none')}
                </td>
              </tr>
            )}
            {tg.lost.map((o) => (
              <tr key={`${o.visitId}`}>
                <td className="mono">{o.tagNumber}</td>
                <td>{o.name}</td>
                <td>{fmtDateTime(o.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Everything but the key tags. */
export function FiguresSection({ book }: { book: HandoverBook }) {
  const { t } = useTranslation();
  const uid = useId();
  const paid = BAR_METHODS.reduce<number | null>(
    (s, m) => (s === null || book.bar.byMethod[m] === null ? null : s + (book.bar.byMethod[m] ?? 0)),
    0,
  );
  return (
    <div className="shift-figures-grid">
      <section className="shift-block">
        <EntriesTable book={book} />
        <dl className="shift-figures">
          <div>
            <dt>{t('shift.book.visitors')}</dt>
            <dd data-testid="book-visitors">{book.visitors}</dd>
          </div>
          <div>
            <dt>{t('shift.book.inquiries')}</dt>
            <dd data-testid="book-inquiries">{book.phoneInquiries}</dd>
          </div>
        </dl>
      </section>
      <section className="shift-block" aria-labelledby={`${uid}-cards`}>
        <h3 id={`${uid}-cards`}>{t('shift.book.cardsSold')}</h3>
        {book.cardsSold.length === 0 ? (
          <p className="muted">{t('shift.book.noCards')}</p>
        ) : (
          <ul className="shift-list">
            {book.cardsSold.map((c) => (
              <li key={c.cardTypeId}>
                <span>
                  {c.cardTypeName}
                  {c.atDesk ? (
                    <span className="muted"> · {t('shift.book.cardsAtDesk', { count: c.atDesk })}</span>
                  ) : null}
                </span>
                <strong>{t('shift.book.cardsCount', { count: c.count })}</strong>
              </li>
            ))}
          </ul>
        )}
        {book.cardSales && book.cardSales.count > 0 && <CardSalesBlock sales={book.cardSales} />}
        <h3>{t('shift.book.topups')}</h3>
        <p>
          {t('shift.book.topupsCount', { count: book.topups.count })}
          {book.topups.totalCents !== null && <strong> · {fmtMoney(book.topups.totalCents)}</strong>}
        </p>
        <dl className="shift-figures small">
          {TOPUP_METHODS.map((m) => (
            <div key={m}>
              <dt>{t(`shift.book.methods.${m}`)}</dt>
              <dd>
                <Money cents={book.topups.byMethod[m]} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="shift-block" aria-labelledby={`${uid}-bar`}>
        <h3 id={`${uid}-bar`}>{t('shift.book.bar')}</h3>
        <dl className="shift-figures">
          <div>
            <dt>{t('shift.book.barSales')}</dt>
            <dd data-testid="bar-sales">{fmtMoney(book.bar.salesCents)}</dd>
          </div>
          <div>
            <dt>{t('shift.book.unpaidLeft')}</dt>
            <dd>{fmtMoney(book.bar.unpaidLeftCents)}</dd>
          </div>
        </dl>
        <h4>{t('shift.book.barPaid')}</h4>
        <dl className="shift-figures small">
          {BAR_METHODS.map((m) => (
            <div key={m}>
              <dt>{t(`shift.book.methods.${m}`)}</dt>
              <dd>
                <Money cents={book.bar.byMethod[m]} />
              </dd>
            </div>
          ))}
          <div>
            <dt>{t('shift.book.total')}</dt>
            <dd>
              <Money cents={paid} />
            </dd>
          </div>
        </dl>
        {book.bar.unpaidTabs.length > 0 && (
          <>
            <h4>{t('shift.book.unpaidTabs')}</h4>
            <ul className="shift-list">
              {book.bar.unpaidTabs.map((u) => (
                <li key={u.visitId}>
                  <span>
                    {u.tagNumber !== null && <span className="mono">#{u.tagNumber} </span>}
                    {u.name}
                  </span>
                  <strong>{fmtMoney(u.cents)}</strong>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

/** Cards sold at the desk: counts by kind, the money by method, and each sale (who, what, paid). */
function CardSalesBlock({ sales }: { sales: CardSalesFigures }) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <div data-testid="card-sales">
      <h3 id={`${uid}-cs`}>{t('shift.book.cardSales')}</h3>
      <p>
        {t('shift.book.cardSalesCount', { count: sales.count, ...sales.byKind })}
        {sales.totalCents !== null && <strong> · {fmtMoney(sales.totalCents)}</strong>}
      </p>
      <dl className="shift-figures small">
        {BAR_METHODS.map((m) => (
          <div key={m}>
            <dt>{t(`shift.book.methods.${m}`)}</dt>
            <dd>
              <Money cents={sales.byMethod[m]} />
            </dd>
          </div>
        ))}
      </dl>
      <ul className="shift-list" aria-labelledby={`${uid}-cs`}>
        {sales.list.map((r) => (
          <li key={r.entryId}>
            <span>
              {t(`shift.book.cardSaleKind.${r.kind}`)} · {r.name} <span className="mono">{r.cardNo}</span> ·{' '}
              {r.cardTypeName} × {r.quantity}
              <span className="muted">
                {' '}
                · {r.byName}
                {r.soldByName ? ` / ${r.soldByName}` : ''}
                {r.free && r.authorizedByName
                  ? ` · ${t('shift.book.cardSaleFree', { name: r.authorizedByName })}`
                  : ''}
              </span>
            </span>
            <strong>
              <Money cents={r.paidCents} />
            </strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Messages for staff not yet done and losses/repairs not fixed or written off at the end of the
 * window (books closed before the message book have neither: nothing is shown).
 */
export function StillOpenSection({ book }: { book: HandoverBook }) {
  const { t } = useTranslation();
  const uid = useId();
  if (!book.openMessages && !book.openRepairs) return null;
  const messages = book.openMessages ?? [];
  const repairs = book.openRepairs ?? [];
  if (messages.length === 0 && repairs.length === 0)
    // nothing open: one line, not two empty lists (the printed handover stays on one page)
    return (
      <section className="shift-still-open" aria-labelledby={`${uid}-o`} data-testid="book-still-open">
        <h3 id={`${uid}-o`}>{t('shift.book.stillOpen')}</h3>
        <p className="muted">{t('shift.opening.nothingOpen')}</p>
      </section>
    );
  return (
    <section className="shift-still-open" aria-labelledby={`${uid}-o`} data-testid="book-still-open">
      <h3 id={`${uid}-o`}>{t('shift.book.stillOpen')}</h3>
      <h4>
        {t('shift.opening.staffMessages')} <span className="badge badge-warn">{messages.length}</span>
      </h4>
      {messages.length === 0 ? (
        <p className="muted">{t('shift.opening.nothingOpen')}</p>
      ) : (
        <ul>
          {messages.map((m) => (
            <li key={m.id}>
              {fmtDateTime(m.takenAt)} → {m.toName}: {t(`notes.messages.sources.${m.source}`)} {m.fromName}
            </li>
          ))}
        </ul>
      )}
      <h4>
        {t('shift.opening.repairs')} <span className="badge badge-warn">{repairs.length}</span>
      </h4>
      {repairs.length === 0 ? (
        <p className="muted">{t('shift.opening.nothingOpen')}</p>
      ) : (
        <ul>
          {repairs.map((r) => (
            <li key={r.id}>
              {t(`notes.repairs.urgencies.${r.urgency}`)} · #{r.id} {r.what} ({placeLabel(r.place)}) —{' '}
              {t(`notes.repairs.status.${r.status}`)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function BookView({ book }: { book: HandoverBook }) {
  return (
    <div className="shift-book">
      <FiguresSection book={book} />
      <TagsSection book={book} />
      <StillOpenSection book={book} />
    </div>
  );
}
