/** What other areas (and the composition in app.ts) may use of the message book. */
export { messagesHandlers, openMessagesAt } from './handlers';
