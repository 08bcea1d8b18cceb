/** --lang en translates the 95598 business types (issue 12); values it does not know stay as written. */
import { describe, expect, it } from 'vitest';
import { businessTypeName } from '../../src/report/labels.js';

describe('businessTypeName', () => {
  it.each([
    ['投诉', 'complaint'],
    ['意见', 'opinion'],
    ['建议', 'suggestion'],
    ['表扬', 'praise'],
    ['举报', 'whistle-blowing report'],
    ['故障报修', 'fault repair'],
    ['业务咨询', 'enquiry'],
    ['服务申请', 'service request'],
    ['催办', 'follow-up'],
    // Unknown values, and the codes some systems export, are shown as they are.
    ['005', '005'],
    ['非抢修类服务', '非抢修类服务'],
    ['', ''],
  ])('%j is %j in English and itself in Chinese', (type, en) => {
    expect(businessTypeName(type, 'en')).toBe(en);
    expect(businessTypeName(type, 'zh')).toBe(type);
  });
});
