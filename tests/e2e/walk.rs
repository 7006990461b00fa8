//! Walking a flow in the real window as a person would: on each page, answer the questions it
//! shows (typing, choosing, ticking, picking from lists), upload a picture for each document it
//! asks for, take a screenshot, continue; at the end confirm, submit and wait for the agency's
//! reference number. What to answer comes from a table per flow (`Walk`); which questions
//! appear, in what order and on which page is the app's business, so the walker only reads the
//! page.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::{Client, Locator};
use serde_json::Value;

use crate::driver::{click, screenshot, wait_for};

/// An answer, given the way the page asks for it.
#[derive(Debug, Clone, Copy)]
pub enum A {
    /// Typed into a text box.
    Text(&'static str),
    /// A date (YYYY-MM-DD) in the date input.
    Date(&'static str),
    /// The radio or checkbox whose value is this JSON.
    Choose(&'static str),
    /// The first `n` checkboxes ticked, for lists the agency gave (branches, employees).
    FirstOptions(usize),
    /// The first radio, for lists the agency gave (an employer's banks).
    FirstRadio,
    /// A box to tick (notice, consent).
    Tick,
    /// An entry of a code list (a select), by code.
    Code(&'static str),
    /// A district code through the province → city → district cascade.
    Region(&'static str, &'static str, &'static str),
    /// A bank branch: the district to look in and what to type in the search box.
    Branch(&'static str, &'static str),
    /// A verification code: sent from the page, read off the screen (training mode), typed.
    Sms,
}

/// Where a walk ended.
#[derive(Debug, PartialEq, Eq)]
pub enum End {
    /// Submitted, and the agency's reference number is on screen.
    Sent(String),
    /// The agency sent the person to another flow (`#follow-flow` is on screen).
    NextFlow,
    /// The submit confirmation is open (`Stop::AtConfirm`).
    Confirming,
    /// Continue showed the error summary (`Stop::AtErrors`), with its text.
    Errors(String),
    /// The walk reached the step it was to stop at (`Stop::AtStep`).
    AtStep,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    WhenSent,
    AtConfirm,
    /// When Continue shows errors (a refusal, an upload the agency would refuse).
    AtErrors,
    /// When the walk reaches this step, before answering it.
    AtStep(&'static str),
}

pub struct Walk {
    pub flow: &'static str,
    /// Where the screenshots go, under tests/screenshots/flows/.
    pub name: &'static str,
    pub answers: &'static [(&'static str, A)],
}

fn field_id(path: &str) -> String {
    format!(
        "f-{}",
        path.chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '-' })
            .collect::<String>()
    )
}

/// What identifies the page on screen: the step, the question shown (elderly mode) and the
/// fields; it changes when Continue moved on.
async fn page(client: &Client) -> String {
    let script = "const step = document.querySelector('nav.steps li[aria-current=step]')?.dataset.step ?? '';
        const outcome = document.querySelector('#case-outcome')?.dataset.status ?? '';
        const fields = [...document.querySelectorAll('#wizard-form [data-field]')].map(e => e.dataset.field).join(',');
        const counter = document.querySelector('#question-counter')?.textContent ?? '';
        return [step, outcome, counter, fields].join('|');";
    client.execute(script, vec![]).await.unwrap().as_str().unwrap_or_default().to_owned()
}

pub async fn current_step(client: &Client) -> String {
    let script = "return document.querySelector('nav.steps li[aria-current=step]')?.dataset.step ?? ''";
    client.execute(script, vec![]).await.unwrap().as_str().unwrap_or_default().to_owned()
}

/// The fields on the page a person can answer (not locked, derived or hidden).
async fn open_fields(client: &Client) -> Vec<String> {
    let script = "return [...document.querySelectorAll('#wizard-form [data-field]')]
        .filter(e => !e.classList.contains('read-only')).map(e => e.dataset.field)";
    let found = client.execute(script, vec![]).await.unwrap();
    found.as_array().unwrap().iter().filter_map(Value::as_str).map(str::to_owned).collect()
}

async fn saved(client: &Client) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let state = client
            .execute("return document.querySelector('#save-status')?.dataset.state ?? 'saved'", vec![])
            .await
            .unwrap();
        if state.as_str() != Some("saving") {
            return;
        }
        assert!(Instant::now() < deadline, "an answer never finished saving");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn select(client: &Client, selector: &str, value: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let option = format!("{selector} option[value='{value}']");
    loop {
        if let Ok(el) = client.find(Locator::Css(&option)).await {
            el.click().await.ok();
            let chosen = client.find(Locator::Css(selector)).await.unwrap();
            chosen.select_by_value(value).await.unwrap_or_else(|e| panic!("{selector} = {value}: {e}"));
            return;
        }
        assert!(Instant::now() < deadline, "{selector} never offered {value}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn answer(client: &Client, path: &str, a: A) {
    let id = field_id(path);
    let group = format!("#wizard-form [data-field='{path}']");
    match a {
        A::Text(text) => {
            let input = wait_for(client, &format!("#{id}")).await;
            input.clear().await.unwrap();
            input.send_keys(text).await.unwrap();
        }
        A::Date(date) => {
            // WebKit's date input takes no typing through WebDriver; set it as the picker does.
            let script = "const el = document.getElementById(arguments[0]); el.value = arguments[1];
                el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));";
            client.execute(script, vec![id.clone().into(), date.into()]).await.unwrap();
        }
        A::Choose(value) => click(client, &format!("{group} input[value='{value}']")).await,
        A::FirstOptions(n) => {
            let boxes = client.find_all(Locator::Css(&format!("{group} input[type=checkbox]"))).await.unwrap();
            assert!(boxes.len() >= n, "{path}: {n} options offered, found {}", boxes.len());
            for b in boxes.into_iter().take(n) {
                if !b.is_selected().await.unwrap() {
                    b.click().await.unwrap();
                    saved(client).await;
                }
            }
        }
        A::FirstRadio => click(client, &format!("{group} input[type=radio]")).await,
        A::Tick => {
            let input = wait_for(client, &format!("#{id}")).await;
            if !input.is_selected().await.unwrap() {
                input.click().await.unwrap();
            }
        }
        A::Code(code) => select(client, &format!("#{id}"), code).await,
        A::Region(province, city, district) => {
            select(client, &format!("#{id}"), province).await;
            select(client, &format!("#{id}-city"), city).await;
            select(client, &format!("#{id}-district"), district).await;
        }
        A::Branch(district, query) => {
            select(client, &format!("#{id}-district"), district).await;
            let count = format!("#{id}-count");
            let before = wait_for(client, &count).await.text().await.unwrap();
            let search = wait_for(client, &format!("#{id}-search")).await;
            search.send_keys(query).await.unwrap();
            // The search answers after a pause in typing; then the first branch it found.
            let deadline = Instant::now() + Duration::from_secs(3);
            while wait_for(client, &count).await.text().await.unwrap() == before && Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            click(client, &format!("input[name='{id}-branch']")).await;
        }
        A::Sms => {
            click(client, &format!("#{id}-send")).await;
            let code = wait_for(client, &format!("#{id}-training-code")).await.attr("data-code").await.unwrap();
            let code = code.unwrap_or_else(|| panic!("{path}: the training agency's code is shown"));
            let input = wait_for(client, &format!("#{id}")).await;
            input.clear().await.unwrap();
            input.send_keys(&code).await.unwrap();
        }
    }
    saved(client).await;
}

/// A picture for a document: a real photo, made unique per flow and kind (a JPEG comment), as
/// each document of a case is a different picture.
pub fn picture(dir: &Path, flow: &str, kind: &str) -> PathBuf {
    let base: &[u8] = match kind {
        "card_photo" => include_bytes!("../../src-tauri/crates/banka-photos/tests/images/portrait-ok.jpg"),
        _ => include_bytes!("../../src-tauri/crates/banka-photos/tests/images/portrait-phone.jpg"),
    };
    let tag = format!("banka e2e {flow} {kind}");
    let mut bytes = base[..2].to_vec(); // SOI
    bytes.extend([0xFF, 0xFE]);
    bytes.extend(u16::try_from(tag.len() + 2).unwrap().to_be_bytes());
    bytes.extend(tag.as_bytes());
    bytes.extend(&base[2..]);
    let path = dir.join(format!("{flow}-{kind}.jpg"));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Uploads a picture for every document the page still asks for, through the file input.
async fn upload_documents(client: &Client, flow: &str, pictures: &Path) {
    let script = "return [...document.querySelectorAll('li.document[data-done=false]')].map(e => e.dataset.kind)";
    let missing = client.execute(script, vec![]).await.unwrap();
    for kind in missing.as_array().unwrap().iter().filter_map(Value::as_str) {
        let file = picture(pictures, flow, kind);
        let input = wait_for(client, &format!("#doc-{kind}")).await;
        input.send_keys(file.to_str().unwrap()).await.unwrap();
        wait_for(client, &format!("li.document[data-kind='{kind}'][data-done=true]")).await;
    }
}

/// Answers every page of the open wizard and submits (or stops at the confirmation).
pub async fn walk(client: &Client, walk: &Walk, pictures: &Path, stop: Stop) -> End {
    let mut answered = BTreeSet::new();
    let mut shot = 0;
    for _ in 0..80 {
        wait_for(client, "#wizard-heading").await;
        if client.find(Locator::Css("#case-outcome")).await.is_ok() {
            break;
        }
        if let Stop::AtStep(at) = stop {
            if current_step(client).await == at {
                return End::AtStep;
            }
        }
        // Answer what the page shows, until answering shows nothing new (choices reveal
        // questions that depend on them).
        loop {
            let open = open_fields(client).await;
            let next = walk.answers.iter().find(|(p, _)| open.iter().any(|o| o == p) && !answered.contains(p));
            let Some((path, a)) = next else { break };
            answer(client, path, *a).await;
            answered.insert(*path);
        }
        upload_documents(client, walk.flow, pictures).await;
        saved(client).await;
        shot += 1;
        let step = current_step(client).await;
        // The end of the page: the last answers given and the Continue button.
        client
            .execute("document.getElementById('wizard-continue')?.scrollIntoView({block: 'end'})", vec![])
            .await
            .unwrap();
        screenshot(client, &format!("flows/{}/{shot:02}-{step}", walk.name)).await;

        let before = page(client).await;
        click(client, "#wizard-continue").await;
        // The last page asks to confirm before anything is sent.
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(confirm) = client.find(Locator::Css("#confirm-submit")).await {
                shot += 1;
                screenshot(client, &format!("flows/{}/{shot:02}-confirm", walk.name)).await;
                if stop == Stop::AtConfirm {
                    return End::Confirming;
                }
                confirm.click().await.unwrap();
                wait_for(client, "#case-outcome").await;
                break;
            }
            if client.find(Locator::Css("#follow-flow")).await.is_ok() {
                shot += 1;
                screenshot(client, &format!("flows/{}/{shot:02}-next-flow", walk.name)).await;
                return End::NextFlow;
            }
            if page(client).await != before {
                break;
            }
            if let Ok(summary) = client.find(Locator::Css("#error-summary")).await {
                // The agency's refusal shows in the summary a moment before the way on does.
                let follow = client.wait().at_most(Duration::from_secs(5)).for_element(Locator::Css("#follow-flow"));
                if follow.await.is_ok() {
                    continue;
                }
                let text = summary.text().await.unwrap_or_default();
                if stop == Stop::AtErrors {
                    return End::Errors(text);
                }
                panic!("{}: step {step} did not go on: {text}", walk.name);
            }
            assert!(Instant::now() < deadline, "{}: Continue on {step} did nothing", walk.name);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let reference = client
        .wait()
        .at_most(Duration::from_secs(90))
        .for_element(Locator::Css("#agency-reference"))
        .await
        .unwrap_or_else(|_| panic!("{}: the agency never answered with a reference", walk.name));
    shot += 1;
    screenshot(client, &format!("flows/{}/{shot:02}-submitted", walk.name)).await;
    End::Sent(reference.text().await.unwrap())
}
