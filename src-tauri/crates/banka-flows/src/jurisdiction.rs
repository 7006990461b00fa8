//! What differs by jurisdiction, in one place per jurisdiction: the province whose bank directory
//! its agency answers, how an ID type's number is checked, whether postal codes are checked
//! as its own, and the start screen's group its flows are offered in. A flow names its jurisdiction (`jurisdiction = "beijing"`); the code lists of its
//! areas (Beijing's districts, Guangdong's cities) are banka-rules' data, named by the fields.

use banka_rules::ValueKind;
use serde::{Deserialize, Serialize};

/// Also the start screen's group of a flow: the UI offers each jurisdiction's flows together,
/// under its name.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Jurisdiction {
    Beijing,
    Guangdong,
}

impl Jurisdiction {
    pub const ALL: [Jurisdiction; 2] = [Jurisdiction::Beijing, Jurisdiction::Guangdong];

    /// The province code (GB/T 2260) the agency's bank directory is asked for: every branch of it.
    pub fn province_code(self) -> &'static str {
        match self {
            Jurisdiction::Beijing => "110000",
            Jurisdiction::Guangdong => "440000",
        }
    }

    /// The kind of number an ID type's number is checked as. In Guangdong a resident's number is
    /// asked as the social security number (seed 004 §1.3.2 申领资格校验), which has its form.
    pub fn number_kind(self, id_type: &str) -> Option<ValueKind> {
        Some(match id_type {
            "resident_id" if self == Jurisdiction::Guangdong => ValueKind::SocialSecurityNumber,
            "resident_id" | "hukou" | "residence_permit" => ValueKind::IdNumber,
            "hk_macau_travel_permit" => ValueKind::HkMacauTravelPermit,
            "taiwan_travel_permit" => ValueKind::TaiwanTravelPermit,
            _ => return None,
        })
    }

    /// Whether a mailing address's postal code is checked as this jurisdiction's own: Beijing's
    /// begin with 10, and another is a warning (banka-rules `check_postal_code`).
    pub fn local_postal_codes(self) -> bool {
        self == Jurisdiction::Beijing
    }
}
