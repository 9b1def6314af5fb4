/**
 * A printed report laid out as numbered A4 pages, the same in every print path: the browser's own
 * print (window.print), Electron's print dialog and its save-as-PDF (printToPDF). Chromium prints
 * neither CSS @page margin boxes nor counter(page) in the page's content, and printToPDF's
 * header/footer templates exist only for PDFs, so the pages are made here before printing: the
 * report's content (the source, as on screen) is cloned, block by block, into page boxes of
 * 210 × 297 mm, each with a running header and a footer "第 N 页 / 共 M 页". A block that does not fit
 * on the rest of a page is split where it can be — a section or list by its children, a table by its
 * rows with its caption and head repeated — or moves whole to the next page (an element marked
 * `data-print-keep`, a paragraph, a row, a heading — a heading never ends a page). When only a little
 * would spill onto the last page, the type is made a little smaller so that it does not ("no
 * near-empty last page").
 *
 * The page boxes live in a container that is empty on screen; print CSS shows them instead of the
 * source while they exist (components/PagedReport.tsx, styles.css `.print-pages`).
 */

/** Fill of the last page below which a smaller type is tried (a near-empty last page). */
const NEAR_EMPTY = 0.34;
/**
 * Room kept free at the foot of every page, in CSS px (5 mm): Chromium lays text out for the printer
 * without the screen's hinting, so printed lines can come out a little taller than measured.
 */
const SLACK = 19;
/**
 * The type scales tried, largest first. The floor is 85% (body 8.5 pt, small labels about 7 pt):
 * at 76% the labels printed at 6.5 pt, too small to read on paper, so a second page is accepted
 * instead.
 */
const SCALES = [1, 0.94, 0.88, 0.85] as const;

export interface PageParts {
  /** The running header of every page (cloned). */
  header: HTMLElement;
  /** The footer's words for page n of total. */
  pageLabel: (n: number, total: number) => string;
  /** Words at the left of every footer (the report's name). */
  footerNote?: string;
}

/** Asks the open report to lay itself out as pages (before Electron prints: no beforeprint there). */
export const PAGINATE_EVENT = 'fd:paginate';
/** The printing is over: the pages go. */
export const UNPAGINATE_EVENT = 'fd:unpaginate';

const SPLITTABLE = new Set(['SECTION', 'ARTICLE', 'DIV', 'TABLE', 'TBODY', 'UL', 'OL', 'DL', 'HEADER']);
const REPEATED = new Set(['CAPTION', 'THEAD', 'COLGROUP']);

function isHeading(n: Node | null): n is HTMLElement {
  return n instanceof HTMLElement && /^H[1-6]$/.test(n.tagName);
}

/** A clone without ids or test ids (the source keeps those; the pages are a copy for the printer). */
function cleanClone<T extends Node>(n: T, deep: boolean): T {
  const c = n.cloneNode(deep) as T;
  if (c instanceof Element) {
    for (const e of [c, ...c.querySelectorAll('[id], [data-testid]')]) {
      e.removeAttribute('id');
      e.removeAttribute('data-testid');
    }
  }
  return c;
}

/** The element without its children, but with what repeats on every page (a table's caption and head). */
function shell(el: Element): Element {
  const s = cleanClone(el, false);
  for (const child of el.children) if (REPEATED.has(child.tagName)) s.append(cleanClone(child, true));
  return s;
}

class Pager {
  readonly pages: HTMLElement[] = [];
  private body!: HTMLElement;
  private box!: HTMLElement;
  /** The source elements being split, outermost first, and their shells on the current page. */
  private readonly chain: Element[] = [];
  private open: Element[] = [];
  private placed = 0;

  constructor(
    private readonly target: HTMLElement,
    private readonly parts: PageParts,
    /** The source's classes, on every page's body: the report's own rules apply to the copy. */
    private readonly bodyClass: string,
  ) {
    this.newPage();
  }

  private newPage(): void {
    const page = document.createElement('div');
    page.className = 'print-page';
    const head = cleanClone(this.parts.header, true);
    head.classList.add('print-page-head');
    const box = document.createElement('div');
    box.className = 'print-page-box';
    // the content's own height (the box's scrollHeight would never be below its height)
    const body = document.createElement('div');
    body.className = `print-page-body ${this.bodyClass}`;
    box.append(body);
    const foot = document.createElement('div');
    foot.className = 'print-page-foot';
    const note = document.createElement('span');
    note.textContent = this.parts.footerNote ?? '';
    const num = document.createElement('span');
    num.className = 'print-page-no';
    foot.append(note, num);
    page.append(head, box, foot);
    this.target.append(page);
    this.pages.push(page);
    this.body = body;
    this.box = box;
    this.placed = 0;
    // the elements being split open again on the new page
    let parent: Element = body;
    this.open = [];
    for (const src of this.chain) {
      const s = shell(src);
      s.classList.add('print-continued');
      parent.append(s);
      this.open.push(s);
      parent = s;
    }
  }

  private get parent(): Element {
    return this.open[this.open.length - 1] ?? this.body;
  }

  private fits(): boolean {
    return this.body.offsetHeight <= this.box.clientHeight - SLACK;
  }

  place(node: Node): void {
    if (node.nodeType === Node.TEXT_NODE && !node.textContent?.trim()) return;
    if (node.nodeType !== Node.TEXT_NODE && !(node instanceof HTMLElement)) return;
    if (node instanceof HTMLElement && (node.hidden || node.matches('.no-print, button, form'))) return;
    const clone = cleanClone(node, true);
    this.parent.append(clone);
    if (this.fits()) {
      this.placed += 1;
      return;
    }
    this.parent.removeChild(clone);
    if (
      node instanceof HTMLElement &&
      SPLITTABLE.has(node.tagName) &&
      !node.hasAttribute('data-print-keep')
    ) {
      const s = shell(node);
      this.parent.append(s);
      this.chain.push(node);
      this.open.push(s);
      for (const child of node.childNodes) {
        if (child instanceof Element && REPEATED.has(child.tagName)) continue;
        this.place(child);
      }
      this.chain.pop();
      this.open.pop();
      return;
    }
    if (this.placed === 0) {
      // taller than a whole page: it stays here (cut at the page's end) rather than loop
      this.parent.append(clone);
      this.placed += 1;
      return;
    }
    // a heading never ends a page: it goes over with what follows it
    // (unless it is all this page holds: then it stays, or the two would never fit anywhere).
    // What follows may be a block being split whose shell was opened empty here: the heading is
    // then the one just before that (outermost) empty shell.
    let k = this.open.length;
    while (k > 0 && !this.open[k - 1]!.textContent?.trim()) k -= 1;
    const before = k < this.open.length ? this.open[k]!.previousSibling : this.parent.lastChild;
    const carried = isHeading(before) && this.placed > 1 ? before : null;
    carried?.remove();
    this.newPage();
    if (carried) {
      const at = this.open[k];
      if (at) at.before(carried);
      else this.parent.append(carried);
      this.placed += 1;
    }
    this.place(node);
  }

  /** How full the last page's body is, 0–1. */
  lastFill(): number {
    const room = this.box.clientHeight;
    return room > 0 ? this.body.offsetHeight / room : 1;
  }

  /** Empty shells left where a split started at a page's end. */
  prune(): void {
    for (const page of this.pages) {
      for (const el of [...page.querySelectorAll('.print-page-body *')].reverse()) {
        if (el.childNodes.length === 0 && SPLITTABLE.has(el.tagName) && !el.hasAttribute('data-print-keep'))
          el.remove();
        else if (el.tagName === 'TABLE' && !el.querySelector('tbody tr, tfoot tr')) el.remove();
      }
    }
  }
}

/**
 * Lays the source's content out as numbered pages in `target` (emptied first); returns the number
 * of pages. The source's children are the blocks, in order.
 */
export function paginate(source: HTMLElement, target: HTMLElement, parts: PageParts): number {
  let best: { scale: number; pages: number } | null = null;
  for (const scale of SCALES) {
    target.replaceChildren();
    target.style.setProperty('--print-scale', String(scale));
    const pager = new Pager(target, parts, source.className);
    for (const child of source.childNodes) pager.place(child);
    pager.prune();
    const pages = pager.pages.length;
    if (!best || pages < best.pages) best = { scale, pages };
    if (pages === 1 || pager.lastFill() >= NEAR_EMPTY) break;
  }
  if (best && target.style.getPropertyValue('--print-scale') !== String(best.scale)) {
    // a smaller type did not save a page: back to the one that gave the fewest pages
    target.replaceChildren();
    target.style.setProperty('--print-scale', String(best.scale));
    const pager = new Pager(target, parts, source.className);
    for (const child of source.childNodes) pager.place(child);
    pager.prune();
  }
  const pages = [...target.querySelectorAll<HTMLElement>('.print-page')];
  pages.forEach((p, i) => {
    const no = p.querySelector('.print-page-no');
    if (no) no.textContent = parts.pageLabel(i + 1, pages.length);
  });
  return pages.length;
}
