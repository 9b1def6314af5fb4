/**
 * The drink bar, and the pro shop (专卖区) at the desk: the same screen at the sales point of the
 * role (bar staff the bar, reception the shop; shift leads and managers switch). "Sell": open a member's tab by tag number (or a card scan anywhere on the screen),
 * put a slip together from the quick-pick grid and save it; correct or void lines. "Stock": the
 * items with their stock, deliveries, and (for bar staff and managers) adding and editing items.
 * "Stocktake": count every item and record the differences. Free water is one tap from anywhere.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BarReport } from '../../../electron/core/contract';
import { TabPanel, Tabs } from '../components/Tabs';
import { errorText } from '../errorText';
import { clubToday } from '../format';
import { updateOpData, useOp } from '../query';
import { createScanListener } from '../scanner';
import { useBar, useSalesPoint } from '../stores/bar';
import { useCan } from '../stores/session';
import { toast } from '../stores/toast';
import { SellPanel, type SellPanelHandle } from './bar/SellPanel';
import { StockPanel } from './bar/StockPanel';
import { StocktakePanel } from './bar/StocktakePanel';
import './BarScreen.css';

type Section = 'sell' | 'stock' | 'stocktake';

const waterOf = (r: BarReport) => r.water;

/** Whether a dialog is open (then a scan is not ours to take). */
const dialogOpen = () => document.querySelector('[role="dialog"]') !== null;

export default function BarScreen() {
  const { t } = useTranslation();
  const uid = useId();
  const canStocktake = useCan('bar.stocktake');
  const { point, points } = useSalesPoint();
  // free water is served in the bar area
  const canWater = useCan('bar.water') && point === 'bar';
  const canReport = useCan('bar.report');
  const today = clubToday();
  // today's free water: from today's report for those who may see it (the bar's changes refresh
  // it), else as the last tap answered
  const reportWater = useOp(
    'bar.report',
    { from: today, to: today },
    { enabled: canReport, live: ['bar.'], select: waterOf },
  ).data;
  const tapped = useBar((s) => s.waterToday);
  const waterToday = reportWater ?? tapped;
  const sections: Section[] = ['sell', 'stock'];
  if (canStocktake) sections.push('stocktake');
  const [section, setSection] = useState<Section>('sell');
  const current = sections.includes(section) ? section : 'sell';
  const [waterBusy, setWaterBusy] = useState(false);
  const sell = useRef<SellPanelHandle>(null);
  const pendingCard = useRef<string | null>(null);

  // a card scanned anywhere on the screen opens that member's tab
  const onScan = useRef<(code: string) => void>(() => undefined);
  useLayoutEffect(() => {
    onScan.current = (code: string) => {
      if (sell.current) sell.current.openCard(code);
      else {
        pendingCard.current = code;
        setSection('sell');
      }
    };
  });
  useEffect(() => {
    const l = createScanListener((code) => onScan.current(code), {
      isScanField: (el) => el !== null && el === sell.current?.tagInput(),
      enabled: () => !dialogOpen(),
    });
    return () => l.dispose();
  }, []);

  const onSellReady = useCallback((h: SellPanelHandle | null) => {
    sell.current = h;
    if (h && pendingCard.current) {
      const code = pendingCard.current;
      pendingCard.current = null;
      h.openCard(code);
    }
  }, []);

  const water = async () => {
    setWaterBusy(true);
    try {
      const n = await useBar.getState().water();
      updateOpData('bar.report', { from: today, to: today }, (r) => ({ ...r, water: n }));
      toast.ok(t('bar.waterDone', { count: n }));
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setWaterBusy(false);
    }
  };

  return (
    <div className="page bar-page">
      <div className="page-header bar-header">
        <h1>{point === 'bar' ? t('bar.title') : t('bar.points.shop')}</h1>
        {points.length > 1 && (
          <div className="bar-points" role="group" aria-label={t('bar.pointLabel')}>
            {points.map((p) => (
              <button
                key={p}
                type="button"
                className={p === point ? 'btn btn-primary' : 'btn'}
                aria-pressed={p === point}
                onClick={() => useBar.getState().setPoint(p)}
              >
                {t(`bar.points.${p}`)}
              </button>
            ))}
          </div>
        )}
        <Tabs
          id={uid}
          tabs={sections}
          current={current}
          onSelect={setSection}
          label={t('bar.sections', { context: point })}
          className="bar-tabs"
        >
          {(k) => t(`bar.section.${k}`, { context: point })}
        </Tabs>
        <span className="spacer" />
        {canWater && (
          <div className="bar-water">
            <button
              type="button"
              className="btn bar-water-btn"
              disabled={waterBusy}
              onClick={() => void water()}
            >
              {t('bar.water')}
            </button>
            <span className="bar-water-count" aria-live="polite">
              {waterToday === null ? t('bar.waterTodayUnknown') : t('bar.waterToday', { count: waterToday })}
            </span>
          </div>
        )}
      </div>
      <TabPanel id={uid} current={current} className="bar-panel">
        {current === 'sell' && <SellPanel ref={onSellReady} />}
        {current === 'stock' && <StockPanel />}
        {current === 'stocktake' && <StocktakePanel />}
      </TabPanel>
    </div>
  );
}
