// Canned ValidationReports, shaped like the Rust side's (see banka-rules report.rs).
import type { Finding } from '../bindings/Finding';
import type { ValidationReport } from '../bindings/ValidationReport';

export const VALID_ID = '11010519491231002X';

export const validId: ValidationReport = {
  valid: true,
  normalized: VALID_ID,
  errors: [],
  warnings: [],
  kind: 'citizen_id',
  birth_date: '1949-12-31',
  gender: 'female',
  region: '北京市朝阳区',
  age: 76,
};

export const BAD_ID = '110105194912310021';

export const checkCharacter: Finding = {
  code: 'check_character',
  severity: 'error',
  field_zh: '证件号码',
  field_en: 'ID number',
  message_zh: '证件号码的最后一位（校验码）与前面各位不符，可能有一位输错或两位颠倒，请对照证件逐位核对。',
  message_en:
    'The last character of the ID number (the check character) does not match the others: one may be mistyped or two swapped. Check it against the card.',
};

export const birthDateInFuture: Finding = {
  code: 'birth_date_future',
  severity: 'error',
  field_zh: '证件号码',
  field_en: 'ID number',
  message_zh: '证件号码中的出生日期（第7至14位）晚于今天，请核对出生年份。',
  message_en: 'The date of birth in the ID number (characters 7 to 14) is after today. Check the year of birth.',
};

export const invalidId: ValidationReport = {
  valid: false,
  normalized: BAD_ID,
  errors: [checkCharacter, birthDateInFuture],
  warnings: [],
};

export const OLD_ID = '110105491231002';

export const upgradedFrom15: Finding = {
  code: 'upgraded_from_15',
  severity: 'warning',
  field_zh: '证件号码',
  field_en: 'ID number',
  message_zh: '这是15位的旧证件号码，已按国家标准转换为18位。请核对新号码与身份证上的号码一致。',
  message_en:
    'This is an old 15-digit ID number; it has been converted to 18 characters by the national standard. Check that the new number matches the card.',
};

export const upgradedId: ValidationReport = {
  valid: true,
  normalized: '110105194912310021',
  errors: [],
  warnings: [upgradedFrom15],
  kind: 'citizen_id',
  birth_date: '1949-12-31',
  gender: 'male',
  region: '北京市朝阳区',
  age: 76,
};

export const hkPermit: ValidationReport = {
  valid: true,
  normalized: 'H12345678',
  errors: [],
  warnings: [],
  kind: 'hk_macau_travel_permit',
  region: '香港',
};

export const postalNotBeijing: ValidationReport = {
  valid: true,
  normalized: '200001',
  errors: [],
  warnings: [
    {
      code: 'postal_code_not_beijing',
      severity: 'warning',
      field_zh: '邮政编码',
      field_en: 'postal code',
      message_zh: '北京地址的邮政编码通常以10开头，请确认邮政编码与地址一致。',
      message_en: 'A Beijing address usually has a postal code starting with 10. Check that it matches the address.',
    },
  ],
};

/** What the mock answers for a value it was not given: a generic length error. */
export function lengthError(value: string): ValidationReport {
  return {
    valid: false,
    normalized: value,
    errors: [
      {
        code: 'length',
        severity: 'error',
        field_zh: '证件号码',
        field_en: 'ID number',
        message_zh: `证件号码应为18位或15位，您输入了${value.length}位。请对照证件逐位核对。`,
        message_en: `The ID number should have 18 or 15 characters; you entered ${value.length}. Check it against the card.`,
      },
    ],
    warnings: [],
  };
}
