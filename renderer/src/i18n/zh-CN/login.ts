import type en from '../en/login';
import type { Words } from '../keys';

export default {
  title: '前台',
  whoAreYou: '谁在前台值班？',
  staffList: '员工',
  pinFor: '{{name}} 的密码',
  submit: '登录',
  clear: '清除',
  lockedTitle: '前台已锁定',
  lockedText: '{{name}} 已登录。输入密码继续，或切换用户。',
  unlock: '解锁',
} satisfies Words<typeof en>;
