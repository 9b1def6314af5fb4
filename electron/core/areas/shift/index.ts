/** What other areas (and the composition in app.ts) may use of the shift area. */
export { shiftHandlers } from './handlers';
export { requireCashDrawer } from './drawer';
