/** What the composition in app.ts uses of the card-types area. */
export { cardTypeHandlers } from './handlers';
