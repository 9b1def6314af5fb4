/** What other areas (and the composition in app.ts) may use of the receipts area. */
export { receiptsHandlers } from './handlers';
