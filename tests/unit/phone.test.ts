import { describe, expect, it } from 'vitest';
import {
  formatPhone,
  isChineseMobile,
  isValidPhone,
  maskPhone,
  phoneDigits,
  phoneKey,
} from '../../electron/shared/phone';

describe('phone numbers however they are written', () => {
  const same = [
    '13812345678',
    '138 1234 5678',
    '138-1234-5678',
    '+86 138-1234-5678',
    '+8613812345678',
    '008613812345678',
    '(138)1234-5678',
    '１３８１２３４５６７８',
    '＋８６ １３８ １２３４ ５６７８',
  ];
  it('gives every spelling of one mobile the same key and digits', () => {
    for (const s of same) {
      expect(phoneKey(s), s).toBe('+8613812345678');
      expect(phoneDigits(s), s).toBe('13812345678');
      expect(isChineseMobile(s), s).toBe(true);
    }
  });
  it('tells different numbers apart', () => {
    expect(phoneKey('13812345679')).not.toBe(phoneKey('13812345678'));
    expect(phoneKey('010-6552 1234')).toBe('+861065521234');
    expect(isChineseMobile('010-6552 1234')).toBe(false);
    expect(phoneKey('+44 20 7946 0958')).toBe('+442079460958');
  });
  it('keeps the digits of text that is not a valid number, and empty stays empty', () => {
    expect(isValidPhone('12345')).toBe(false);
    expect(phoneKey('12345')).toBe('12345');
    expect(phoneKey('')).toBe('');
    expect(phoneKey(null)).toBe('');
  });
  it('formats and masks', () => {
    expect(formatPhone('+86 13812345678')).toBe('138 1234 5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('5678')).toBe('****');
    expect(maskPhone(null)).toBe(null);
  });
});
