//! The reference server's sample people, employer and photo receipt: deterministic, so tests,
//! demos and training sessions can rely on them. Every number passes the rules (GB 11643, GB 32100).

/// A sample person, as typed into the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoPerson {
    pub name: &'static str,
    pub id_number: &'static str,
}

/// A Beijing resident (朝阳区) who may apply and has a photo on file.
pub const RESIDENT: DemoPerson = DemoPerson { name: "王晓明", id_number: "110105198803150010" };
/// Already holds a third-generation card: `already_applied`.
pub const ALREADY_APPLIED: DemoPerson = DemoPerson { name: "李建国", id_number: "110108197512040035" };
/// No insurance record that allows an online application: `not_eligible`.
pub const NOT_ELIGIBLE: DemoPerson = DemoPerson { name: "赵婷", id_number: "110102199206180022" };
/// A Guangzhou resident holding cards from Shenzhen and Foshan: `one_person_one_card` in the
/// Guangdong flows until a `gd-card-cleanup` case cleans them up.
pub const TWO_CARDS: DemoPerson = DemoPerson { name: "陈志强", id_number: "440106198507210018" };
/// A retiree (西城区); in `bj-retiree` the answer names the pension-disbursing bank.
pub const RETIREE: DemoPerson = DemoPerson { name: "刘桂兰", id_number: "110102195403120020" };
/// The employees the demo employer registered for its collective application.
pub const EMPLOYEES: [DemoPerson; 3] = [
    DemoPerson { name: "孙立伟", id_number: "110105199201010015" },
    DemoPerson { name: "周敏", id_number: "110106199507230025" },
    DemoPerson { name: "吴昊", id_number: "110108198909110032" },
];

/// The demo employer: open its collective application with a `bj-employer-open` case.
pub const ENTITY_USCC: &str = "91110105MA01XK3T5N";
pub const ENTITY_NAME: &str = "北京示例科技有限公司（示例）";

/// A photo receipt number (相片回执号) registered by a studio; `POST /v1/photos/receipt` answers
/// with `SAMPLE_PHOTO`.
pub const PHOTO_RECEIPT: &str = "440100202411210123";
/// A receipt number whose photo is too old for a card: refused as `receipt_expired`.
pub const EXPIRED_RECEIPT: &str = "440100202001080045";
/// The sample portrait: the photo under `PHOTO_RECEIPT`, and every sample person's photo on file.
pub static SAMPLE_PHOTO: &[u8] = include_bytes!("../../../banka-photos/tests/images/portrait-ok.jpg");

/// A first submission for an applicant of this name is rejected at the accepted stage, to
/// practise 重新提交; the next revision goes through.
pub const REJECTED_NAME: &str = "测试驳回";
pub const REJECTION_ZH: &str = "相片不符合制卡要求，请重新上传。";
pub const REJECTION_EN: &str = "The photo does not meet the card requirements; upload a new one.";

/// What the agency's records say about a sample person.
#[derive(Debug)]
pub(super) struct Record {
    pub person: DemoPerson,
    pub standing: Standing,
    /// When the photo in the social security system was taken (YYYY-MM-DD), if there is one.
    pub photo_taken_on: Option<&'static str>,
    pub cards: &'static [DemoCard],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Standing {
    Eligible,
    AlreadyApplied,
    NotEligible,
}

/// A card from another Guangdong city, to be cleaned up (G3).
#[derive(Debug)]
pub(super) struct DemoCard {
    pub id: &'static str,
    pub number: &'static str,
    /// A `guangdong_cities` code.
    pub city: &'static str,
    pub bank: &'static str,
}

const PEOPLE: &[Record] = &[
    Record { person: RESIDENT, standing: Standing::Eligible, photo_taken_on: Some("2021-05-10"), cards: &[] },
    Record { person: ALREADY_APPLIED, standing: Standing::AlreadyApplied, photo_taken_on: None, cards: &[] },
    Record { person: NOT_ELIGIBLE, standing: Standing::NotEligible, photo_taken_on: None, cards: &[] },
    Record {
        person: TWO_CARDS,
        standing: Standing::Eligible,
        photo_taken_on: Some("2019-08-20"),
        cards: &[
            DemoCard { id: "gd-card-4403-0001", number: "4403001235678901", city: "4403", bank: "中国建设银行" },
            DemoCard { id: "gd-card-4406-0001", number: "4406000987654321", city: "4406", bank: "中国工商银行" },
        ],
    },
    Record { person: RETIREE, standing: Standing::Eligible, photo_taken_on: None, cards: &[] },
];

/// The records of the person with this (normalised) number.
pub(super) fn find(id_number: &str) -> Option<&'static Record> {
    PEOPLE.iter().find(|r| r.person.id_number == id_number)
}

/// Whose card this is.
pub(super) fn card_owner(card_id: &str) -> Option<&'static Record> {
    PEOPLE.iter().find(|r| r.cards.iter().any(|c| c.id == card_id))
}

/// The stable id of the `n`th demo employee (what `bj-employer-submit` selects).
pub(super) fn employee_id(n: usize) -> String {
    format!("emp-{:04}", n + 1)
}
