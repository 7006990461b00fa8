//! `lookup::fetch`: what each flow asks the reference agency, as the `agency.` answers the
//! flow reads.

mod common;

use std::time::Duration;

use banka_agency::client::Client;
use banka_agency::lookup;
use banka_agency::server::demo;
use banka_flows::definition::Flow;
use banka_flows::{catalog, Answers};
use common::{client, server, today};
use serde_json::{json, Value};

fn answers(pairs: &[(&str, Value)]) -> Answers {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect()
}

/// Every question of the flow, as if all were due.
async fn fetch(
    client: &Client,
    flow: &Flow,
    answers: &Answers,
    today: chrono::NaiveDate,
) -> Result<Vec<(String, Value)>, banka_agency::client::Error> {
    let all: Vec<_> = flow.agency.iter().map(|a| a.ask).collect();
    lookup::fetch(client, flow, answers, &all, today).await
}

fn get<'a>(found: &'a [(String, Value)], path: &str) -> Option<&'a Value> {
    found.iter().find(|(p, _)| p == path).map(|(_, v)| v)
}

#[tokio::test]
async fn each_flow_hears_what_it_reads_from_the_agency() {
    let dir = tempfile::tempdir().unwrap();
    let agency = server(dir.path(), Default::default(), Duration::from_secs(60)).await;
    let client = client(&agency.url());
    let person = |p: demo::DemoPerson| {
        answers(&[("applicant.name", json!(p.name)), ("applicant.id_number", json!(p.id_number))])
    };

    // B1 asks for eligibility (a gate), and records what it asked about.
    let individual = catalog::get("bj-individual").unwrap();
    let found = fetch(&client, individual, &person(demo::RESIDENT), today()).await.unwrap();
    assert_eq!(get(&found, "agency.eligibility"), Some(&json!("eligible")));
    let record = get(&found, "agency.asked.eligibility").unwrap();
    assert_eq!(record["about"]["applicant.id_number"], json!(demo::RESIDENT.id_number));
    assert!(record["gave"].as_array().unwrap().contains(&json!("agency.eligibility")), "{record}");
    let found = fetch(&client, individual, &person(demo::ALREADY_APPLIED), today()).await.unwrap();
    assert_eq!(get(&found, "agency.eligibility"), Some(&json!("already_applied")));

    let guangdong = catalog::get("gd-individual").unwrap();
    let gd = |p: demo::DemoPerson| {
        answers(&[("applicant.name", json!(p.name)), ("applicant.social_security_number", json!(p.id_number))])
    };
    let found = fetch(&client, guangdong, &gd(demo::TWO_CARDS), today()).await.unwrap();
    assert_eq!(get(&found, "agency.eligibility"), Some(&json!("one_person_one_card")));
    let found = fetch(&client, guangdong, &gd(demo::RESIDENT), today()).await.unwrap();
    assert_eq!(get(&found, "agency.eligibility"), Some(&json!("eligible")));
    // Only names the flow reads, so the case store takes them.
    assert!(found.iter().all(|(p, _)| guangdong.agency_inputs().contains(p)), "{found:?}");

    // No name yet: nothing to ask (the agency would only answer "give the name").
    let nameless = answers(&[("applicant.social_security_number", json!(demo::RESIDENT.id_number))]);
    let found = fetch(&client, guangdong, &nameless, today()).await.unwrap();
    assert!(!found.iter().any(|(p, _)| p.contains("eligibility")), "{found:?}");
    // No usable number yet: nothing to ask.
    let found = fetch(&client, guangdong, &answers(&[("applicant.social_security_number", json!("440106"))]), today())
        .await
        .unwrap();
    assert!(!found.iter().any(|(p, _)| p.contains("eligibility")), "{found:?}");

    // 【获取图片】: the receipt number looked up (found, unknown, expired); none to look up when the
    // photo in the system is used, which is recorded so the question is not asked again.
    let photo = |source: &str, receipt: &str| {
        let mut a = gd(demo::RESIDENT);
        a.insert("photo.source".into(), json!(source));
        a.insert("photo.receipt_number".into(), json!(receipt));
        a
    };
    for (receipt, state) in
        [(demo::PHOTO_RECEIPT, "found"), ("440100209912319999", "not_found"), (demo::EXPIRED_RECEIPT, "expired")]
    {
        let found = fetch(&client, guangdong, &photo("receipt_number", receipt), today()).await.unwrap();
        assert_eq!(get(&found, "agency.photo_receipt"), Some(&json!(state)), "{receipt}");
    }
    let found = fetch(&client, guangdong, &photo("system_photo", ""), today()).await.unwrap();
    assert_eq!(get(&found, "agency.photo_receipt"), None);
    assert_eq!(get(&found, "agency.asked.photo_receipt").map(|r| r["gave"].clone()), Some(json!([])));

    let retiree = fetch(&client, catalog::get("bj-retiree").unwrap(), &person(demo::RETIREE), today()).await.unwrap();
    assert!(get(&retiree, "agency.pension_bank").and_then(Value::as_str).is_some_and(|b| !b.is_empty()));

    let open = fetch(&client, catalog::get("bj-employer-open").unwrap(), &Answers::new(), today()).await.unwrap();
    let banks = get(&open, "agency.banks").and_then(Value::as_array).unwrap();
    let branches = get(&open, "agency.branches").and_then(Value::as_array).unwrap();
    assert!(banks.len() >= 2 && branches.len() > banks.len(), "the whole of Beijing: {} banks", banks.len());

    let submit = catalog::get("bj-employer-submit").unwrap();
    // Not opened yet: the agency's reason reaches the person (open it first).
    let entity = answers(&[("entity.uscc", json!(demo::ENTITY_USCC))]);
    match fetch(&client, submit, &entity, today()).await {
        Err(banka_agency::client::Error::Refused { error, .. }) => assert_eq!(error.code, "not_opened"),
        other => panic!("expected not_opened, got {other:?}"),
    }
    let found = fetch(&client, submit, &Answers::new(), today()).await.unwrap();
    assert_eq!(get(&found, "agency.employees"), None, "no employer named: nobody to ask about");
    agency.shutdown().await;
}
