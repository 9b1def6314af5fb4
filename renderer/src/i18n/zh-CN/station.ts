import type en from '../en/station';
import type { Words } from '../keys';

export default {
  choiceHost: '这台电脑是门店前台',
  choiceJoin: '加入门店前台',
  joinTitle: '加入门店前台',
  joinSubtitle: '这台电脑将连接前台电脑使用（水吧、顾问平板、经理办公室）。',
  host: '前台地址',
  hostHint: '在前台电脑的“设置 → 店内联网”中可以看到，也可以在网络中查找。',
  find: '在网络中查找',
  looking: '正在查找…',
  noneFound: '没有找到前台，请手动输入地址。',
  code: '配对码（6位数字）',
  name: '本机名称',
  namePlaceholder: '水吧',
  tabletPlaceholder: '顾问平板',
  join: '加入',
  back: '返回',
  fillAll: '请填写前台地址、6位配对码和本机名称。',
  fillCodeName: '请填写6位配对码和本机名称。',
  browserSubtitle:
    '这台平板将连接前台电脑使用：请输入前台“设置 → 店内联网”中显示的配对码，并给本机起个名称。',
  waiting: '等待经理在前台确认本机…',
  fingerprint: '证书指纹',
  compareFingerprint: '请经理核对此指纹与前台显示的是否一致。',
  refused: '前台拒绝了本机，请向前台索取新的配对码。',
  revoked: '本机已被前台移除，请用新的配对码重新配对。',
  offline: '未连接前台 — 正在重连…',
} satisfies Words<typeof en>;
