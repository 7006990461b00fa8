//! Flow definitions as data: the TOML a flow file holds, parsed and with shared steps and field
//! groups (`flows/shared.toml`) expanded in place, so the engine sees one flat list of steps.

use std::collections::BTreeMap;

use banka_rules::Localized;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::condition::Condition;
pub use crate::jurisdiction::Jurisdiction;
use crate::vocabulary::DocumentKind;

/// A flow after expansion: what the engine evaluates.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    pub id: String,
    pub version: u32,
    pub title_zh: String,
    pub title_en: String,
    pub jurisdiction: Jurisdiction,
    /// The seed document(s) the flow follows, e.g. "001 §一, §二".
    pub source: String,
    /// The flow opens in elderly mode (长者版: large text, one question per page).
    #[serde(default)]
    pub elderly: bool,
    /// The channel's own words at the end: the second confirmation before sending
    /// (二次确认, e.g. "是否确认提交个人申领") and the success page.
    pub words: Words,
    pub steps: Vec<Step>,
    #[serde(default)]
    pub documents: Vec<DocumentRule>,
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// What the flow asks the agency, and after which step: its conversation with the agency.
    #[serde(default)]
    pub agency: Vec<Ask>,
    /// The check-answers page laid out as the channel lays it out (004 §1.3.7: 个人信息, 制卡相片,
    /// 社保卡信息, …); without it, one section per step.
    #[serde(default)]
    pub check_answers: Vec<SummarySection>,
    /// Per version, the fields whose meaning changed: a draft started on an older version is
    /// asked to revisit them instead of breaking.
    #[serde(default)]
    pub changes: Vec<Change>,
}

/// One section of the check-answers page: its title and the answers it shows, in this order.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SummarySection {
    pub id: String,
    pub title_zh: String,
    pub title_en: String,
    /// Field paths; every answer a person gives belongs to exactly one section.
    #[serde(default)]
    pub fields: Vec<String>,
    /// The uploads are listed here.
    #[serde(default)]
    pub documents: bool,
}

/// What the channel says when the person sends the case and when it has gone, in the seed's
/// words where it quotes them.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// The second confirmation's question (二次确认).
    pub confirm: Localized,
    /// The success page once the agency has the case (提交成功).
    pub done: Localized,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title_zh: String,
    pub title_en: String,
    #[serde(default)]
    pub kind: StepKind,
    /// What the seed says on this page before the questions (a notice, a disclaimer), one
    /// paragraph per line.
    pub text_zh: Option<String>,
    pub text_en: Option<String>,
    /// The step exists only when this holds.
    pub when: Option<Condition>,
    #[serde(default)]
    pub fields: Vec<Field>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepKind {
    #[default]
    Form,
    /// Uploads: the documents whose rule names this step.
    Documents,
    /// Every section with its answers and a Change link.
    CheckAnswers,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub path: String,
    #[serde(rename = "type")]
    pub input: Input,
    pub label_zh: String,
    pub label_en: String,
    #[serde(default = "yes")]
    pub required: bool,
    /// The field exists only when this holds; otherwise it is hidden and its answer, though
    /// kept in the draft, is neither validated nor submitted.
    pub when: Option<Condition>,
    /// For `choice` and `multi-choice`: the options, each possibly conditional.
    #[serde(default)]
    pub options: Vec<Choice>,
    /// For `choice` and `multi-choice`: options taken from the agency's data instead.
    pub options_from: Option<OptionsFrom>,
    /// For `code-list`: which list.
    pub list: Option<CodeList>,
    /// For `document-number`: the field holding the document type (`applicant.id_type`).
    pub id_type_field: Option<String>,
    /// For an SMS verification code: the mobile number field the code is sent to.
    pub sms_to: Option<String>,
    /// The value until the user gives another.
    pub default: Option<Value>,
    pub locked: Option<Lock>,
    /// The value is computed, not typed (the user confirms it).
    pub derive: Option<Derive>,
    /// The agency's photo that goes with this answer is fetched and shown with it: a receipt
    /// number's (【获取图片】) or the person's photo on file (使用本人社保相片), 004 §1.3.4.
    pub agency_photo: Option<AgencyPhoto>,
    /// For `text`: the most characters it takes (default `banka_rules::text::MAX_TEXT`).
    pub max_length: Option<usize>,
    /// For `options_from`: the agency's whole list is shown with the question, each entry with
    /// its status, not only those that can be chosen (the employer's employees, 002 §三).
    #[serde(default)]
    pub roster: bool,
    /// For a yes/no: a yes stands for the system's default picture of this document (bj-minor's
    /// cartoon card photo, SPEC §3); while the question is asked the upload offers that picture.
    pub default_document: Option<DocumentKind>,
}

/// Which of the agency's photos a field shows (004 §1.3.4 获取制卡相片).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyPhoto {
    /// The photo a studio registered under the receipt number the field holds.
    Receipt,
    /// The photo of the case's person in the social security system.
    OnFile,
}

/// A computed value: the day the person under `birthday_of` (e.g. `applicant`) turns `years`,
/// when `when` holds (otherwise the field is typed). Household registers used as ID are valid
/// until the holder's 16th birthday (seed 004 §1.3.5).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Derive {
    pub birthday_of: String,
    pub years: u32,
    pub when: Option<Condition>,
}

fn yes() -> bool {
    true
}

/// What kind of answer a field takes.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Input {
    /// One line of text: no control characters, at most `max_length` (default 200) characters.
    Text,
    /// A person's name as the ID document writes it: letters, spaces and "·"; at most 50.
    PersonName,
    Date,
    Choice,
    /// Several of the options (a JSON array); required means at least one.
    MultiChoice,
    YesNo,
    /// A box that must be ticked (notice, authorisation, commitment).
    Consent,
    CodeList,
    /// A current county-level division code (GB/T 2260), e.g. 440106 for a mailing address.
    Region,
    /// A bank branch's name, chosen from the agency's directory of the districts in `list`
    /// (text when offline). Choosing one also answers the sibling fields `name` (the bank),
    /// `branch_phone` and `branch_address` of the same group, where the flow has them.
    Branch,
    /// A number whose kind follows `id_type_field`.
    DocumentNumber,
    IdNumber,
    SocialSecurityNumber,
    Mobile,
    PostalCode,
    Uscc,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: Value,
    pub zh: String,
    pub en: String,
    pub when: Option<Condition>,
}

/// Options listed by the agency under `path` (banks, an entity's employees): each item is a
/// string, or an object whose `value` key is the option and `label` key its name; `only` keeps
/// the items whose key has a given value (employees whose status is confirmed) or the value of
/// another answer (branches of the chosen bank).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OptionsFrom {
    pub path: String,
    #[serde(default = "value_key")]
    pub value: String,
    #[serde(default = "label_key")]
    pub label: String,
    pub only: Option<ItemFilter>,
}

fn value_key() -> String {
    "value".into()
}

fn label_key() -> String {
    "label".into()
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ItemFilter {
    pub key: String,
    /// Keep items whose `key` has this value…
    pub is: Option<Value>,
    /// …or the value of this earlier field (e.g. branches of the chosen bank).
    pub same_as: Option<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeList {
    EthnicGroups,
    Occupations,
    BeijingDistricts,
    GuangdongCities,
}

/// A field the user cannot change: either once a condition holds (its current answer is then
/// fixed) or always taken from another path (e.g. the agency's answer).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    pub when: Option<Condition>,
    /// The path whose value the field takes, e.g. `agency.pension_bank`.
    pub from: Option<String>,
    /// With `from`: the person answers until that path has a value (the agency has answered);
    /// without it the field is locked, and empty, until then.
    #[serde(default)]
    pub open_until_known: bool,
    /// The value the field takes while `when` holds (单位代领 when the employer collects).
    pub value: Option<Value>,
    pub reason_zh: String,
    pub reason_en: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRule {
    pub kind: DocumentKind,
    /// The documents step that asks for it.
    pub step: String,
    pub when: Option<Condition>,
    /// False for documents offered but not demanded.
    #[serde(default = "yes")]
    pub required: bool,
}

/// A rule across fields, reported on `field`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Rule {
    /// The person whose facts live under `field`'s parent (e.g. `applicant.`) must be younger
    /// than `years` on the application date.
    AgeBelow { field: String, years: u32 },
    /// A date answer may not be after the application date (e.g. an ID's validity start).
    NotFuture { field: String },
    /// The date in `later` must come after the date in `earlier` (validity end after start);
    /// reported on `later`.
    DateOrder { earlier: String, later: String },
    /// When `when` holds (or always), `field` must have the same value as `other`; reported
    /// on `field`. A mainland social security number is the citizen ID number (SPEC §3).
    SameAs { field: String, other: String, when: Option<Condition> },
    /// The document number in `field` must be one a resident of the type answered in
    /// `resident` holds (Guangdong: a Hong Kong resident's residence permit starts 810000).
    HeldBy { field: String, resident: String },
    /// The agency's eligibility answer stops this flow when `when` holds; `next_flow` is where
    /// the user goes instead (e.g. "one person, one card" → `gd-card-cleanup`).
    AgencyRefusal { field: String, when: Condition, refusal: Refusal, next_flow: Option<String> },
}

/// Why the agency refuses an application at eligibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// The person holds cards of other cities in the province (一人一卡).
    OnePersonOneCard,
    /// An application is already in progress or a card already issued.
    AlreadyApplied,
    /// The agency has no insurance record that allows an application.
    NotEligible,
    /// The name is not the one registered for the number.
    NameMismatch,
    /// The employer has not opened a collective application.
    EntityNotOpen,
    /// The employer's collective application does not list the person.
    NotOnEntityList,
    /// No photo is registered under the receipt number.
    ReceiptNotFound,
    /// The receipt number's photo is too old to make a card with.
    ReceiptExpired,
    /// The social security system holds no photo of the person.
    NoPhotoOnFile,
}

/// A question to the agency, asked once the answers of step `after` are complete, and again
/// whenever one of them changes (the answers it was asked about are recorded with the answer).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ask {
    pub ask: Question,
    pub after: String,
}

/// What can be asked of the agency (`docs/agency-api.yaml`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// 资格校验: may this person apply (and what the agency knows for the case: a retiree's
    /// pension bank, the employer's collective application, the proxy's relationship). A gate:
    /// the case cannot be finished until the agency says yes.
    Eligibility,
    /// The province's banks and branches (an employer choosing them for its staff).
    Banks,
    /// An employer's employees and how far each has got.
    Employees,
    /// The person's cards in the province (the clean-up lists them).
    Cards,
    /// The photo a studio registered under the case's receipt number (【获取图片】).
    PhotoReceipt,
}

impl Question {
    pub fn name(self) -> &'static str {
        match self {
            Question::Eligibility => "eligibility",
            Question::Banks => "banks",
            Question::Employees => "employees",
            Question::Cards => "cards",
            Question::PhotoReceipt => "photo_receipt",
        }
    }

    /// The answer that says the agency has answered (for eligibility, its verdict).
    pub fn answer_path(self) -> &'static str {
        match self {
            Question::Eligibility => "agency.eligibility",
            Question::Banks => "agency.banks",
            Question::Employees => "agency.employees",
            Question::Cards => "agency.cards",
            Question::PhotoReceipt => "agency.photo_receipt",
        }
    }

    /// Where a case records what this question was asked about and which answers it gave.
    pub fn record_path(self) -> String {
        format!("agency.asked.{}", self.name())
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub version: u32,
    pub fields: Vec<String>,
    pub why_zh: String,
    pub why_en: String,
}

// ---- The file format: a flow may `use` shared steps and field groups. ----

/// `[words.confirm]` and `[words.done]` as written, `zh` and `en`: their 繁體 is the reviewed
/// catalog's (read as a `Localized` they would be converted first, loading the converter with
/// the flows for nothing).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    confirm: TextFile,
    done: TextFile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextFile {
    zh: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlowFile {
    id: String,
    version: u32,
    title_zh: String,
    title_en: String,
    jurisdiction: Jurisdiction,
    source: String,
    #[serde(default)]
    elderly: bool,
    words: WordsFile,
    steps: Vec<StepEntry>,
    #[serde(default)]
    documents: Vec<DocumentRule>,
    #[serde(default)]
    rules: Vec<Rule>,
    #[serde(default)]
    agency: Vec<Ask>,
    #[serde(default)]
    check_answers: Vec<SummarySection>,
    #[serde(default)]
    changes: Vec<Change>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum StepEntry {
    Use {
        #[serde(rename = "use")]
        name: String,
    },
    Step(StepFile),
}

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct StepFile {
    id: String,
    title_zh: String,
    title_en: String,
    #[serde(default)]
    kind: StepKind,
    text_zh: Option<String>,
    text_en: Option<String>,
    when: Option<Condition>,
    #[serde(default)]
    fields: Vec<FieldEntry>,
}

#[derive(Clone, Deserialize)]
#[serde(untagged)]
enum FieldEntry {
    Use {
        #[serde(rename = "use")]
        name: String,
    },
    Field(Box<Field>),
}

/// `flows/shared.toml`: steps and field groups several flows use.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Shared {
    #[serde(default)]
    steps: BTreeMap<String, StepFile>,
    #[serde(default)]
    fields: BTreeMap<String, Vec<FieldEntry>>,
}

impl Shared {
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| format!("shared.toml: {e}"))
    }
}

impl Flow {
    /// Parses a flow file and expands its `use` entries from `shared`.
    pub fn parse(name: &str, text: &str, shared: &Shared) -> Result<Self, String> {
        let file: FlowFile = toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        let steps = file
            .steps
            .into_iter()
            .map(|entry| match entry {
                StepEntry::Step(step) => expand_step(step, shared),
                StepEntry::Use { name: used } => match shared.steps.get(&used) {
                    Some(step) => expand_step(step.clone(), shared),
                    None => Err(format!("no shared step \"{used}\"")),
                },
            })
            .collect::<Result<_, _>>()
            .map_err(|e| format!("{name}: {e}"))?;
        Ok(Flow {
            id: file.id,
            version: file.version,
            title_zh: file.title_zh,
            title_en: file.title_en,
            jurisdiction: file.jurisdiction,
            source: file.source,
            elderly: file.elderly,
            words: Words {
                confirm: crate::traditional::words(&file.words.confirm.zh, &file.words.confirm.en),
                done: crate::traditional::words(&file.words.done.zh, &file.words.done.en),
            },
            steps,
            documents: file.documents,
            rules: file.rules,
            agency: file.agency,
            check_answers: file.check_answers,
            changes: file.changes,
        })
    }

    pub fn fields(&self) -> impl Iterator<Item = (&Step, &Field)> {
        self.steps.iter().flat_map(|s| s.fields.iter().map(move |f| (s, f)))
    }

    pub fn field(&self, path: &str) -> Option<&Field> {
        self.fields().map(|(_, f)| f).find(|f| f.path == path)
    }

    /// The agency's data this flow reads (`agency.<name>` in a condition, a locked value or an
    /// option list): the only `agency.` answers a case of it takes.
    pub fn agency_inputs(&self) -> std::collections::BTreeSet<String> {
        fn walk(value: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
            match value {
                serde_json::Value::String(s) if s.starts_with("agency.") => {
                    out.insert(s.clone());
                }
                serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
                serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, out)),
                _ => {}
            }
        }
        // The definition as data: every place a path can appear, without listing them here.
        let mut out = std::collections::BTreeSet::new();
        walk(&serde_json::to_value(self).expect("a flow serialises"), &mut out);
        out.extend(self.agency.iter().map(|a| a.ask.record_path()));
        out
    }

    /// The flow's question `q`, if it asks it.
    pub fn asks(&self, q: Question) -> Option<&Ask> {
        self.agency.iter().find(|a| a.ask == q)
    }
}

fn expand_step(step: StepFile, shared: &Shared) -> Result<Step, String> {
    Ok(Step {
        fields: expand_fields(step.fields, shared, 0)?,
        id: step.id,
        title_zh: step.title_zh,
        title_en: step.title_en,
        kind: step.kind,
        text_zh: step.text_zh,
        text_en: step.text_en,
        when: step.when,
    })
}

fn expand_fields(entries: Vec<FieldEntry>, shared: &Shared, depth: usize) -> Result<Vec<Field>, String> {
    if depth > 8 {
        return Err("shared field groups use each other in a cycle".into());
    }
    let mut fields = Vec::new();
    for entry in entries {
        match entry {
            FieldEntry::Field(f) => fields.push(*f),
            FieldEntry::Use { name } => {
                let group = shared.fields.get(&name).ok_or_else(|| format!("no shared field group \"{name}\""))?;
                fields.extend(expand_fields(group.clone(), shared, depth + 1)?);
            }
        }
    }
    Ok(fields)
}
