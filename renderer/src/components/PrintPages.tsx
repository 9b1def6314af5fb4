/**
 * Numbered A4 pages for a printed report (./paginate.ts): put it next to the report's content and
 * give it that content's element. While printing — the browser's beforeprint, or PAGINATE_EVENT that
 * printReport sends before Electron prints — the content is laid out as pages with the running
 * header and "第 N 页 / 共 M 页"; print CSS shows the pages instead of the content; afterwards they go.
 */
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { paginate, PAGINATE_EVENT, UNPAGINATE_EVENT } from './paginate';
import './PrintPages.css';

export function PrintPages(props: {
  /** The report's content: its children are the blocks laid out on the pages. */
  source: RefObject<HTMLElement | null>;
  /** The running header of every page. */
  header: ReactNode;
  /** Before the pages are made (e.g. the "printed at" time set to now). */
  before?: () => void;
}) {
  const { t } = useTranslation();
  const target = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const before = useRef(props.before);
  useEffect(() => {
    before.current = props.before;
  });
  const { source } = props;
  useEffect(() => {
    const make = () => {
      if (before.current) flushSync(before.current);
      if (!source.current || !target.current || !head.current) return;
      paginate(source.current, target.current, {
        header: head.current,
        pageLabel: (n, total) => t('common.print.page', { n, total }),
      });
    };
    const clear = () => target.current?.replaceChildren();
    window.addEventListener('beforeprint', make);
    window.addEventListener(PAGINATE_EVENT, make);
    window.addEventListener('afterprint', clear);
    window.addEventListener(UNPAGINATE_EVENT, clear);
    return () => {
      window.removeEventListener('beforeprint', make);
      window.removeEventListener(PAGINATE_EVENT, make);
      window.removeEventListener('afterprint', clear);
      window.removeEventListener(UNPAGINATE_EVENT, clear);
    };
  }, [source, t]);
  return (
    <>
      <div ref={head} className="print-running" aria-hidden="true">
        {props.header}
      </div>
      <div ref={target} className="print-pages" aria-hidden="true" />
    </>
  );
}
