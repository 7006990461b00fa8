//! The shared vocabulary of SPEC §5 that definitions, the engine, the agency API and the CLI
//! use: document kinds (uploads) and collection methods, with their names in both languages.

use serde::{Deserialize, Serialize};

/// What an upload is (SPEC §5 "document kinds").
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    IdCardFront,
    IdCardBack,
    ProxyIdCardFront,
    ProxyIdCardBack,
    BirthCertificate,
    HukouMainPage,
    HukouApplicantPage,
    HukouApplicantPageBack,
    HukouHouseholderPage,
    HukouHouseholderPageBack,
    TravelPermitFront,
    TravelPermitBack,
    ResidencePermitFront,
    ResidencePermitBack,
    CardPhoto,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 15] = {
        use DocumentKind::*;
        [
            IdCardFront,
            IdCardBack,
            ProxyIdCardFront,
            ProxyIdCardBack,
            BirthCertificate,
            HukouMainPage,
            HukouApplicantPage,
            HukouApplicantPageBack,
            HukouHouseholderPage,
            HukouHouseholderPageBack,
            TravelPermitFront,
            TravelPermitBack,
            ResidencePermitFront,
            ResidencePermitBack,
            CardPhoto,
        ]
    };

    /// The snake_case name used in answers (`documents.<name>`), the CLI and the agency API.
    pub fn name(self) -> &'static str {
        use DocumentKind::*;
        match self {
            IdCardFront => "id_card_front",
            IdCardBack => "id_card_back",
            ProxyIdCardFront => "proxy_id_card_front",
            ProxyIdCardBack => "proxy_id_card_back",
            BirthCertificate => "birth_certificate",
            HukouMainPage => "hukou_main_page",
            HukouApplicantPage => "hukou_applicant_page",
            HukouApplicantPageBack => "hukou_applicant_page_back",
            HukouHouseholderPage => "hukou_householder_page",
            HukouHouseholderPageBack => "hukou_householder_page_back",
            TravelPermitFront => "travel_permit_front",
            TravelPermitBack => "travel_permit_back",
            ResidencePermitFront => "residence_permit_front",
            ResidencePermitBack => "residence_permit_back",
            CardPhoto => "card_photo",
        }
    }

    pub fn from_name(name: &str) -> Option<DocumentKind> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    pub fn label(self) -> (&'static str, &'static str) {
        use DocumentKind::*;
        match self {
            IdCardFront => ("身份证国徽面", "ID card, national emblem side"),
            IdCardBack => ("身份证个人信息面", "ID card, personal information side"),
            ProxyIdCardFront => ("代办人身份证国徽面", "proxy's ID card, national emblem side"),
            ProxyIdCardBack => ("代办人身份证个人信息面", "proxy's ID card, personal information side"),
            BirthCertificate => ("出生医学证明", "birth certificate"),
            HukouMainPage => ("户口本首页（户主页）", "household register, main page"),
            HukouApplicantPage => ("户口本申请人本人页", "household register, applicant's page"),
            HukouApplicantPageBack => ("户口本申请人本人页背面", "household register, back of the applicant's page"),
            HukouHouseholderPage => ("户口本户主本人页", "household register, householder's own page"),
            HukouHouseholderPageBack => {
                ("户口本户主本人页背面", "household register, back of the householder's own page")
            }
            TravelPermitFront => ("通行证正面", "travel permit, front"),
            TravelPermitBack => ("通行证背面", "travel permit, back"),
            ResidencePermitFront => ("居住证正面", "residence permit, front"),
            ResidencePermitBack => ("居住证背面", "residence permit, back"),
            CardPhoto => ("制卡照片", "card photo"),
        }
    }
}

/// How the card reaches the applicant (`collection.method`).
pub const COLLECTION_METHODS: [&str; 4] = ["branch_pickup", "mail", "mail_cod", "entity"];

/// The applicant's identity document (`applicant.id_type`).
pub const ID_TYPES: [&str; 5] =
    ["resident_id", "hukou", "hk_macau_travel_permit", "taiwan_travel_permit", "residence_permit"];

#[cfg(test)]
mod tests {
    use super::DocumentKind;

    #[test]
    fn every_kind_is_listed_once_under_its_serde_name() {
        for kind in DocumentKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.name());
            assert_eq!(DocumentKind::from_name(kind.name()), Some(kind));
        }
        let mut names: Vec<_> = DocumentKind::ALL.iter().map(|k| k.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 15);
    }
}
