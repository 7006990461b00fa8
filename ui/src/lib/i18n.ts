// Every string the UI shows, in both languages. `Messages` is the contract: a key missing from
// either language (or a ValueKind / IdDocument without a name) is a type error.
// Messages that come from Rust (findings) already carry both languages and are picked by `lang`.

import type { IdDocument } from '../bindings/IdDocument';
import type { Gender } from '../bindings/Gender';
import type { ValueKind } from '../bindings/ValueKind';

export type Lang = 'zh' | 'en';

/** The value of `<html lang>` (and `lang` attributes) for each UI language. */
export const HTML_LANG: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** The app's name is shown in both languages whatever the UI language. */
export const BRAND: Record<Lang, string> = { zh: '办卡', en: 'Banka' };

/** The order in which the kinds are offered. */
export const VALUE_KINDS: readonly ValueKind[] = [
  'id-number',
  'social-security-number',
  'hk-macau-travel-permit',
  'taiwan-travel-permit',
  'foreign-pr-id',
  'uscc',
  'mobile',
  'postal-code',
];

export interface Messages {
  /** The document title. */
  title: string;
  /** The name of this language, written in it (shown on the switch to it). */
  langName: string;
  /** Before the other language's name on the language switch, for screen readers. */
  switchLanguage: string;
  elderlyMode: string;
  settings: string;

  heading: string;
  intro: string;
  kindLabel: string;
  valueLabel: string;
  beijingAddress: string;
  hints: Record<ValueKind, string>;
  valueKinds: Record<ValueKind, string>;

  emptyHint: string;
  resultHeading: string;
  valid: string;
  invalid: string;
  errorsHeading: string;
  pleaseNote: string;

  normalized: string;
  /** Shown when the normalized value differs from what was typed. */
  normalizedDiffers: (typed: string) => string;
  documentKind: string;
  documentKinds: Record<IdDocument, string>;
  birthDate: string;
  /** Formats a date of birth given as numbers (month 1–12). */
  formatDate: (year: number, month: number, day: number) => string;
  gender: string;
  genders: Record<Gender, string>;
  age: string;
  formatAge: (years: number) => string;
  region: string;

  ipcErrorTitle: string;
  ipcErrorBody: string;
  ipcErrorCode: (code: string) => string;
}

const zh: Messages = {
  title: '办卡 Banka · 号码检查',
  langName: '中文',
  switchLanguage: '切换语言：',
  elderlyMode: '长者模式',
  settings: '显示设置',

  heading: '号码检查',
  intro: '选择号码的种类，然后输入号码。我们会马上告诉您号码是否有效，以及号码包含的信息。号码只在本机检查，不会发送到网上。',
  kindLabel: '号码种类',
  valueLabel: '号码',
  beijingAddress: '这是北京的地址',
  hints: {
    'id-number': '18位，最后一位可能是字母X。15位的旧号码也可以输入。',
    'social-security-number': '社会保障号与本人的身份证号码相同，共18位。',
    'hk-macau-travel-permit': '字母H或M开头，后面是8位数字（可能还有2位换证次数），如H12345678。',
    'taiwan-travel-permit': '8位数字（可能还有2位换证次数）。',
    'foreign-pr-id': '18位，以9开头（2023年起签发的证件）。',
    uscc: '18位，由数字和大写字母组成，印在营业执照上。',
    mobile: '11位中国大陆手机号码。',
    'postal-code': '6位数字。',
  },
  valueKinds: {
    'id-number': '身份证号码（含港澳台居民居住证、外国人永久居留身份证）',
    'social-security-number': '社会保障号',
    'hk-macau-travel-permit': '港澳居民来往内地通行证',
    'taiwan-travel-permit': '台湾居民来往大陆通行证',
    'foreign-pr-id': '外国人永久居留身份证',
    uscc: '统一社会信用代码',
    mobile: '手机号码',
    'postal-code': '邮政编码',
  },

  emptyHint: '请在上方输入号码，检查结果会显示在这里。',
  resultHeading: '检查结果',
  valid: '号码有效',
  invalid: '号码有误',
  errorsHeading: '需要修改的地方：',
  pleaseNote: '请注意',

  normalized: '标准号码',
  normalizedDiffers: (typed) => `已整理为标准写法（您输入的是：${typed}）。`,
  documentKind: '证件种类',
  documentKinds: {
    citizen_id: '居民身份证',
    hk_residence_permit: '香港居民居住证',
    macau_residence_permit: '澳门居民居住证',
    taiwan_residence_permit: '台湾居民居住证',
    foreign_permanent_residence_id: '外国人永久居留身份证',
    hk_macau_travel_permit: '港澳居民来往内地通行证',
    taiwan_travel_permit: '台湾居民来往大陆通行证',
  },
  birthDate: '出生日期',
  formatDate: (year, month, day) => `${year}年${month}月${day}日`,
  gender: '性别',
  genders: { male: '男', female: '女' },
  age: '年龄',
  formatAge: (years) => `${years}岁`,
  region: '所属地区',

  ipcErrorTitle: '暂时无法检查',
  ipcErrorBody: '程序内部出了问题，号码没有检查成功。请稍后再试；如果一直这样，请联系工作人员。',
  ipcErrorCode: (code) => `错误代码：${code}`,
};

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const en: Messages = {
  title: 'Banka 办卡 · Number check',
  langName: 'English',
  switchLanguage: 'Change language: ',
  elderlyMode: 'Large text',
  settings: 'Display settings',

  heading: 'Check a number',
  intro: 'Choose the kind of number, then type it. You will see at once whether the number is valid and what it tells us. Numbers are checked on this computer only and are never sent online.',
  kindLabel: 'Kind of number',
  valueLabel: 'Number',
  beijingAddress: 'This is a Beijing address',
  hints: {
    'id-number': '18 characters; the last one may be the letter X. Old 15-digit numbers can be entered too.',
    'social-security-number': 'Your social security number is the same as your 18-character ID number.',
    'hk-macau-travel-permit': 'H or M followed by 8 digits (and perhaps a 2-digit issue count), e.g. H12345678.',
    'taiwan-travel-permit': '8 digits (and perhaps a 2-digit issue count).',
    'foreign-pr-id': '18 characters starting with 9 (cards issued since 2023).',
    uscc: '18 digits and capital letters, printed on the business licence.',
    mobile: 'An 11-digit mainland China mobile number.',
    'postal-code': '6 digits.',
  },
  valueKinds: {
    'id-number': 'ID number (ID card, residence permit or foreign PR card)',
    'social-security-number': 'Social security number',
    'hk-macau-travel-permit': 'Mainland Travel Permit for Hong Kong and Macau Residents',
    'taiwan-travel-permit': 'Mainland Travel Permit for Taiwan Residents',
    'foreign-pr-id': 'Foreign Permanent Resident ID Card',
    uscc: 'Unified Social Credit Code',
    mobile: 'Mobile phone number',
    'postal-code': 'Postal code',
  },

  emptyHint: 'Type a number above; the result will appear here.',
  resultHeading: 'Result',
  valid: 'Valid',
  invalid: 'Not valid',
  errorsHeading: 'What needs correcting:',
  pleaseNote: 'Please note',

  normalized: 'Standard form',
  normalizedDiffers: (typed) => `Written in the standard form (you typed: ${typed}).`,
  documentKind: 'Document',
  documentKinds: {
    citizen_id: 'Resident Identity Card',
    hk_residence_permit: 'Residence Permit for Hong Kong Residents',
    macau_residence_permit: 'Residence Permit for Macau Residents',
    taiwan_residence_permit: 'Residence Permit for Taiwan Residents',
    foreign_permanent_residence_id: 'Foreign Permanent Resident ID Card',
    hk_macau_travel_permit: 'Mainland Travel Permit for Hong Kong and Macau Residents',
    taiwan_travel_permit: 'Mainland Travel Permit for Taiwan Residents',
  },
  birthDate: 'Date of birth',
  formatDate: (year, month, day) => `${day} ${MONTHS_EN[month - 1] ?? month} ${year}`,
  gender: 'Gender',
  genders: { male: 'male', female: 'female' },
  age: 'Age',
  formatAge: (years) => `${years} ${years === 1 ? 'year' : 'years'}`,
  region: 'Region',

  ipcErrorTitle: 'The number could not be checked',
  ipcErrorBody: 'Something went wrong inside the app and the number was not checked. Please try again in a moment; if this keeps happening, ask a member of staff.',
  ipcErrorCode: (code) => `Error code: ${code}`,
};

export const MESSAGES: Record<Lang, Messages> = { zh, en };

/** Formats a YYYY-MM-DD date for `lang`; anything else is shown as it came. */
export function formatIsoDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return MESSAGES[lang].formatDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
