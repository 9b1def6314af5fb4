/** What other areas (and the composition in app.ts) may use of the rotation area. */
export {
  checkOwn,
  consultantDone,
  pickNext,
  presence,
  requireConsultant,
  rotationHandlers,
  setSigninState,
  takeTurn,
} from './handlers';
export { signinOf } from './queries';
