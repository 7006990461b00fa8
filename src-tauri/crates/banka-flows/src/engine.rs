//! The engine: given a flow and the answers so far, says which steps and fields exist and in
//! what state, which choices and documents apply, every error, and whether the case is ready.
//! A pure function of (flow, answers, application date): the UI and the CLI only render it.

use std::collections::BTreeMap;

use banka_rules::finding::{Field as Label, Finding};
use banka_rules::{dates, text, validate_field, Context, Localized, Problem, ValueKind};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{json, Value};

use crate::condition::{is_answered, Lookup};
use crate::definition::{AgencyPhoto, Ask, CodeList, Field, Flow, Input, Question, Refusal, Rule, StepKind};
use crate::summary::{sections, Section};
use crate::traditional;
use crate::vocabulary::DocumentKind;

/// Answers keyed by field path (`applicant.id_number`), plus what is not typed into a field:
/// uploads under `documents.<kind>` and the agency's answers under `agency.`.
pub type Answers = BTreeMap<String, Value>;

/// What the evaluation depends on besides the answers.
#[derive(Debug, Clone, Copy)]
pub struct Situation {
    /// The application date: ages and "not in the future" are judged on it.
    pub today: NaiveDate,
    /// The flow version the draft was started with, if older answers may need revisiting.
    pub started_version: Option<u32>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub flow: String,
    pub version: u32,
    pub steps: Vec<StepState>,
    pub fields: Vec<FieldState>,
    pub required_documents: Vec<DocumentKind>,
    pub missing_documents: Vec<DocumentKind>,
    pub allowed_collection_methods: Vec<String>,
    pub locked_fields: Vec<String>,
    pub errors: Vec<FieldError>,
    /// Worth a second look, but not stopping the case (e.g. a non-Beijing postal code).
    pub warnings: Vec<FieldError>,
    /// What the agency has not answered yet (offline, or asked about other answers): nothing to
    /// correct, so the draft goes on from step to step, but the case cannot be finished.
    pub waiting: Vec<FieldError>,
    /// Fields whose meaning changed since the draft's flow version: ask the user again.
    pub revisit: Vec<String>,
    /// Where the agency's answer sends the user instead (e.g. `gd-card-cleanup`).
    pub next_flow: Option<String>,
    /// The agency's refusals among `errors` (not eligible, already applied, one person one
    /// card): what the person is told when the case cannot go on as it is.
    pub refusals: Vec<FieldError>,
    /// The flow's questions to the agency as the case stands: which to ask now.
    pub agency: Vec<AskState>,
    /// What the check-answers page shows, section by section.
    pub check_answers: Vec<Section>,
    /// What would be sent to the agency: the value of every field that is part of the case
    /// (answers on branches not taken stay in the draft but are not here).
    pub answers_to_submit: BTreeMap<String, Value>,
    pub ready: bool,
}

/// One of the flow's questions to the agency.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct AskState {
    pub ask: Question,
    /// The step whose answers it is about.
    pub step: String,
    /// To be asked now: its step is complete and the agency has not answered these answers
    /// (never asked, or asked about answers that have changed since).
    pub due: bool,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct StepState {
    pub id: String,
    pub title: Localized,
    pub kind: StepKind,
    /// A notice step's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub text: Option<Localized>,
    pub visible: bool,
    pub complete: bool,
    /// An earlier step is not complete yet.
    pub blocked: bool,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", ts(rename = "FieldStatus"))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Required,
    Optional,
    /// Not part of the case as answered so far; any answer is kept but ignored.
    Hidden,
    /// Shown, not changeable (`reason_*` says why).
    Locked,
    /// Computed from another answer (e.g. birth date from the ID number), shown to confirm.
    Derived,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct FieldState {
    pub path: String,
    pub step: String,
    pub label: Localized,
    pub input: Input,
    pub status: Status,
    /// The value that counts: the answer (normalised), the default, the locked or derived value.
    pub value: Option<Value>,
    pub defaulted: bool,
    /// For choices: the options that apply now.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<OptionState>>", optional))]
    pub options: Vec<OptionState>,
    /// For code lists: which list the value comes from (the picker offers it).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub list: Option<CodeList>,
    /// For an SMS verification code: the mobile number field it is sent to.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub sms_to: Option<String>,
    /// Why a locked answer cannot be changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub reason: Option<Localized>,
    /// The agency's photo shown with this answer (a receipt number's, or the one on file).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub agency_photo: Option<AgencyPhoto>,
    /// The agency's list behind the options (`agency.employees`), shown whole with the question.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub roster: Option<String>,
    /// The document whose default picture a yes to this question stands for.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub default_document: Option<DocumentKind>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct OptionState {
    pub value: Value,
    pub label: Localized,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct FieldError {
    /// The field path (`applicant.id_number`) or `documents.<kind>`.
    pub field: String,
    #[serde(flatten)]
    pub finding: Finding,
}

/// What the evaluation found wrong, as it goes.
#[derive(Default)]
struct Issues {
    errors: Vec<FieldError>,
    warnings: Vec<FieldError>,
    waiting: Vec<FieldError>,
}

impl Issues {
    fn error(&mut self, field: &str, problem: Problem, label: &Label) {
        self.errors.push(FieldError { field: field.to_owned(), finding: problem.describe(label) });
    }

    fn waiting(&mut self, field: &str, label: &Label) {
        self.waiting.push(FieldError { field: field.to_owned(), finding: Problem::AgencyPending.describe(label) });
    }
}

/// Answers as conditions see them: only what is visible, normalised, plus derived facts.
struct Effective(BTreeMap<String, Value>);

impl Lookup for Effective {
    fn get(&self, path: &str) -> Option<&Value> {
        self.0.get(path)
    }
}

pub fn evaluate(flow: &Flow, answers: &Answers, situation: &Situation) -> Evaluation {
    let field_paths: Vec<&str> = flow.fields().map(|(_, f)| f.path.as_str()).collect();
    // What is not a field (uploads, the agency's answers) counts as given.
    let mut effective = Effective(
        answers
            .iter()
            .filter(|(k, _)| !field_paths.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
    );
    // The agency's answers to a question asked about other answers than the case has now are
    // out of date: as if never given, so the question is due again.
    for ask in &flow.agency {
        if let Some(record) = answers.get(&ask.ask.record_path()) {
            if record.get("about") != Some(&asked_about(flow, ask, answers)) {
                let gave = record.get("gave").and_then(Value::as_array).cloned().unwrap_or_default();
                for path in gave.iter().filter_map(Value::as_str) {
                    effective.0.remove(path);
                }
                effective.0.remove(&ask.ask.record_path());
            }
        }
    }
    let mut fields = Vec::new();
    let mut issues = Issues::default();

    // Definitions only let a condition read earlier fields, so one pass in order decides every
    // step's and field's visibility for good.
    let mut visible_steps = Vec::new();
    for step in &flow.steps {
        let step_visible = step.when.as_ref().is_none_or(|c| c.holds(&effective));
        visible_steps.push(step_visible);
        for field in &step.fields {
            let visible = step_visible && field.when.as_ref().is_none_or(|c| c.holds(&effective));
            let state = if visible {
                settle(flow, field, answers, &mut effective, situation, &mut issues)
            } else {
                hidden(field)
            };
            fields.push(FieldState { step: step.id.clone(), ..state });
        }
    }

    // Locks that hold once a later answer is given (a confirmed relationship stays as confirmed).
    for state in fields.iter_mut().filter(|s| s.status != Status::Hidden) {
        let lock = flow.field(&state.path).and_then(|f| f.locked.as_ref());
        if let Some(lock) = lock.filter(|l| l.when.as_ref().is_some_and(|c| c.holds(&effective))) {
            state.status = Status::Locked;
            state.reason = Some(traditional::words(&lock.reason_zh, &lock.reason_en));
        }
    }

    let (next_flow, mut refusals) = apply_rules(flow, &fields, &effective, situation, &mut issues);
    refusals.extend(eligibility_gate(flow, &visible_steps, &effective, &mut issues));
    let (required_documents, missing_documents) = check_documents(flow, &visible_steps, &effective, &mut issues);
    let steps = step_states(flow, &visible_steps, &fields, &issues);
    let agency = flow
        .agency
        .iter()
        .map(|ask| {
            let complete = steps.iter().any(|s| s.id == ask.after && s.complete);
            // Asked (its record: perhaps there was nothing to ask) or answered (the CLI): not due.
            let asked =
                effective.get(&ask.ask.record_path()).is_some() || effective.get(ask.ask.answer_path()).is_some();
            AskState { ask: ask.ask, step: ask.after.clone(), due: complete && !asked }
        })
        .collect();

    let allowed_collection_methods = fields
        .iter()
        .find(|f| f.path == "collection.method" && f.status != Status::Hidden)
        .map(|f| match (&f.status, &f.value) {
            (Status::Locked, Some(Value::String(v))) => vec![v.clone()],
            _ => f.options.iter().filter_map(|o| o.value.as_str().map(str::to_owned)).collect(),
        })
        .unwrap_or_default();
    let locked_fields = fields.iter().filter(|f| f.status == Status::Locked).map(|f| f.path.clone()).collect();
    let revisit = situation
        .started_version
        .map(|started| {
            flow.changes.iter().filter(|c| c.version > started).flat_map(|c| c.fields.iter().cloned()).collect()
        })
        .unwrap_or_default();
    // Once the agency has said yes, what it checked is no longer the person's to change from here.
    let checked = match (flow.asks(Question::Eligibility), effective.get(Question::Eligibility.answer_path())) {
        (Some(ask), Some(Value::String(yes))) if yes == "eligible" => asked_about(flow, ask, answers),
        _ => Value::Null,
    };
    let check_answers = sections(
        flow,
        &steps,
        &fields,
        &required_documents,
        |kind| !missing_documents.contains(&kind),
        |path| checked.get(path).is_some(),
    );
    let answers_to_submit = fields
        .iter()
        .filter(|f| f.status != Status::Hidden)
        .filter_map(|f| Some((f.path.clone(), f.value.clone()?)))
        .collect();
    let ready =
        issues.errors.is_empty() && issues.waiting.is_empty() && steps.iter().filter(|s| s.visible).all(|s| s.complete);
    Evaluation {
        flow: flow.id.clone(),
        version: flow.version,
        steps,
        fields,
        required_documents,
        missing_documents,
        allowed_collection_methods,
        locked_fields,
        errors: issues.errors,
        warnings: issues.warnings,
        waiting: issues.waiting,
        revisit,
        next_flow,
        refusals,
        agency,
        check_answers,
        answers_to_submit,
        ready,
    }
}

/// Applies the flow's cross-field rules; returns the flow an agency refusal sends the user to,
/// and the refusals' errors.
fn apply_rules(
    flow: &Flow,
    fields: &[FieldState],
    effective: &Effective,
    situation: &Situation,
    issues: &mut Issues,
) -> (Option<String>, Vec<FieldError>) {
    // Only visible answers count (normalised); their own errors are reported already.
    let visible_value = |path: &str| {
        fields.iter().any(|s| s.path == path && s.status != Status::Hidden).then(|| effective.get(path)).flatten()
    };
    let date_of = |path: &str| visible_value(path).and_then(as_date);
    let mut next_flow = None;
    let mut refusals = Vec::new();
    for rule in &flow.rules {
        let (field, problem) = match rule {
            Rule::AgencyRefusal { field, when, refusal, next_flow: next } if when.holds(effective) => {
                next_flow = next_flow.or_else(|| next.clone());
                let problem = match refusal {
                    Refusal::OnePersonOneCard => Problem::OnePersonOneCard,
                    Refusal::AlreadyApplied => Problem::AlreadyApplied,
                    Refusal::NotEligible => Problem::NotEligible,
                    Refusal::NameMismatch => Problem::NameMismatch,
                    Refusal::ReceiptNotFound => Problem::ReceiptNotFound,
                    Refusal::ReceiptExpired => Problem::ReceiptExpired,
                    Refusal::NoPhotoOnFile => Problem::NoPhotoOnFile,
                    Refusal::EntityNotOpen => Problem::EntityNotOpen,
                    Refusal::NotOnEntityList => Problem::NotOnEntityList,
                };
                (field, problem)
            }
            Rule::AgeBelow { field, years }
                if effective
                    .get(&format!("{}.age", parent(field)))
                    .and_then(Value::as_u64)
                    .is_some_and(|age| age >= u64::from(*years))
                    && fields.iter().any(|s| &s.path == field && s.status != Status::Hidden) =>
            {
                (field, Problem::AgeNotBelow { years: *years })
            }
            Rule::NotFuture { field } if date_of(field).is_some_and(|d| d > situation.today) => {
                (field, Problem::DateInFuture)
            }
            Rule::DateOrder { earlier, later }
                if date_of(earlier).zip(date_of(later)).is_some_and(|(from, to)| to <= from) =>
            {
                let Some(earlier) = flow.field(earlier) else { continue };
                (later, Problem::DateNotAfter { earlier: label_of(earlier) })
            }
            Rule::HeldBy { field, resident }
                if !issues.errors.iter().any(|e| &e.field == field)
                    && held_by_someone_else(
                        flow,
                        field,
                        visible_value(field),
                        visible_value(resident),
                        effective,
                        situation,
                    ) =>
            {
                let Some(resident) = flow.field(resident) else { continue };
                (field, Problem::NotHeldBy { resident: label_of(resident) })
            }
            Rule::SameAs { field, other, when }
                if when.as_ref().is_none_or(|c| c.holds(effective))
                    // Compare only two usable values: a mistyped number has its own error already.
                    && !issues.errors.iter().any(|e| &e.field == field || &e.field == other)
                    && visible_value(field).zip(visible_value(other)).is_some_and(|(a, b)| a != b) =>
            {
                let Some(other) = flow.field(other) else { continue };
                (field, Problem::DiffersFrom { other: label_of(other) })
            }
            _ => continue,
        };
        if let Some(def) = flow.field(field) {
            issues.error(field, problem, &label_of(def));
            if matches!(rule, Rule::AgencyRefusal { .. }) {
                refusals.extend(issues.errors.last().cloned());
            }
        }
    }
    (next_flow, refusals)
}

/// Eligibility is a gate (资格校验): until the agency has said yes the case cannot be finished.
/// Not asked yet (offline, or the answers changed) is waiting, on the question's own path, so
/// the draft goes on; a refusal no rule of the flow words is a plain refusal at the step's first
/// field, which keeps the person there. Returns that refusal.
fn eligibility_gate(
    flow: &Flow,
    visible_steps: &[bool],
    effective: &Effective,
    issues: &mut Issues,
) -> Option<FieldError> {
    let ask = flow.asks(Question::Eligibility)?;
    let (step, _) = flow.steps.iter().zip(visible_steps).find(|(s, visible)| s.id == ask.after && **visible)?;
    let title = Label::of_flow(&step.title_zh, traditional::traditional(&step.title_zh), &step.title_en);
    match effective.get(Question::Eligibility.answer_path()).and_then(Value::as_str) {
        None => issues.waiting(Question::Eligibility.answer_path(), &title),
        Some("eligible") => {}
        Some(_) if !eligibility_refused(flow, effective) => {
            let first = step.fields.first()?;
            issues.error(&first.path, Problem::NotEligible, &label_of(first));
            return issues.errors.last().cloned();
        }
        Some(_) => {}
    }
    None
}

/// Whether one of the flow's refusal rules about the eligibility answer holds (a refusal about
/// another answer, such as a receipt number, does not word this one).
fn eligibility_refused(flow: &Flow, effective: &Effective) -> bool {
    flow.rules.iter().any(|r| {
        matches!(r, Rule::AgencyRefusal { when, .. }
            if when.fields().contains(&Question::Eligibility.answer_path()) && when.holds(effective))
    })
}

/// What `ask` is about: the answers, as typed, of its step and the steps before it (a change to
/// any of them asks again), agreements aside (ticking a notice changes nothing the agency is
/// asked). The app records it with the agency's answer.
pub fn asked_about(flow: &Flow, ask: &Ask, answers: &Answers) -> Value {
    let until = flow.steps.iter().position(|s| s.id == ask.after).map_or(0, |i| i + 1);
    let about = flow.steps[..until]
        .iter()
        .flat_map(|s| &s.fields)
        .filter(|f| f.input != Input::Consent)
        .filter_map(|f| Some((f.path.clone(), answers.get(&f.path)?.clone())))
        .collect();
    Value::Object(about)
}

/// Whether the (valid) number answered in `field` is a document of someone of another resident
/// type than `resident` says.
fn held_by_someone_else(
    flow: &Flow,
    field: &str,
    number: Option<&Value>,
    resident: Option<&Value>,
    effective: &Effective,
    situation: &Situation,
) -> bool {
    let (Some(number), Some(resident), Some(def)) =
        (number.and_then(Value::as_str), resident.and_then(Value::as_str), flow.field(field))
    else {
        return false;
    };
    let Some(kind) = value_kind(def, effective) else { return false };
    let report = banka_rules::validate(kind, number, &Context { today: situation.today, beijing_address: false });
    report
        .kind
        .is_some_and(|k| !banka_rules::permits::held_by(resident, k, report.region.as_deref().unwrap_or_default()))
}

/// The documents this case needs (their step visible, their condition holding) and which of
/// them have not been uploaded, each an error on `documents.<kind>`.
fn check_documents(
    flow: &Flow,
    visible_steps: &[bool],
    effective: &Effective,
    issues: &mut Issues,
) -> (Vec<DocumentKind>, Vec<DocumentKind>) {
    let mut required = Vec::new();
    let mut missing = Vec::new();
    for doc in &flow.documents {
        let step_visible = flow.steps.iter().zip(visible_steps).any(|(s, visible)| s.id == doc.step && *visible);
        if !doc.required || !step_visible || !doc.when.as_ref().is_none_or(|c| c.holds(effective)) {
            continue;
        }
        required.push(doc.kind);
        let path = document_path(doc.kind);
        let (zh, en) = doc.kind.label();
        let label = Label::new(zh, en);
        if !effective.get(&path).is_some_and(is_answered) {
            missing.push(doc.kind);
            issues.error(&path, Problem::DocumentMissing, &label);
            continue;
        }
        // The upload's check: what the agency would refuse blocks the case; the rest is a warning
        // until the person uses the picture anyway.
        let words = |suffix: &str| {
            let found = effective.get(&format!("{path}.{suffix}")).and_then(Value::as_array).cloned();
            found.unwrap_or_default().into_iter().map(|w| {
                let text = |key: &str| w.get(key).and_then(Value::as_str).unwrap_or_default().to_owned();
                (text("zh"), text("en"))
            })
        };
        for (zh, en) in words("refused") {
            issues.error(&path, Problem::UploadRefused { zh, en }, &label);
        }
        for (zh, en) in words("advisory") {
            let finding = Problem::UploadAdvisory { zh, en }.describe(&label);
            issues.warnings.push(FieldError { field: path.clone(), finding });
        }
    }
    (required, missing)
}

/// Each step: visible, complete (no error on its fields or documents), blocked (an earlier
/// visible step is incomplete).
fn step_states(flow: &Flow, visible_steps: &[bool], fields: &[FieldState], issues: &Issues) -> Vec<StepState> {
    let has_error = |path: &str| issues.errors.iter().any(|e| e.field == path);
    let mut earlier_incomplete = false;
    flow.steps
        .iter()
        .zip(visible_steps)
        .map(|(step, &visible)| {
            let fields_ok = fields.iter().filter(|f| f.step == step.id).all(|f| !has_error(&f.path));
            let docs_ok = step.kind != StepKind::Documents
                || flow.documents.iter().filter(|d| d.step == step.id).all(|d| !has_error(&document_path(d.kind)));
            let complete = visible && fields_ok && docs_ok;
            let blocked = visible && earlier_incomplete;
            earlier_incomplete |= visible && !complete;
            StepState {
                id: step.id.clone(),
                title: traditional::words(&step.title_zh, &step.title_en),
                kind: step.kind,
                text: step.text_zh.as_ref().zip(step.text_en.as_ref()).map(|(zh, en)| traditional::words(zh, en)),
                visible,
                complete,
                blocked,
            }
        })
        .collect()
}

/// Where an upload of `kind` is recorded among the answers.
pub fn document_path(kind: DocumentKind) -> String {
    format!("documents.{}", kind.name())
}

/// Works out a visible field's value and state, records it (and any facts it yields) in
/// `effective`, and notes what is wrong with it.
fn settle(
    flow: &Flow,
    field: &Field,
    answers: &Answers,
    effective: &mut Effective,
    situation: &Situation,
    issues: &mut Issues,
) -> FieldState {
    let label = label_of(field);
    let options = allowed_options(field, effective);
    let mut state = FieldState {
        status: if field.required { Status::Required } else { Status::Optional },
        options,
        ..hidden(field)
    };

    // Locked to another path's value; a lock that is `open_until_known` waits for that value
    // (the employee types the number the agency then confirms).
    // A lock with a `value` fixes the answer while its condition holds (单位代领).
    let lock = field.locked.as_ref().filter(|l| match (&l.from, &l.value) {
        (Some(source), _) => !l.open_until_known || effective.get(source).is_some(),
        (None, Some(_)) => l.when.as_ref().is_none_or(|c| c.holds(effective)),
        (None, None) => false,
    });
    let answer = match lock {
        Some(lock) => {
            state.status = Status::Locked;
            state.reason = Some(traditional::words(&lock.reason_zh, &lock.reason_en));
            let from = lock.from.as_ref().and_then(|source| effective.get(source)).map(|v| locked_choice(field, v));
            let Some(value) = from.or_else(|| lock.value.clone()) else {
                // The agency has not given it yet.
                if field.required {
                    issues.waiting(&field.path, &label);
                }
                return state;
            };
            Some(value)
        }
        None => answers.get(&field.path).cloned(),
    };
    if let Some(derive) = field.derive.as_ref().filter(|d| d.when.as_ref().is_none_or(|c| c.holds(effective))) {
        let birth = effective.get(&format!("{}.birth_date", derive.birthday_of)).and_then(as_date);
        if let Some(birth) = birth {
            let day = dates::birthday(birth, derive.years);
            effective.0.insert(field.path.clone(), json!(day.format("%Y-%m-%d").to_string()));
        }
    }
    // A field path already in `effective` was derived: from an earlier number (birth date,
    // gender) or by `derive`.
    if let Some(fact) = effective.get(&field.path).cloned() {
        if answer.as_ref().is_some_and(|a| is_answered(a) && a != &fact) {
            issues.error(&field.path, Problem::DiffersFromIdNumber, &label);
        }
        state.status = Status::Derived;
        state.value = Some(fact);
        return state;
    }
    let answer = match (answer.filter(is_answered), &field.default) {
        (Some(a), _) => a,
        (None, Some(default)) => {
            state.defaulted = true;
            default.clone()
        }
        (None, None) => {
            if field.required {
                let problem = if field.input == Input::Consent { Problem::ConsentRequired } else { Problem::Empty };
                issues.error(&field.path, problem, &label);
            }
            return state;
        }
    };

    let value = check_answer(flow, field, answer, &state.options, effective, situation, &label, issues);
    effective.0.insert(field.path.clone(), value.clone());
    if field.input == Input::Date && field.path.ends_with(".birth_date") {
        if let Some(birth) = as_date(&value) {
            effective.0.insert(format!("{}.age", parent(&field.path)), json!(dates::age_on(birth, situation.today)));
        }
    }
    state.value = Some(value);
    state
}

/// The value an answer stands for (numbers normalised); what is wrong with it goes to `issues`.
#[allow(clippy::too_many_arguments)]
fn check_answer(
    flow: &Flow,
    field: &Field,
    answer: Value,
    options: &[OptionState],
    effective: &mut Effective,
    situation: &Situation,
    label: &Label,
    issues: &mut Issues,
) -> Value {
    let problem = match field.input {
        Input::Text | Input::Branch | Input::PersonName => match answer.as_str() {
            Some(typed) => {
                let checked = match field.input {
                    Input::PersonName => text::check_name(typed),
                    _ => text::check_text(typed, field.max_length.unwrap_or(text::MAX_TEXT)),
                };
                for problem in checked.problems {
                    issues.error(&field.path, problem, label);
                }
                return Value::String(checked.normalized);
            }
            None => Problem::Unreadable,
        },
        Input::Date => match as_date(&answer) {
            Some(d) => return json!(d.format("%Y-%m-%d").to_string()),
            None => Problem::DateInvalid,
        },
        Input::Choice if options.iter().any(|o| o.value == answer) => return answer,
        Input::MultiChoice
            if answer.as_array().is_some_and(|chosen| chosen.iter().all(|c| options.iter().any(|o| &o.value == c))) =>
        {
            return answer
        }
        Input::YesNo if answer.is_boolean() => return answer,
        Input::Choice | Input::MultiChoice | Input::YesNo => Problem::NotAnOption,
        Input::Region => {
            let code = answer.as_u64().or_else(|| answer.as_str().and_then(|s| s.parse().ok()));
            match code.and_then(|c| u32::try_from(c).ok()).and_then(banka_rules::regions::lookup) {
                Some(region) if region.is_current() && region.code % 100 != 0 => return json!(region.code.to_string()),
                _ => Problem::RegionNotCurrent,
            }
        }
        Input::Consent if answer == Value::Bool(true) => return answer,
        Input::Consent => Problem::ConsentRequired,
        Input::CodeList => {
            let list = code_list(field.list.expect("well-formed: code-list fields name a list"));
            match answer.as_str().and_then(|code| banka_rules::codes::find(list, code)) {
                Some(_) => return answer,
                None => Problem::NotAnOption,
            }
        }
        _ => match (answer.as_str(), value_kind(field, effective)) {
            (Some(text), Some(kind)) => {
                return check_number(flow, field, text, kind, effective, situation, label, issues)
            }
            (None, _) => Problem::Unreadable,
            (Some(_), None) => Problem::NotAnOption,
        },
    };
    issues.error(&field.path, problem, label);
    answer
}

/// Checks a number with the rules crate; what the number says about its holder (birth date,
/// gender, age) becomes a fact for later fields and rules.
#[allow(clippy::too_many_arguments)]
fn check_number(
    flow: &Flow,
    field: &Field,
    text: &str,
    kind: ValueKind,
    effective: &mut Effective,
    situation: &Situation,
    label: &Label,
    issues: &mut Issues,
) -> Value {
    let ctx = Context {
        today: situation.today,
        beijing_address: kind == ValueKind::PostalCode && flow.jurisdiction.local_postal_codes(),
    };
    let report = validate_field(kind, text, &ctx, label);
    let at_field = |finding| FieldError { field: field.path.clone(), finding };
    issues.errors.extend(report.errors.into_iter().map(at_field));
    issues.warnings.extend(report.warnings.into_iter().map(at_field));
    let holder = parent(&field.path);
    if let (Some(birth), Some(gender), Some(age)) = (report.birth_date, report.gender, report.age) {
        effective.0.insert(format!("{holder}.birth_date"), json!(birth));
        effective.0.insert(format!("{holder}.gender"), json!(gender));
        effective.0.insert(format!("{holder}.age"), json!(age));
    }
    json!(report.normalized)
}

/// Which number a number field holds; a `document-number` follows its id-type field.
fn value_kind(field: &Field, effective: &Effective) -> Option<ValueKind> {
    Some(match field.input {
        Input::IdNumber => ValueKind::IdNumber,
        Input::SocialSecurityNumber => ValueKind::SocialSecurityNumber,
        Input::Mobile => ValueKind::Mobile,
        Input::PostalCode => ValueKind::PostalCode,
        Input::Uscc => ValueKind::Uscc,
        Input::DocumentNumber => {
            let id_type = field.id_type_field.as_ref().and_then(|p| effective.get(p)).and_then(Value::as_str)?;
            match id_type {
                "resident_id" | "hukou" | "residence_permit" => ValueKind::IdNumber,
                "hk_macau_travel_permit" => ValueKind::HkMacauTravelPermit,
                "taiwan_travel_permit" => ValueKind::TaiwanTravelPermit,
                _ => return None,
            }
        }
        _ => return None,
    })
}

/// The entries of a code list, in the order pickers offer them.
pub fn code_list(list: CodeList) -> &'static [banka_rules::codes::Code] {
    use banka_rules::codes;
    match list {
        CodeList::EthnicGroups => codes::ethnic_groups(),
        CodeList::Occupations => codes::occupations(),
        CodeList::BeijingDistricts => codes::beijing_districts(),
        CodeList::GuangdongCities => codes::guangdong_cities(),
    }
}

fn allowed_options(field: &Field, effective: &Effective) -> Vec<OptionState> {
    let listed = field
        .options
        .iter()
        .filter(|o| o.when.as_ref().is_none_or(|c| c.holds(effective)))
        .map(|o| OptionState { value: o.value.clone(), label: traditional::words(&o.zh, &o.en) });
    let from_agency = field.options_from.iter().flat_map(|from| {
        let items = effective.get(&from.path).and_then(Value::as_array).cloned().unwrap_or_default();
        items.into_iter().filter_map(move |item| {
            if let Some(only) = &from.only {
                let wanted = only.is.as_ref().or_else(|| only.same_as.as_ref().and_then(|p| effective.get(p)));
                if item.get(&only.key).is_none() || item.get(&only.key) != wanted {
                    return None;
                }
            }
            let (value, label) = match &item {
                Value::String(s) => (item.clone(), s.clone()),
                _ => (item.get(&from.value)?.clone(), item.get(&from.label)?.as_str()?.to_owned()),
            };
            // Agency data (bank and person names) is in Chinese; English shows it as is.
            Some(OptionState { value, label: Localized::same(label) })
        })
    });
    listed.chain(from_agency).collect()
}

/// A choice locked to an option list (every card selected, G3) takes the options' values.
fn locked_choice(field: &Field, source: &Value) -> Value {
    let key = field.options_from.as_ref().map_or("value", |from| from.value.as_str());
    match source {
        Value::Array(items) if field.input == Input::MultiChoice => {
            Value::Array(items.iter().map(|item| item.get(key).unwrap_or(item).clone()).collect())
        }
        other => other.clone(),
    }
}

fn hidden(field: &Field) -> FieldState {
    FieldState {
        path: field.path.clone(),
        step: String::new(),
        label: traditional::words(&field.label_zh, &field.label_en),
        input: field.input,
        status: Status::Hidden,
        value: None,
        defaulted: false,
        options: Vec::new(),
        list: field.list,
        sms_to: field.sms_to.clone(),
        reason: None,
        agency_photo: field.agency_photo,
        roster: field.options_from.as_ref().filter(|_| field.roster).map(|o| o.path.clone()),
        default_document: field.default_document,
    }
}

fn as_date(v: &Value) -> Option<NaiveDate> {
    v.as_str().and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

fn parent(path: &str) -> &str {
    path.rsplit_once('.').map_or("", |(p, _)| p)
}

fn label_of(field: &Field) -> Label {
    Label::of_flow(&field.label_zh, traditional::traditional(&field.label_zh), &field.label_en)
}
