/** 员工：可登录的员工、岗位和密码。 */
import type en from '../en/staff';
import type { Words } from '../keys';

export default {
  title: '员工',
  add: '新增员工',
  none: '还没有员工。',
  actions: '操作',
  you: '本人',
  active: '在职',
  inactive: '已停用',
  editNamed: '编辑 {{name}}',
  pinLocked: '密码已锁定',
  unlock: '解锁',
  unlockNamed: '解锁 {{name}}',
  unlocked: '已为 {{name}} 解锁，现在可以登录。',
  chooseRole: '请选择岗位…',
  newTitle: '新增员工',
  editTitle: '编辑 {{name}}',
  create: '添加员工',
  created: '已添加 {{name}}，现在可以用密码登录。',
  saved: '{{name}}：已保存。',
  pinHint: '4 到 8 位数字，只告诉该员工本人。',
  newPinHint: '不修改密码请留空。',
  fields: {
    name: '姓名',
    role: '岗位',
    gender: '性别',
    status: '状态',
    active: '在职（可以登录）',
    pin: '密码',
    newPin: '新密码',
    repeat: '再次输入密码',
  },
  error: {
    name: '请输入姓名（最多 100 个字）。',
    role: '请选择岗位。',
    pin: '密码为 4 到 8 位数字。',
    repeat: '两次输入的密码不一致。',
  },
} satisfies Words<typeof en>;
