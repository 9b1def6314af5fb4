/** What other areas (and the composition in app.ts) may use of the check-in area. */
export { checkinHandlers, findOpenVisit, loadVisitRow, toInsideVisit, toVisitInfo } from './handlers';
