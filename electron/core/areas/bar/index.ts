/** What other areas (and the composition in app.ts) may use of the drink bar. */
export { barHandlers } from './handlers';
export { barPaymentsByMethod, stocktakesBetween } from './handlers/reports';
export { itemsNotCounted } from './queries';
