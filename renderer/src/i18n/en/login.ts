export default {
  title: 'Reception',
  whoAreYou: 'Who is at the counter?',
  staffList: 'Staff',
  pinFor: 'PIN for {{name}}',
  submit: 'Log in',
  clear: 'Clear',
  lockedTitle: 'The counter is locked',
  lockedText: '{{name}} is logged in. Enter the PIN to continue, or switch user.',
  unlock: 'Unlock',
};
