//! Findings: what a rule says about a value. Every problem a rule can find is a `Problem`, and
//! this module is the one place that words it, naming the field and the fix, in Chinese and English.

use std::borrow::Cow;

use crate::Localized;
use serde::Serialize;

/// The field a value was typed into, named as the user sees it on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub zh: Cow<'static, str>,
    /// The reviewed 繁體 of a flow's label; `None`: it follows from the 简体 (`hant::traditional`).
    pub zh_hant: Option<String>,
    pub en: Cow<'static, str>,
}

impl Field {
    pub const fn new(zh: &'static str, en: &'static str) -> Self {
        Self { zh: Cow::Borrowed(zh), zh_hant: None, en: Cow::Borrowed(en) }
    }

    /// A flow's field or step, named with its catalog's reviewed 繁體.
    pub fn of_flow(zh: &str, zh_hant: String, en: &str) -> Self {
        Self { zh: Cow::Owned(zh.to_owned()), zh_hant: Some(zh_hant), en: Cow::Owned(en.to_owned()) }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The value cannot be used as it is.
    Error,
    /// The value can be used, but the user should look at it again.
    Warning,
}

/// Which characters a position may hold, so a message can say what to type instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowed {
    Digits,
    /// Digits, with X allowed as the last (check) character.
    DigitsOrFinalX,
    /// `H` (Hong Kong) or `M` (Macau) first, then digits.
    HkMacauPermit,
    /// Digits and the capital letters of GB 32100 (no I, O, Z, S, V).
    Uscc,
    /// A person's name: letters (Chinese characters included), spaces, "·", ".", "-", "'".
    Name,
    /// Any text but invisible control characters (a NUL, a line break in a one-line answer).
    Text,
}

impl Allowed {
    /// The first character (1-based position) that this class forbids in `value`.
    pub fn first_violation(self, value: &str) -> Option<Problem> {
        let last = value.chars().count().saturating_sub(1);
        value.chars().enumerate().find_map(|(i, c)| {
            let ok = match self {
                Allowed::Digits => c.is_ascii_digit(),
                Allowed::DigitsOrFinalX => c.is_ascii_digit() || (c == 'X' && i == last),
                Allowed::HkMacauPermit => {
                    if i == 0 {
                        c == 'H' || c == 'M'
                    } else {
                        c.is_ascii_digit()
                    }
                }
                Allowed::Uscc if (2..8).contains(&i) => c.is_ascii_digit(),
                Allowed::Uscc => crate::uscc::ALPHABET.contains(c),
                Allowed::Name => c.is_alphabetic() || matches!(c, ' ' | '·' | '.' | '-' | '\''),
                Allowed::Text => !c.is_control(),
            };
            (!ok).then_some(Problem::Character { position: i + 1, found: c, allowed: self })
        })
    }
}

/// The outcome of checking one value: its canonical form, the parsed value when nothing is
/// wrong enough to stop its use, and every problem found (errors and warnings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked<T> {
    pub normalized: String,
    pub value: Option<T>,
    pub problems: Vec<Problem>,
}

/// The checks every code shares, in the order people fix them: something typed, only allowed
/// characters, then the right length.
pub fn shape_problem(value: &str, allowed: Allowed, lengths: &'static [usize]) -> Option<Problem> {
    let length = value.chars().count();
    if value.is_empty() {
        Some(Problem::Empty)
    } else if let Some(p) = allowed.first_violation(value) {
        Some(p)
    } else if !lengths.contains(&length) {
        Some(Problem::Length { expected: lengths, actual: length })
    } else {
        None
    }
}

impl Checked<String> {
    /// A code that means only itself: usable unless `problems` holds an error.
    pub fn code(normalized: String, problems: Vec<Problem>) -> Self {
        let usable = problems.iter().all(|p| p.severity() == Severity::Warning);
        Self { value: usable.then(|| normalized.clone()), normalized, problems }
    }
}

impl<T> Checked<T> {
    /// A value that failed: no parsed value, the problems that explain why.
    pub fn failed(normalized: String, problems: Vec<Problem>) -> Self {
        Self { normalized, value: None, problems }
    }

    pub fn is_valid(&self) -> bool {
        self.value.is_some()
    }
}

/// Where a number keeps its region code: citizen IDs in their first six digits, foreign
/// permanent resident IDs (2023) in characters 2–3 (the issuing province).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionSpan {
    First6,
    Chars2To3,
}

/// Everything a rule in this crate can find wrong with a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    Length {
        expected: &'static [usize],
        actual: usize,
    },
    /// `position` is 1-based, as people count.
    Character {
        position: usize,
        found: char,
        allowed: Allowed,
    },
    /// Free text longer than its field takes.
    TooLong {
        max: usize,
        actual: usize,
    },
    CheckCharacter,
    BirthDateInvalid,
    BirthDateInFuture,
    BirthDateBefore1900,
    RegionUnknown {
        span: RegionSpan,
    },
    UpgradedFrom15,
    ForeignPrPrefix,
    MobilePrefix,
    PostalCodeNotBeijing,
    // Problems of answers in a form, found by the flow engine.
    NotAnOption,
    ConsentRequired,
    DateInvalid,
    DocumentMissing,
    AgeNotBelow {
        years: u32,
    },
    DiffersFromIdNumber,
    Unreadable,
    RegionNotCurrent,
    DateInFuture,
    /// The date must come after the date in `earlier` (e.g. a validity end after its start).
    DateNotAfter {
        earlier: Field,
    },
    /// The value must be the same as in `other` (a mainland social security number is the
    /// citizen ID number).
    DiffersFrom {
        other: Field,
    },
    // The agency's eligibility answers.
    OnePersonOneCard,
    AlreadyApplied,
    NotEligible,
    /// The document is not one a resident of the type in `resident` holds (a Hong Kong
    /// resident's residence permit starts 810000, their travel permit H).
    NotHeldBy {
        resident: Field,
    },
    /// The name is not the one the agency has registered for the number.
    NameMismatch,
    /// No photo is registered under the receipt number (Guangdong 【获取图片】).
    ReceiptNotFound,
    /// The receipt number's photo is too old for a card.
    ReceiptExpired,
    /// The social security system has no photo of the person to make the card with.
    NoPhotoOnFile,
    /// The employer has not opened a collective application (B3.2).
    EntityNotOpen,
    /// The employer's collective application does not list the person (B3.2).
    NotOnEntityList,
    /// The agency has not answered yet (offline, or not asked since the answers changed): the
    /// draft goes on, but the case cannot be finished before the agency says yes.
    AgencyPending,
    /// An upload the agency would refuse; the words are the photo check's (what is wrong and
    /// what to do).
    UploadRefused {
        zh: String,
        en: String,
    },
    /// A finding about an upload worth a look (a little dark, a little blur); the person may use
    /// the picture anyway.
    UploadAdvisory {
        zh: String,
        en: String,
    },
}

/// A problem put into words for one field: what crosses to the UI and the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    /// Stable machine code, e.g. `check_character`.
    pub code: String,
    pub severity: Severity,
    /// The field's name, as its label says it.
    pub label: Localized,
    pub message: Localized,
}

impl Problem {
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Empty => "required",
            Problem::Length { .. } => "length",
            Problem::Character { .. } => "character",
            Problem::TooLong { .. } => "too_long",
            Problem::CheckCharacter => "check_character",
            Problem::BirthDateInvalid => "birth_date_invalid",
            Problem::BirthDateInFuture => "birth_date_future",
            Problem::BirthDateBefore1900 => "birth_date_before_1900",
            Problem::RegionUnknown { .. } => "region_unknown",
            Problem::UpgradedFrom15 => "upgraded_from_15",
            Problem::ForeignPrPrefix => "foreign_pr_prefix",
            Problem::MobilePrefix => "mobile_prefix",
            Problem::PostalCodeNotBeijing => "postal_code_not_beijing",
            Problem::NotAnOption => "not_an_option",
            Problem::ConsentRequired => "consent_required",
            Problem::DateInvalid => "date_invalid",
            Problem::DocumentMissing => "document_missing",
            Problem::AgeNotBelow { .. } => "age_not_below",
            Problem::DiffersFromIdNumber => "differs_from_id_number",
            Problem::Unreadable => "unreadable",
            Problem::RegionNotCurrent => "region_not_current",
            Problem::DateInFuture => "date_in_future",
            Problem::DateNotAfter { .. } => "date_not_after",
            Problem::DiffersFrom { .. } => "differs_from",
            Problem::OnePersonOneCard => "one_person_one_card",
            Problem::AlreadyApplied => "already_applied",
            Problem::NotEligible => "not_eligible",
            Problem::NotHeldBy { .. } => "not_held_by",
            Problem::NameMismatch => "name_mismatch",
            Problem::ReceiptNotFound => "receipt_not_found",
            Problem::ReceiptExpired => "receipt_expired",
            Problem::NoPhotoOnFile => "no_photo_on_file",
            Problem::EntityNotOpen => "entity_not_open",
            Problem::NotOnEntityList => "not_on_entity_list",
            Problem::AgencyPending => "agency_pending",
            Problem::UploadRefused { .. } => "upload_refused",
            Problem::UploadAdvisory { .. } => "upload_advisory",
        }
    }

    pub fn severity(&self) -> Severity {
        match self {
            Problem::UpgradedFrom15 | Problem::PostalCodeNotBeijing | Problem::UploadAdvisory { .. } => {
                Severity::Warning
            }
            _ => Severity::Error,
        }
    }

    /// Words the problem for `field`: what is wrong and what to do about it.
    pub fn describe(&self, field: &Field) -> Finding {
        let (f, fe) = (&field.zh, &field.en);
        let (zh, en) = match self {
            Problem::Empty => (format!("请填写{f}。"), format!("Enter the {fe}.")),
            Problem::Length { expected, actual } => {
                let zh_lengths: Vec<String> = expected.iter().map(|n| format!("{n}位")).collect();
                let en_lengths: Vec<String> = expected.iter().map(usize::to_string).collect();
                (
                    format!("{f}应为{}，您输入了{actual}位。请对照证件逐位核对。", zh_lengths.join("或")),
                    format!(
                        "The {fe} must be {} characters long; you entered {actual}. Compare it with the document character by character.",
                        en_lengths.join(" or ")
                    ),
                )
            }
            Problem::Character { position, found, allowed } => {
                let (zh_rule, en_rule) = match allowed {
                    Allowed::Digits => ("只能包含数字", "may contain only digits"),
                    Allowed::DigitsOrFinalX => {
                        ("只能包含数字，最后一位可以是X", "may contain only digits, with X allowed as the last character")
                    }
                    Allowed::HkMacauPermit => (
                        "以H（香港）或M（澳门）开头，后面全是数字",
                        "starts with H (Hong Kong) or M (Macau) followed by digits only",
                    ),
                    Allowed::Uscc => (
                        "由数字和大写字母组成（不含I、O、Z、S、V），第3至8位为数字",
                        "consists of digits and capital letters (never I, O, Z, S or V), with digits in positions 3 to 8",
                    ),
                    Allowed::Name => (
                        "只能包含汉字、字母、空格和“·”，请按证件上的写法填写",
                        "may contain only Chinese characters, letters, spaces and “·”: write it as the ID document does",
                    ),
                    Allowed::Text => ("不能包含看不见的控制字符，请删去后重新输入", "may not contain invisible control characters: delete it and type again"),
                };
                // An invisible character is named by its code point, not printed.
                let found =
                    if found.is_control() { format!("U+{:04X}", u32::from(*found)) } else { found.to_string() };
                (
                    format!("{f}第{position}位的“{found}”不正确：{f}{zh_rule}。"),
                    format!("Character {position} of the {fe} (\"{found}\") is not allowed: the {fe} {en_rule}."),
                )
            }
            Problem::TooLong { max, actual } => (
                format!("{f}最多{max}个字，您输入了{actual}个。请删去多余的内容。"),
                format!("The {fe} can be at most {max} characters long; you entered {actual}. Shorten it."),
            ),
            Problem::CheckCharacter => (
                format!("{f}的最后一位（校验码）与前面各位不符，可能有一位输错或两位颠倒，请对照证件逐位核对。"),
                format!(
                    "The last character of the {fe} (its check character) does not match the others: a character may be mistyped or two swapped. Compare it with the document character by character."
                ),
            ),
            Problem::BirthDateInvalid => (
                format!("{f}第7至14位的出生日期不是真实的日期，请核对出生年月日。"),
                format!("Characters 7 to 14 of the {fe} are not a real date of birth. Check the year, month and day."),
            ),
            Problem::BirthDateInFuture => (
                format!("{f}中的出生日期（第7至14位）晚于今天，请核对出生年份。"),
                format!("The date of birth in the {fe} (characters 7 to 14) is after today. Check the year of birth."),
            ),
            Problem::BirthDateBefore1900 => (
                format!("{f}中的出生日期（第7至14位）早于1900年，请核对出生年份。"),
                format!("The date of birth in the {fe} (characters 7 to 14) is before 1900. Check the year of birth."),
            ),
            Problem::RegionUnknown { span } => {
                let (zh_span, en_span) = match span {
                    RegionSpan::First6 => ("前6位", "first 6 digits"),
                    RegionSpan::Chars2To3 => ("第2至3位", "characters 2 to 3"),
                };
                (
                    format!("{f}的{zh_span}不是已知的行政区划代码，请核对这几位数字。"),
                    format!("The {en_span} of the {fe} are not a known administrative division code. Check those digits."),
                )
            }
            Problem::UpgradedFrom15 => (
                format!("这是15位的旧{f}，已按国家标准转换为18位。请核对新号码与身份证上的号码一致。"),
                format!(
                    "This is an old 15-digit {fe}; it has been converted to the 18-character form under the national standard. Check that it matches the ID card."
                ),
            ),
            Problem::ForeignPrPrefix => (
                format!("{f}应以9开头（2023年起签发的外国人永久居留身份证），请核对第1位。"),
                format!(
                    "The {fe} must start with 9 (foreign permanent resident ID cards issued since 2023). Check the first character."
                ),
            ),
            Problem::MobilePrefix => (
                format!("{f}应为以13至19开头的11位中国大陆手机号码，请核对前两位。"),
                format!(
                    "The {fe} must be an 11-digit mainland China mobile number starting with 13 to 19. Check the first two digits."
                ),
            ),
            Problem::PostalCodeNotBeijing => (
                format!("北京地址的{f}通常以10开头，请确认{f}与地址一致。"),
                format!("A Beijing address usually has a {fe} starting with 10. Check that it matches the address."),
            ),
            Problem::NotAnOption => (
                format!("{f}的选择在这里不可用，请从列表中重新选择。"),
                format!("That choice of {fe} is not available here. Choose one from the list."),
            ),
            Problem::ConsentRequired => (
                format!("请阅读后勾选“{f}”才能继续。"),
                format!("Read it, then tick \"{fe}\" to continue."),
            ),
            Problem::DateInvalid => (
                format!("{f}不是有效的日期，请按年-月-日填写，例如2024-03-01。"),
                format!("The {fe} is not a real date. Enter it as year-month-day, for example 2024-03-01."),
            ),
            Problem::DocumentMissing => (format!("请上传{f}。"), format!("Upload the {fe}.")),
            Problem::AgeNotBelow { years } => (
                format!("按{f}，申请人已满{years}周岁，不能通过此业务办理。请核对号码，或改选适合申请人的办理方式。"),
                format!(
                    "By the {fe}, the applicant is {years} or older, so this service is not for them. Check the number, or choose the way of applying that fits the applicant."
                ),
            ),
            Problem::DiffersFromIdNumber => (
                format!("{f}与证件号码中的信息不一致，请核对两者。"),
                format!("The {fe} does not match what the ID number says. Check both."),
            ),
            Problem::Unreadable => (
                format!("{f}的内容无法识别，请重新填写。"),
                format!("The {fe} could not be read. Enter it again."),
            ),
            Problem::RegionNotCurrent => (
                format!("{f}不是现行的区县，请从列表中依次选择省、市、区县。"),
                format!("The {fe} is not a current district. Choose the province, city and district from the lists."),
            ),
            Problem::DateInFuture => (
                format!("{f}晚于今天，请对照证件核对日期。"),
                format!("The {fe} is after today. Check the date against the document."),
            ),
            Problem::DateNotAfter { earlier } => (
                format!("{f}应晚于{}，请对照证件核对两个日期。", earlier.zh),
                format!("The {fe} must be after the {}. Check both dates against the document.", earlier.en),
            ),
            Problem::DiffersFrom { other } => (
                format!("{f}应与{}相同，请核对两者。", other.zh),
                format!("The {fe} must be the same as the {}. Check both.", other.en),
            ),
            Problem::OnePersonOneCard => (
                format!("按{f}查询，您在省内其他城市已有社会保障卡。根据“一人一卡”规定，请先办理“一人一卡清理”，再继续申领。"),
                format!(
                    "By the {fe}, you already hold a social security card from another city in the province. Under the one-person-one-card rule, clean up the other cards first, then continue this application."
                ),
            ),
            Problem::AlreadyApplied => (
                format!("按{f}查询，已有正在办理的申请或已制发的社会保障卡，无需重复申领。请在“我的办事”中查看进度。"),
                format!(
                    "By the {fe}, an application is already in progress or a card has been issued, so there is no need to apply again. Check its progress under My applications."
                ),
            ),
            Problem::NotEligible => (
                format!("按{f}查询，暂不符合网上申领条件。请携带身份证件到社保经办机构或合作银行网点办理。"),
                format!(
                    "By the {fe}, this person cannot apply online yet. Please apply in person at a social security office or a partner bank branch, with the ID document."
                ),
            ),
            Problem::NotHeldBy { resident } => (
                format!(
                    "{f}与所选的{}不符：港澳台居民居住证号码香港居民以810000、澳门居民以820000、台湾居民以830000开头；港澳居民来往内地通行证香港居民以H、澳门居民以M开头。请核对{}和{f}。",
                    resident.zh, resident.zh
                ),
                format!(
                    "The {fe} does not match the {} chosen: residence permit numbers start 810000 for Hong Kong, 820000 for Macau and 830000 for Taiwan residents; travel permits start H for Hong Kong and M for Macau residents. Check the {} and the {fe}.",
                    resident.en, resident.en
                ),
            ),
            Problem::NameMismatch => (
                format!("{f}与证件号码登记的姓名不一致。请按证件上的姓名填写{f}，并核对证件号码。"),
                format!("The {fe} is not the name registered for this ID number. Enter the {fe} as it is on the ID document, and check the number."),
            ),
            Problem::ReceiptNotFound => (
                format!("经办机构没有这个{f}对应的相片。请核对照相馆提供的{f}，或选择使用本人社保相片。"),
                format!("The agency has no photo under this {fe}. Check the {fe} the photo studio gave you, or use the photo already in the system."),
            ),
            Problem::ReceiptExpired => (
                format!("这个{f}对应的相片已过期，不能用于制卡。请到照相馆重新拍照，取得新的{f}。"),
                format!("The photo under this {fe} has expired and cannot be used for a card. Have a new photo taken at a studio and enter its new {fe}."),
            ),
            Problem::NoPhotoOnFile => (
                format!("社保系统中没有您的相片，不能使用本人社保相片。请在{f}中选择“输入社保卡相片回执号”，到照相馆拍照后填写回执号。"),
                format!("The social security system has no photo of you, so it cannot be used. For the {fe}, choose to enter a photo receipt number: have your photo taken at a studio and enter the number it gives you."),
            ),
            Problem::EntityNotOpen => (
                format!("按{f}查询，该单位尚未开通集体申请。请联系单位经办人先开通集体申请，再确认个人信息。"),
                format!(
                    "By the {fe}, the employer has not opened a collective application yet. Ask its designated person to open it, then confirm your details."
                ),
            ),
            Problem::NotOnEntityList => (
                format!("按{f}查询，您不在该单位集体申请登记的职工名单中。请联系单位经办人核对名单，或核对所填的单位代码和证件号码。"),
                format!(
                    "By the {fe}, you are not on the employer's list for the collective application. Ask its designated person to check the list, or check the employer's code and your ID number."
                ),
            ),
            Problem::AgencyPending => (
                format!("{f}：还没有收到经办机构的答复。草稿已保存，可以继续填写；联网后会自动查询，经办机构确认可以申领后才能提交。"),
                format!(
                    "The {fe} has no answer from the agency yet. Your draft is saved and you can go on; the agency is asked as soon as it can be reached, and the application can be sent once it says yes."
                ),
            ),
            Problem::UploadRefused { zh, en } | Problem::UploadAdvisory { zh, en } => {
                (format!("{f}：{zh}"), format!("{fe}: {en}"))
            }
        };
        let mut label = Localized::new(field.zh.as_ref(), field.en.as_ref());
        let mut message = Localized::new(zh, en);
        if let Some(reviewed) = &field.zh_hant {
            // The message names the field as the form does.
            message.zh_hant = message.zh_hant.replacen(&label.zh_hant, reviewed, 1);
            label.zh_hant.clone_from(reviewed);
        }
        Finding { code: self.code().to_owned(), severity: self.severity(), label, message }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOBILE: Field = Field::new("手机号码", "mobile number");

    #[test]
    fn every_message_names_the_field_in_both_languages() {
        let problems = [
            Problem::Empty,
            Problem::Length { expected: &[18, 15], actual: 17 },
            Problem::Character { position: 3, found: 'A', allowed: Allowed::DigitsOrFinalX },
            Problem::Character { position: 1, found: 'A', allowed: Allowed::HkMacauPermit },
            Problem::Character { position: 1, found: 'I', allowed: Allowed::Uscc },
            Problem::Character { position: 1, found: 'I', allowed: Allowed::Digits },
            Problem::CheckCharacter,
            Problem::BirthDateInvalid,
            Problem::BirthDateInFuture,
            Problem::BirthDateBefore1900,
            Problem::RegionUnknown { span: RegionSpan::First6 },
            Problem::RegionUnknown { span: RegionSpan::Chars2To3 },
            Problem::UpgradedFrom15,
            Problem::ForeignPrPrefix,
            Problem::MobilePrefix,
            Problem::PostalCodeNotBeijing,
            Problem::NotAnOption,
            Problem::ConsentRequired,
            Problem::DateInvalid,
            Problem::DocumentMissing,
            Problem::AgeNotBelow { years: 18 },
            Problem::DiffersFromIdNumber,
            Problem::Unreadable,
            Problem::RegionNotCurrent,
            Problem::DateInFuture,
            Problem::DateNotAfter { earlier: Field::new("开始日期", "start date") },
            Problem::DiffersFrom { other: Field::new("证件号码", "ID number") },
            Problem::OnePersonOneCard,
            Problem::AlreadyApplied,
            Problem::NotEligible,
            Problem::NotHeldBy { resident: Field::new("居民类型", "resident type") },
            Problem::NameMismatch,
            Problem::ReceiptNotFound,
            Problem::ReceiptExpired,
            Problem::NoPhotoOnFile,
            Problem::TooLong { max: 50, actual: 51 },
            Problem::EntityNotOpen,
            Problem::NotOnEntityList,
            Problem::AgencyPending,
            Problem::UploadRefused { zh: "照片太小。".into(), en: "The photo is too small.".into() },
            Problem::UploadAdvisory { zh: "照片有点暗。".into(), en: "The photo is a little dark.".into() },
        ];
        let mut codes = std::collections::HashSet::new();
        for p in &problems {
            let f = p.describe(&MOBILE);
            assert!(f.message.zh.contains("手机号码"), "{}", f.message.zh);
            assert!(f.message.en.contains("mobile number"), "{}", f.message.en);
            assert_eq!(f.label.en, "mobile number");
            codes.insert(f.code);
        }
        assert_eq!(codes.len(), 37, "each problem kind has its own code");
    }

    #[test]
    fn length_lists_every_accepted_length() {
        let f = Problem::Length { expected: &[9, 11], actual: 5 }.describe(&MOBILE);
        assert!(f.message.zh.contains("9位或11位") && f.message.zh.contains("输入了5位"));
        assert!(f.message.en.contains("9 or 11 characters") && f.message.en.contains("you entered 5"));
    }

    #[test]
    fn warnings_are_marked_as_warnings() {
        assert_eq!(Problem::UpgradedFrom15.severity(), Severity::Warning);
        assert_eq!(Problem::PostalCodeNotBeijing.severity(), Severity::Warning);
        assert_eq!(Problem::CheckCharacter.severity(), Severity::Error);
    }

    #[test]
    fn a_flow_field_is_named_in_its_reviewed_traditional_in_the_message_too() {
        let field = Field::of_flow("证件号码", "身分證號".into(), "ID number");
        let f = Problem::Empty.describe(&field);
        assert_eq!(f.label.zh_hant, "身分證號");
        assert_eq!(f.message.zh_hant, "請填寫身分證號。");
    }

    #[test]
    fn finding_json_shape_is_pinned() {
        let json = serde_json::to_value(Problem::Empty.describe(&MOBILE)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "required", "severity": "error",
                "label": { "zh": "手机号码", "zh-Hant": "手機號碼", "en": "mobile number" },
                "message": { "zh": "请填写手机号码。", "zh-Hant": "請填寫手機號碼。", "en": "Enter the mobile number." }
            })
        );
    }
}
