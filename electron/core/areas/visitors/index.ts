/** What other areas (and the composition in app.ts) may use of the visitors area. */
export { visitorHandover, visitorsHandlers } from './handlers';
