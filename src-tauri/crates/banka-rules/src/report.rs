//! One entry point for "check this value of this kind": what the CLI prints and the app shows.
//! It turns a rule's `Checked` result into a flat, serialisable report in both languages.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::finding::{Checked, Field, Finding, Severity};
use crate::id_number::{self, Gender, IdDocument, IdNumber};
use crate::permits::{self, TravelPermit};
use crate::{contact, uscc};

/// The kinds of value `validate` knows, named as on the CLI (`banka validate <kind>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ValueKind {
    /// Citizen ID, HK/Macau/Taiwan residence permit or foreign permanent resident ID.
    IdNumber,
    SocialSecurityNumber,
    HkMacauTravelPermit,
    TaiwanTravelPermit,
    ForeignPrId,
    Uscc,
    Mobile,
    PostalCode,
}

impl ValueKind {
    pub const ALL: [ValueKind; 8] = [
        ValueKind::IdNumber,
        ValueKind::SocialSecurityNumber,
        ValueKind::HkMacauTravelPermit,
        ValueKind::TaiwanTravelPermit,
        ValueKind::ForeignPrId,
        ValueKind::Uscc,
        ValueKind::Mobile,
        ValueKind::PostalCode,
    ];

    /// The name used on the CLI and across IPC, e.g. `id-number`.
    pub fn name(self) -> &'static str {
        match self {
            ValueKind::IdNumber => "id-number",
            ValueKind::SocialSecurityNumber => "social-security-number",
            ValueKind::HkMacauTravelPermit => "hk-macau-travel-permit",
            ValueKind::TaiwanTravelPermit => "taiwan-travel-permit",
            ValueKind::ForeignPrId => "foreign-pr-id",
            ValueKind::Uscc => "uscc",
            ValueKind::Mobile => "mobile",
            ValueKind::PostalCode => "postal-code",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The field's name when no form gives a more specific one.
    pub fn field(self) -> Field {
        match self {
            ValueKind::IdNumber => Field::new("证件号码", "ID number"),
            ValueKind::SocialSecurityNumber => Field::new("社会保障号", "social security number"),
            ValueKind::HkMacauTravelPermit => {
                Field::new("港澳居民来往内地通行证号码", "Mainland Travel Permit number (Hong Kong/Macau)")
            }
            ValueKind::TaiwanTravelPermit => {
                Field::new("台湾居民来往大陆通行证号码", "Mainland Travel Permit number (Taiwan)")
            }
            ValueKind::ForeignPrId => Field::new("外国人永久居留身份证号码", "Foreign Permanent Resident ID number"),
            ValueKind::Uscc => Field::new("统一社会信用代码", "Unified Social Credit Code"),
            ValueKind::Mobile => Field::new("手机号码", "mobile number"),
            ValueKind::PostalCode => Field::new("邮政编码", "postal code"),
        }
    }
}

/// What a check depends on besides the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    /// The application date: no birth date after it; ages are counted on it.
    pub today: NaiveDate,
    /// A postal code belongs to a Beijing address.
    pub beijing_address: bool,
}

/// The result of checking one value; the JSON shape of `banka validate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ValidationReport {
    pub valid: bool,
    /// The value as it will be stored and sent (spaces removed, upper case, 15 → 18 digits).
    pub normalized: String,
    pub errors: Vec<Finding>,
    pub warnings: Vec<Finding>,
    /// Which document the number belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub kind: Option<IdDocument>,
    /// YYYY-MM-DD.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub birth_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub gender: Option<Gender>,
    /// The issuing place (citizen IDs, permits) or whose residents a travel permit is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub region: Option<String>,
    /// Age on the context's date.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub age: Option<u32>,
}

/// Checks `value` as a `kind`, wording every finding for that kind's field.
pub fn validate(kind: ValueKind, value: &str, ctx: &Context) -> ValidationReport {
    validate_field(kind, value, ctx, &kind.field())
}

/// Checks `value` as a `kind`, wording every finding for `field` as a form names it
/// (e.g. 代办人手机号码 rather than 手机号码).
pub fn validate_field(kind: ValueKind, value: &str, ctx: &Context, field: &Field) -> ValidationReport {
    match kind {
        ValueKind::IdNumber | ValueKind::SocialSecurityNumber => {
            id_report(id_number::check(value, ctx.today), field, ctx.today)
        }
        ValueKind::ForeignPrId => id_report(id_number::check_foreign_pr(value, ctx.today), field, ctx.today),
        ValueKind::HkMacauTravelPermit => permit_report(permits::check_hk_macau(value), field),
        ValueKind::TaiwanTravelPermit => permit_report(permits::check_taiwan(value), field),
        ValueKind::Uscc => report(uscc::check(value), field),
        ValueKind::Mobile => report(contact::check_mobile(value), field),
        ValueKind::PostalCode => report(contact::check_postal_code(value, ctx.beijing_address), field),
    }
}

fn report<T>(checked: Checked<T>, field: &Field) -> ValidationReport {
    let (errors, warnings) =
        checked.problems.iter().map(|p| p.describe(field)).partition(|f| f.severity == Severity::Error);
    ValidationReport {
        valid: checked.value.is_some(),
        normalized: checked.normalized,
        errors,
        warnings,
        kind: None,
        birth_date: None,
        gender: None,
        region: None,
        age: None,
    }
}

fn id_report(checked: Checked<IdNumber>, field: &Field, today: NaiveDate) -> ValidationReport {
    let id = checked.value.clone();
    let mut r = report(checked, field);
    if let Some(id) = id {
        r.kind = Some(id.kind);
        r.birth_date = Some(id.birth_date.format("%Y-%m-%d").to_string());
        r.gender = Some(id.gender);
        r.age = Some(id.age_on(today));
        r.region = Some(id.region);
    }
    r
}

fn permit_report(checked: Checked<TravelPermit>, field: &Field) -> ValidationReport {
    let permit = checked.value.clone();
    let mut r = report(checked, field);
    if let Some(p) = permit {
        r.kind = Some(p.kind);
        r.region = Some(p.holder_region.to_owned());
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context {
        Context { today: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(), beijing_address: false }
    }

    #[test]
    fn id_report_json_shape_is_pinned() {
        let r = validate(ValueKind::IdNumber, "11010519491231002x", &ctx());
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            serde_json::json!({
                "valid": true, "normalized": "11010519491231002X", "errors": [], "warnings": [],
                "kind": "citizen_id", "birth_date": "1949-12-31", "gender": "female",
                "region": "北京市朝阳区", "age": 76
            })
        );
    }

    #[test]
    fn invalid_values_carry_no_derived_facts() {
        let r = validate(ValueKind::IdNumber, "110105194912310021", &ctx());
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["valid"], false);
        assert_eq!(json["errors"][0]["code"], "check_character");
        assert!(json.get("birth_date").is_none() && json.get("kind").is_none());
    }

    #[test]
    fn each_kind_words_its_own_field() {
        let r = validate(ValueKind::SocialSecurityNumber, "", &ctx());
        assert_eq!(r.errors[0].message.zh, "请填写社会保障号。");
        let r = validate(ValueKind::Uscc, "", &ctx());
        assert_eq!(r.errors[0].message.en, "Enter the Unified Social Credit Code.");
    }

    #[test]
    fn warnings_keep_a_value_valid() {
        let r = validate(ValueKind::PostalCode, "200000", &Context { beijing_address: true, ..ctx() });
        assert!(r.valid && r.errors.is_empty());
        assert_eq!(r.warnings[0].code, "postal_code_not_beijing");
    }

    #[test]
    fn kind_names_round_trip() {
        for k in ValueKind::ALL {
            assert_eq!(ValueKind::from_name(k.name()), Some(k));
            assert_eq!(serde_json::to_value(k).unwrap(), k.name());
        }
    }
}
