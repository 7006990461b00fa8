//! The reference agency server through plain HTTP, as any client sees it: a real server on
//! 127.0.0.1 with its data in a temporary folder, and reqwest.

use std::collections::BTreeMap;
use std::time::Duration;

use banka_agency::api::{PersonRequest, Submission, DOCUMENT_KIND, UPLOAD_LENGTH, UPLOAD_OFFSET};
use banka_agency::server::{self, demo, Config, Faults, Limits, Running};
use banka_rules::codes::{beijing_districts, guangdong_cities};
use banka_rules::{validate, Context, ValueKind};
use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const TOKEN: &str = "training-token";
const PHOTO: &[u8] = include_bytes!("../../banka-photos/tests/images/portrait-ok.jpg");
const ID_FRONT: &[u8] = include_bytes!("../../banka-photos/tests/images/portrait-backdrop.jpg");
const ID_BACK: &[u8] = include_bytes!("../../banka-photos/tests/images/portrait-cmyk.jpg");
const MOBILE: &str = "13800138000";

struct Server {
    running: Running,
    http: reqwest::Client,
    _dir: tempfile::TempDir,
}

async fn serve() -> Server {
    serve_with(|_| {}).await
}

async fn serve_with(adjust: impl FnOnce(&mut Config)) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::new(dir.path(), TOKEN);
    adjust(&mut config);
    let running = server::start(config, "127.0.0.1:0".parse().unwrap()).await.unwrap();
    Server { running, http: reqwest::Client::new(), _dir: dir }
}

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

impl Server {
    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.http.request(method, format!("{}{path}", self.running.url())).bearer_auth(TOKEN)
    }

    async fn send(&self, request: RequestBuilder) -> (StatusCode, Value) {
        let response = request.send().await.unwrap();
        let status = response.status();
        let body = response.json().await.unwrap_or(Value::Null);
        (status, body)
    }

    async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.send(self.request(Method::GET, path)).await
    }

    async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(self.request(Method::POST, path).json(&body)).await
    }

    async fn eligibility(&self, flow: &str, person: demo::DemoPerson, extra: Value) -> Value {
        let mut body =
            json!({"flow_id": flow, "name": person.name, "id_type": "resident_id", "id_number": person.id_number});
        body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        let (status, answer) = self.post("/v1/eligibility", body).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        answer
    }

    async fn patch(&self, hash: &str, kind: &str, offset: usize, length: usize, chunk: &[u8]) -> (StatusCode, Value) {
        let request = self
            .request(Method::PATCH, &format!("/v1/documents/{hash}"))
            .header(UPLOAD_OFFSET, offset)
            .header(UPLOAD_LENGTH, length)
            .header(DOCUMENT_KIND, kind)
            .body(chunk.to_vec());
        self.send(request).await
    }

    /// Uploads in one piece; the document's SHA-256.
    async fn upload(&self, kind: &str, bytes: &[u8]) -> String {
        let hash = sha(bytes);
        let (status, state) = self.patch(&hash, kind, 0, bytes.len(), bytes).await;
        assert_eq!((status, &state["complete"]), (StatusCode::OK, &json!(true)), "{state}");
        hash
    }

    async fn put_case(&self, case_id: &str, submission: &Submission) -> (StatusCode, Value) {
        self.send(self.request(Method::PUT, &format!("/v1/cases/{case_id}")).json(submission)).await
    }

    /// Submits and expects a first receipt; its reference.
    async fn submit(&self, case_id: &str, submission: &Submission) -> String {
        let (status, receipt) = self.put_case(case_id, submission).await;
        assert_eq!(status, StatusCode::CREATED, "{receipt:#}");
        assert_eq!(receipt["replayed"], false);
        receipt["reference"].as_str().unwrap().to_owned()
    }

    async fn status_of(&self, case_id: &str) -> Value {
        let (status, body) = self.post("/v1/cases/status", json!({"case_ids": [case_id]})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["statuses"][0].clone()
    }

    async fn sms_code(&self, mobile: &str) -> String {
        let (status, sent) = self.post("/v1/sms", json!({"mobile": mobile})).await;
        assert_eq!(status, StatusCode::OK, "{sent}");
        sent["training_code"].as_str().unwrap().to_owned()
    }
}

fn submission(flow: &str, answers: Value, documents: &[(&str, &str)]) -> Submission {
    let answers: BTreeMap<String, Value> = serde_json::from_value(answers).unwrap();
    Submission {
        flow_id: flow.into(),
        flow_version: 1,
        revision: 1,
        answers,
        documents: documents.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
        operator: None,
        applied_on: chrono::Utc::now().date_naive(),
    }
}

/// The first branch of the sample directory for a Beijing district.
async fn branch(server: &Server, region: &str) -> (String, String) {
    let (_, directory) = server.get(&format!("/v1/banks?region={region}")).await;
    let b = &directory["branches"][0];
    (b["bank"].as_str().unwrap().to_owned(), b["name"].as_str().unwrap().to_owned())
}

/// A complete `bj-individual` case for `person`, with the three uploads.
async fn individual(server: &Server, person: demo::DemoPerson, method: &str) -> Submission {
    let (bank, branch) = branch(server, "110105").await;
    let mut answers = json!({
        "notice.agreed": true,
        "applicant.name": person.name, "applicant.id_type": "resident_id", "applicant.id_number": person.id_number,
        "eligibility.authorized": true,
        "applicant.id_valid_from": "2015-03-01", "applicant.mobile": MOBILE,
        "applicant.ethnicity": "01", "applicant.occupation": "4",
        "residence.district": "110105", "residence.address": "北京市朝阳区示例路1号",
        "collection.method": method, "bank.name": bank, "bank.branch": branch,
        "commitment.agreed": true,
        // Whatever the client says the agency said is ignored.
        "agency.eligibility": "eligible",
    });
    if method == "mail" {
        answers.as_object_mut().unwrap().extend(
            json!({
                "collection.recipient_name": person.name, "collection.recipient_mobile": MOBILE,
                "collection.district": "110105", "collection.address": "北京市朝阳区示例路1号", "collection.postal_code": "100020",
            })
            .as_object()
            .unwrap()
            .clone(),
        );
    }
    let photo = server.upload("card_photo", PHOTO).await;
    let front = server.upload("id_card_front", ID_FRONT).await;
    let back = server.upload("id_card_back", ID_BACK).await;
    submission("bj-individual", answers, &[("card_photo", &photo), ("id_card_front", &front), ("id_card_back", &back)])
}

fn fields(error: &Value) -> Vec<&str> {
    error["problems"].as_array().unwrap().iter().map(|p| p["field"].as_str().unwrap()).collect()
}

fn assert_api_error(body: &Value, code: &str) {
    assert_eq!(body["code"], code, "{body}");
    for lang in ["message_zh", "message_en"] {
        assert!(body[lang].as_str().is_some_and(|m| !m.is_empty()), "{body}");
    }
}

#[tokio::test]
async fn health_is_open_and_everything_else_needs_the_token() {
    let s = serve().await;
    let url = s.running.url();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let health: Value = s.http.get(format!("{url}/v1/health")).send().await.unwrap().json().await.unwrap();
    assert_eq!(health["training"], true);

    let body = json!({"flow_id": "bj-individual", "name": "x", "id_type": "resident_id", "id_number": "x"});
    for request in [
        s.http.post(format!("{url}/v1/eligibility")).json(&body),
        s.http.post(format!("{url}/v1/eligibility")).bearer_auth("wrong").json(&body),
        s.http.get(format!("{url}/v1/banks?region=110105")).header("authorization", TOKEN),
    ] {
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_api_error(&response.json().await.unwrap(), "unauthorized");
    }

    let (status, body) = s.get("/v1/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_api_error(&body, "not_found");
    let (status, body) = s.send(s.request(Method::DELETE, "/v1/sms")).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_api_error(&body, "method_not_allowed");
    for bad in [
        s.request(Method::POST, "/v1/eligibility").header("content-type", "application/json").body("{not json"),
        s.request(Method::POST, "/v1/sms").json(&json!({"phone": MOBILE})),
        s.request(Method::POST, "/v1/sms").body(MOBILE),
    ] {
        let (status, body) = s.send(bad).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_api_error(&body, "bad_request");
    }
    let huge = json!({"case_ids": vec!["x".repeat(1000); 1100]});
    let (status, body) = s.post("/v1/cases/status", huge).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_api_error(&body, "too_large");
    s.running.shutdown().await;
}

#[test]
fn sample_numbers_pass_the_rules() {
    let ctx = Context { today: chrono::Utc::now().date_naive(), beijing_address: false };
    let people = [demo::RESIDENT, demo::ALREADY_APPLIED, demo::NOT_ELIGIBLE, demo::TWO_CARDS, demo::RETIREE];
    for person in people.into_iter().chain(demo::EMPLOYEES) {
        let report = validate(ValueKind::IdNumber, person.id_number, &ctx);
        assert!(report.valid && report.normalized == person.id_number, "{person:?}: {:?}", report.errors);
    }
    assert!(validate(ValueKind::Uscc, demo::ENTITY_USCC, &ctx).valid);
}

#[tokio::test]
async fn eligibility_answers_each_sample_person() {
    let s = serve().await;
    let answer = s.eligibility("bj-individual", demo::RESIDENT, json!({})).await;
    assert_eq!((&answer["eligibility"], &answer["has_system_photo"]), (&json!("eligible"), &json!(true)), "{answer}");
    let answer = s.eligibility("bj-individual", demo::ALREADY_APPLIED, json!({})).await;
    assert_eq!(answer["eligibility"], "already_applied");
    let answer = s.eligibility("bj-retiree", demo::NOT_ELIGIBLE, json!({})).await;
    assert_eq!(answer["eligibility"], "not_eligible");
    let impostor = demo::DemoPerson { name: "张三", ..demo::RESIDENT };
    let answer = s.eligibility("bj-individual", impostor, json!({})).await;
    assert_eq!(answer["eligibility"], "name_mismatch");
    assert!(answer["reason_zh"].as_str().unwrap().contains("姓名"), "{answer}");

    let answer = s.eligibility("gd-individual", demo::TWO_CARDS, json!({"city": "4401"})).await;
    assert_eq!(
        (&answer["eligibility"], &answer["next_flow"]),
        (&json!("one_person_one_card"), &json!("gd-card-cleanup"))
    );
    let answer = s.eligibility("bj-individual", demo::TWO_CARDS, json!({})).await;
    assert_eq!(answer["eligibility"], "eligible", "other provinces' cards do not count");

    let answer = s.eligibility("bj-retiree", demo::RETIREE, json!({})).await;
    assert_eq!(answer["eligibility"], "eligible");
    assert_eq!(answer["pension"]["pickup_allowed"], false);
    assert!(answer["pension"]["branch"].as_str().unwrap().contains("示例"), "{answer}");
    let (_, directory) = s.get("/v1/banks?region=110102").await;
    assert!(directory["branches"].as_array().unwrap().iter().any(|b| b["name"] == answer["pension"]["branch"]));

    let stranger = demo::DemoPerson { name: "钱多多", id_number: "110105199003071239" };
    let answer = s.eligibility("bj-minor", stranger, json!({})).await;
    assert_eq!((&answer["eligibility"], &answer["has_system_photo"]), (&json!("eligible"), &json!(false)));

    let answer =
        s.eligibility("bj-employee-confirm", demo::EMPLOYEES[0], json!({"entity_uscc": demo::ENTITY_USCC})).await;
    assert_eq!(answer["eligibility"], "entity_not_open", "the collective is not open yet: {answer}");

    // A minor's proxy: the agency states the relationship (seed 000), here by the proxy's gender.
    let answer = s.eligibility("bj-minor", stranger, json!({"proxy_id_number": demo::RESIDENT.id_number})).await;
    assert_eq!(answer["relationship"], "father", "{answer}");
    let answer = s.eligibility("bj-minor", stranger, json!({"proxy_id_number": demo::RETIREE.id_number})).await;
    assert_eq!(answer["relationship"], "mother", "{answer}");

    let request = |flow: &str, number: &str, extra: Value| {
        let mut body = json!({"flow_id": flow, "name": "王晓明", "id_type": "resident_id", "id_number": number});
        body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        body
    };
    let (status, error) = s.post("/v1/eligibility", request("bj-individual", "110105198803150011", json!({}))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!((&error["code"], &error["field"]), (&json!("check_character"), &json!("id_number")));
    assert!(error["message_zh"].as_str().unwrap().contains("校验码"), "{error}");
    let (_, error) = s.post("/v1/eligibility", request("gd-individual", "110105198803150011", json!({}))).await;
    assert!(error["message_zh"].as_str().unwrap().starts_with("社会保障号"), "{error}");
    let (status, error) =
        s.post("/v1/eligibility", request("bj-employee-confirm", demo::RESIDENT.id_number, json!({}))).await;
    assert_eq!((status, &error["field"]), (StatusCode::UNPROCESSABLE_ENTITY, &json!("entity_uscc")), "{error}");
    let (status, error) =
        s.post("/v1/eligibility", request("bj-employer-open", demo::RESIDENT.id_number, json!({}))).await;
    assert_eq!((status, &error["code"]), (StatusCode::UNPROCESSABLE_ENTITY, &json!("unknown_flow")));
    s.running.shutdown().await;
}

#[tokio::test]
async fn sms_codes_are_sent_once_a_minute_and_verified() {
    let s = serve().await;
    let code = s.sms_code(MOBILE).await;
    assert!(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()), "{code}");
    let response = s.request(Method::POST, "/v1/sms").json(&json!({"mobile": MOBILE})).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().contains_key("retry-after"));
    assert_api_error(&response.json().await.unwrap(), "too_soon");

    let wrong = if code == "000000" { "111111" } else { "000000" };
    let (status, error) = s.post("/v1/sms/verify", json!({"mobile": MOBILE, "code": wrong})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_api_error(&error, "sms_code_wrong");
    let (status, answer) = s.post("/v1/sms/verify", json!({"mobile": MOBILE, "code": code})).await;
    assert_eq!((status, answer), (StatusCode::OK, json!({"verified": true})));
    let (status, error) = s.post("/v1/sms", json!({"mobile": "12345"})).await;
    assert_eq!((status, &error["field"]), (StatusCode::UNPROCESSABLE_ENTITY, &json!("mobile")));
    s.running.shutdown().await;
}

#[tokio::test]
async fn photos_by_receipt_and_on_file() {
    let s = serve().await;
    let response = s
        .request(Method::POST, "/v1/photos/receipt")
        .json(&json!({"receipt_number": demo::PHOTO_RECEIPT}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "image/jpeg");
    let bytes = response.bytes().await.unwrap();
    assert_eq!(&bytes[..3], &[0xFF, 0xD8, 0xFF]);
    assert_eq!(&bytes[..], demo::SAMPLE_PHOTO);
    let (status, error) = s.post("/v1/photos/receipt", json!({"receipt_number": "000"})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_api_error(&error, "not_found");
    let (status, error) = s.post("/v1/photos/receipt", json!({"receipt_number": demo::EXPIRED_RECEIPT})).await;
    assert_eq!((status, &error["field"]), (StatusCode::UNPROCESSABLE_ENTITY, &json!("receipt_number")));
    assert_api_error(&error, "receipt_expired");

    let person = |p: demo::DemoPerson| json!({"name": p.name, "id_number": p.id_number});
    let (_, on_file) = s.post("/v1/photos/on-file", person(demo::RESIDENT)).await;
    assert_eq!(on_file, json!({"on_file": true, "taken_on": "2021-05-10"}));
    let (_, on_file) = s.post("/v1/photos/on-file", person(demo::RETIREE)).await;
    assert_eq!(on_file, json!({"on_file": false}));
    // The photo itself, for the person to see before choosing it; none for someone without one.
    let client = banka_agency::client::Client::new(&s.running.url(), TOKEN).unwrap();
    let resident = PersonRequest { name: demo::RESIDENT.name.into(), id_number: demo::RESIDENT.id_number.into() };
    assert_eq!(client.photo_on_file_image(&resident).await.unwrap(), demo::SAMPLE_PHOTO);
    let retiree = PersonRequest { name: demo::RETIREE.name.into(), id_number: demo::RETIREE.id_number.into() };
    match client.photo_on_file_image(&retiree).await {
        Err(banka_agency::client::Error::Refused { status: 404, error }) => {
            assert!(error.message_en.contains("no photo of this person"), "{error:?}")
        }
        other => panic!("{other:?}"),
    }
    s.running.shutdown().await;
}

#[tokio::test]
async fn the_sample_bank_directory_covers_every_region_and_searches() {
    let s = serve().await;
    let (status, directory) = s.get("/v1/banks?region=110105").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(directory["sample"], true);
    let branches = directory["branches"].as_array().unwrap();
    assert!(directory["banks"].as_array().unwrap().len() >= 3 && branches.len() >= 6);
    assert!(branches.iter().all(|b| b["region"] == "110105" && b["name"].as_str().unwrap().ends_with("（示例）")));
    let regions = beijing_districts().iter().chain(guangdong_cities()).map(|c| c.code);
    for region in regions {
        let (status, d) = s.get(&format!("/v1/banks?region={region}")).await;
        assert!(status == StatusCode::OK && !d["branches"].as_array().unwrap().is_empty(), "{region}");
    }
    let (_, guangzhou) = s.get("/v1/banks?region=440100").await;
    assert!(guangzhou["branches"].as_array().unwrap().iter().all(|b| b["region"] == "4401"));

    let query = "%E7%AB%99%E5%89%8D"; // 站前
    let (_, found) = s.get(&format!("/v1/banks?region=110105&q={query}")).await;
    let found = found["branches"].as_array().unwrap();
    assert!(!found.is_empty() && found.len() < branches.len());
    assert!(found
        .iter()
        .all(|b| b["name"].as_str().unwrap().contains("站前") || b["address"].as_str().unwrap().contains("站前")));
    // By pinyin initials, as people type on a phone keyboard.
    let (_, by_initials) = s.get("/v1/banks?region=110105&q=zql").await;
    assert_eq!(by_initials["branches"].as_array().unwrap(), found);
    let (_, none) = s.get("/v1/banks?region=110105&q=nowhere").await;
    assert_eq!(none["branches"], json!([]));

    let (status, error) = s.get("/v1/banks").await;
    assert_eq!((status, &error["field"]), (StatusCode::BAD_REQUEST, &json!("region")));
    let (status, error) = s.get("/v1/banks?region=310101").await;
    assert_eq!((status, &error["code"]), (StatusCode::UNPROCESSABLE_ENTITY, &json!("unknown_region")));
    s.running.shutdown().await;
}

#[tokio::test]
async fn uploads_resume_and_are_checked() {
    let s = serve().await;
    let hash = sha(ID_FRONT);
    let (status, error) = s.get(&format!("/v1/documents/{hash}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_api_error(&error, "not_found");

    let half = ID_FRONT.len() / 2;
    let (status, state) = s.patch(&hash, "id_card_front", 0, ID_FRONT.len(), &ID_FRONT[..half]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((state["offset"].as_u64(), &state["complete"]), (Some(half as u64), &json!(false)));
    let (_, state) = s.get(&format!("/v1/documents/{hash}")).await;
    assert_eq!(state["offset"].as_u64(), Some(half as u64));
    let (status, error) = s.patch(&hash, "id_card_front", 0, ID_FRONT.len(), &ID_FRONT[..half]).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_api_error(&error, "offset_mismatch");
    let (status, state) = s.patch(&hash, "id_card_front", half, ID_FRONT.len(), &ID_FRONT[half..]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        state,
        json!({"sha256": hash, "kind": "id_card_front", "length": ID_FRONT.len(), "offset": ID_FRONT.len(), "complete": true})
    );
    assert_eq!(s.running.document_bytes(&hash).await.as_deref(), Some(ID_FRONT));
    // Again, from anywhere: the complete state.
    let (status, state) = s.patch(&hash, "id_card_front", 0, ID_FRONT.len(), ID_FRONT).await;
    assert_eq!((status, &state["complete"]), (StatusCode::OK, &json!(true)));

    // Bytes that are not the ones named: dropped.
    let other = sha(b"something else");
    let (status, error) = s.patch(&other, "id_card_back", 0, ID_BACK.len(), ID_BACK).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_api_error(&error, "hash_mismatch");
    assert_eq!(s.get(&format!("/v1/documents/{other}")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(s.running.document_bytes(&other).await, None);

    // Not a picture.
    let text = b"%PDF-1.7 not a picture".as_slice();
    let (status, error) = s.patch(&sha(text), "birth_certificate", 0, text.len(), text).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_api_error(&error, "document_rejected");
    assert_eq!(fields(&error), ["documents.birth_certificate"]);
    // A card photo that is a PNG-less mess is refused; one with findings is kept.
    let (status, error) = s.patch(&sha(text), "card_photo", 0, text.len(), text).await;
    assert_eq!((status, &error["code"]), (StatusCode::UNPROCESSABLE_ENTITY, &json!("document_rejected")));
    assert_eq!(fields(&error), ["documents.card_photo"]);
    s.upload("card_photo", ID_FRONT).await;

    let (status, error) = s.patch(&sha(b"big"), "id_card_back", 0, 11 << 20, b"big").await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_api_error(&error, "too_large");
    let (status, error) = s.send(s.request(Method::PATCH, &format!("/v1/documents/{hash}")).body("x")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_api_error(&error, "bad_request");
    s.running.shutdown().await;
}

#[tokio::test]
async fn a_case_is_created_once_however_often_it_is_sent() {
    let s = serve().await;
    let case = individual(&s, demo::RESIDENT, "branch_pickup").await;
    let reference = s.submit("case-1", &case).await;
    assert!(reference.starts_with("BK") && reference.len() == 16, "{reference}");
    let (status, receipt) = s.put_case("case-1", &case).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((&receipt["replayed"], &receipt["reference"]), (&json!(true), &json!(reference)));

    // Ten identical requests at once (another applicant): one case.
    let stranger = demo::DemoPerson { name: "钱多多", id_number: "110105199003071239" };
    let case = individual(&s, stranger, "branch_pickup").await;
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let request = s.request(Method::PUT, "/v1/cases/case-2").json(&case);
        tasks.spawn(async move {
            let response = request.send().await.unwrap();
            (response.status(), response.json::<Value>().await.unwrap()["reference"].clone())
        });
    }
    let answers = tasks.join_all().await;
    assert_eq!(answers.iter().filter(|(status, _)| *status == StatusCode::CREATED).count(), 1, "{answers:?}");
    assert!(answers.iter().all(|(status, r)| status.is_success() && r == &answers[0].1));
    assert_eq!(s.running.submissions_created().await, 2);

    // Once applied, the person has applied.
    let answer = s.eligibility("bj-individual", demo::RESIDENT, json!({})).await;
    assert_eq!(answer["eligibility"], "already_applied");
    let (status, error) = s.put_case("case-3", &individual(&s, demo::RESIDENT, "branch_pickup").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&error), ["applicant.id_number"]);
    assert_eq!(s.running.submissions_created().await, 2);
    s.running.shutdown().await;
}

#[tokio::test]
async fn a_case_is_judged_on_its_application_date_within_the_window_the_agency_takes() {
    let s = serve().await;
    let today = chrono::Utc::now().date_naive();
    let case = individual(&s, demo::RESIDENT, "branch_pickup").await;
    for (days_ago, id) in [(31, "too-old"), (-2, "too-new")] {
        let on = today - chrono::Duration::days(days_ago);
        let (status, error) = s.put_case(id, &Submission { applied_on: on, ..case.clone() }).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{days_ago}: {error}");
        assert_eq!((&error["code"], &error["field"]), (&json!("applied_on_out_of_range"), &json!("applied_on")));
        assert!(error["message_zh"].as_str().unwrap().contains(&on.to_string()), "{error}");
    }
    assert_eq!(s.running.submissions_created().await, 0);
    // A case that waited a month in an outbox, or finalized on a date ahead of the agency's.
    let waited = Submission { applied_on: today - chrono::Duration::days(30), ..case.clone() };
    s.submit("waited", &waited).await;
    let stranger = demo::DemoPerson { name: "钱多多", id_number: "110105199003071239" };
    let ahead = Submission { applied_on: today + chrono::Duration::days(1), ..individual(&s, stranger, "mail").await };
    s.submit("ahead", &ahead).await;
    assert_eq!(s.running.submissions_created().await, 2);
    s.running.shutdown().await;
}

#[tokio::test]
async fn an_invalid_case_is_refused_field_by_field() {
    let s = serve().await;
    let mut case = individual(&s, demo::RESIDENT, "mail").await;
    case.answers.remove("applicant.mobile");
    case.answers.insert("residence.district".into(), json!("440106"));
    case.answers.insert("collection.postal_code".into(), json!("1000"));
    case.documents.insert("id_card_back".into(), sha(b"never uploaded"));
    let (status, error) = s.put_case("bad-1", &case).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_api_error(&error, "invalid_case");
    let named = fields(&error);
    for field in ["applicant.mobile", "residence.district", "collection.postal_code", "documents.id_card_back"] {
        assert!(named.contains(&field), "{field} in {named:?}");
    }
    let missing =
        error["problems"].as_array().unwrap().iter().find(|p| p["field"] == "documents.id_card_back").unwrap();
    assert_eq!(missing["code"], "document_missing");

    let impostor = individual(&s, demo::DemoPerson { name: "张三", ..demo::RESIDENT }, "branch_pickup").await;
    let (_, error) = s.put_case("bad-2", &impostor).await;
    assert_eq!(fields(&error), ["applicant.name"]);
    let (_, error) = s.put_case("bad-3", &individual(&s, demo::ALREADY_APPLIED, "branch_pickup").await).await;
    assert_eq!(error["problems"][0]["code"], "already_applied");

    let mut unknown = case.clone();
    unknown.flow_id = "bj-nothing".into();
    let (status, error) = s.put_case("bad-4", &unknown).await;
    assert_eq!((status, &error["code"]), (StatusCode::UNPROCESSABLE_ENTITY, &json!("unknown_flow")));
    let (status, _) = s.put_case("bad%2F5", &case).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(s.running.submissions_created().await, 0);
    s.running.shutdown().await;
}

#[tokio::test]
async fn status_advances_stage_by_stage_and_a_rejected_case_is_submitted_again() {
    let step = Duration::from_millis(300);
    let s = serve_with(|c| c.status_step = step).await;
    let case = individual(&s, demo::RESIDENT, "mail").await;
    let reference = s.submit("mailed", &case).await;
    let rejected_person = demo::DemoPerson { name: demo::REJECTED_NAME, id_number: "110105199003071239" };
    let rejected = individual(&s, rejected_person, "branch_pickup").await;
    s.submit("rejected", &rejected).await;

    let (_, receipt) = s.put_case("mailed", &case).await;
    let received = chrono::DateTime::parse_from_rfc3339(receipt["received_at"].as_str().unwrap()).unwrap();
    let status = s.status_of("mailed").await;
    assert_eq!((&status["status"], &status["reference"]), (&json!("submitted"), &json!(reference)));
    // Polled until mailed: the stages come in order (a busy machine may poll past one), each
    // dated a whole number of steps after the case arrived.
    let stages = ["submitted", "accepted", "in_production", "mailed"];
    let mut seen = vec![0];
    while *seen.last().unwrap() < 3 {
        tokio::time::sleep(step / 4).await;
        let now = s.status_of("mailed").await;
        let stage = stages.iter().position(|st| now["status"] == *st).unwrap();
        assert!(stage >= *seen.last().unwrap(), "{now} after {seen:?}");
        let updated = chrono::DateTime::parse_from_rfc3339(now["updated_at"].as_str().unwrap()).unwrap();
        assert_eq!(updated - received, chrono::Duration::from_std(step * stage as u32).unwrap());
        if stage > *seen.last().unwrap() {
            seen.push(stage);
        }
    }

    let status = s.status_of("rejected").await;
    assert_eq!(status["status"], "rejected");
    assert_eq!(status["reason_zh"], demo::REJECTION_ZH);
    let (_, both) = s.post("/v1/cases/status", json!({"case_ids": ["rejected", "mailed", "unknown"]})).await;
    assert_eq!(both["statuses"].as_array().unwrap().len(), 2);

    // 重新提交: the same revision is a replay; the next one is a new submission.
    let (status, receipt) = s.put_case("rejected", &rejected).await;
    assert_eq!((status, &receipt["status"]), (StatusCode::OK, &json!("rejected")));
    let again = Submission { revision: 2, ..rejected };
    let second = s.submit("rejected", &again).await;
    let status = s.status_of("rejected").await;
    assert_eq!((&status["revision"], &status["reference"]), (&json!(2), &json!(second)));
    tokio::time::sleep(step * 4).await;
    assert_eq!(s.status_of("rejected").await["status"], "ready_for_pickup");
    assert_eq!(s.running.submissions_created().await, 3);

    let (status, error) = s.post("/v1/cases/status", json!({"case_ids": vec!["x"; 1001]})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_api_error(&error, "bad_request");
    s.running.shutdown().await;
}

#[tokio::test]
async fn an_employer_opens_employees_confirm_and_the_employer_submits() {
    let s = serve().await;
    let collective = format!("/v1/entities/{}/collective", demo::ENTITY_USCC);
    let employees = format!("/v1/entities/{}/employees", demo::ENTITY_USCC);
    let (status, error) = s.get(&collective).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_api_error(&error, "not_opened");
    let (status, error) = s.get("/v1/entities/91110105MA01XK3T5A/collective").await;
    assert_eq!((status, &error["field"]), (StatusCode::UNPROCESSABLE_ENTITY, &json!("uscc")));

    let (bank, branch) = branch(&s, "110105").await;
    let open = submission(
        "bj-employer-open",
        json!({
            "notice.agreed": true,
            "entity.name": demo::ENTITY_NAME, "entity.uscc": demo::ENTITY_USCC,
            "entity.contact_name": "郑经办", "entity.contact_mobile": MOBILE,
            "entity.collective": "open", "entity.collects_cards": false,
            "entity.banks": [bank], "entity.branches": [branch],
            "commitment.agreed": true,
        }),
        &[],
    );
    s.submit("open-1", &open).await;
    let (status, opened) = s.get(&collective).await;
    assert_eq!(status, StatusCode::OK, "{opened}");
    assert_eq!((&opened["entity_name"], &opened["entity_collects"]), (&json!(demo::ENTITY_NAME), &json!(false)));
    assert_eq!((&opened["banks"], &opened["branches"][0]["name"]), (&json!([bank]), &json!(branch)));
    let (_, list) = s.get(&employees).await;
    assert_eq!(list["employees"].as_array().unwrap().len(), 3);
    assert!(list["employees"].as_array().unwrap().iter().all(|e| e["status"] == "registered"));
    assert!(list["employees"][0]["id_number_masked"].as_str().unwrap().contains("****"));

    let employee = demo::EMPLOYEES[0];
    let answer = s.eligibility("bj-employee-confirm", employee, json!({"entity_uscc": demo::ENTITY_USCC})).await;
    assert_eq!(answer["eligibility"], "eligible", "{answer}");
    assert_eq!(answer["employee"]["name"], employee.name);
    assert_eq!(answer["collective"]["banks"], json!([bank]));
    let photo = s.upload("card_photo", PHOTO).await;
    let front = s.upload("id_card_front", ID_FRONT).await;
    let back = s.upload("id_card_back", ID_BACK).await;
    let confirm = submission(
        "bj-employee-confirm",
        json!({
            "notice.agreed": true, "entity.uscc": demo::ENTITY_USCC,
            "applicant.name": employee.name, "applicant.id_type": "resident_id", "applicant.id_number": employee.id_number,
            "applicant.id_valid_from": "2016-07-01", "applicant.mobile": MOBILE,
            "applicant.ethnicity": "01", "applicant.occupation": "2",
            "residence.district": "110105", "residence.address": "北京市朝阳区示例路2号",
            "collection.method": "branch_pickup", "bank.name": bank, "bank.branch": branch,
            "commitment.agreed": true,
        }),
        &[("card_photo", &photo), ("id_card_front", &front), ("id_card_back", &back)],
    );
    s.submit("confirm-1", &confirm).await;
    let (_, list) = s.get(&employees).await;
    let first = &list["employees"][0];
    assert_eq!((&first["name"], &first["status"]), (&json!(employee.name), &json!("confirmed")));

    // Only confirmed employees can be chosen.
    let pick = |ids: Value| {
        submission(
            "bj-employer-submit",
            json!({"notice.agreed": true, "entity.uscc": demo::ENTITY_USCC, "submit.employees": ids, "commitment.agreed": true}),
            &[],
        )
    };
    let (status, error) = s.put_case("submit-0", &pick(json!([list["employees"][1]["id"]]))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&error), ["submit.employees"]);
    s.submit("submit-1", &pick(json!([first["id"]]))).await;
    let (_, list) = s.get(&employees).await;
    let statuses: Vec<&Value> = list["employees"].as_array().unwrap().iter().map(|e| &e["status"]).collect();
    assert_eq!(statuses, [&json!("submitted"), &json!("registered"), &json!("registered")]);
    let answer = s.eligibility("bj-employee-confirm", employee, json!({"entity_uscc": demo::ENTITY_USCC})).await;
    assert_eq!(answer["eligibility"], "already_applied");
    s.running.shutdown().await;
}

/// A complete `gd-individual` case for a mainland `person` in Guangzhou, photo by receipt number.
async fn guangdong(s: &Server, person: demo::DemoPerson, sms_code: &str) -> Submission {
    let front = s.upload("id_card_front", ID_FRONT).await;
    let back = s.upload("id_card_back", ID_BACK).await;
    let (bank, branch) = branch(s, "4401").await;
    let answers = json!({
        "notice.agreed": true,
        "applicant.resident_type": "mainland", "applicant.id_type": "resident_id", "applicant.id_number": person.id_number,
        "identity.verified_by": "operator_in_person", "identity.operator_name": "郑老师",
        "applicant.name": person.name, "applicant.social_security_number": person.id_number, "card.city": "4401",
        "photo.source": "receipt_number", "photo.receipt_number": demo::PHOTO_RECEIPT,
        "applicant.ethnicity": "01", "applicant.id_valid_long_term": true, "applicant.id_valid_from": "2010-01-01",
        "applicant.mobile": MOBILE, "applicant.sms_code": sms_code, "applicant.occupation": "2",
        "residence.district": "440106", "residence.address": "广东省广州市天河区示例路3号",
        "bank.name": bank, "card.insurance_type": "employee",
        "collection.method": "branch_pickup", "bank.branch": branch,
        "submit.confirmed": true,
    });
    submission("gd-individual", answers, &[("id_card_front", &front), ("id_card_back", &back)])
}

#[tokio::test]
async fn guangdong_cases_check_cards_sms_codes_and_receipts() {
    let s = serve().await;
    let person = json!({"name": demo::TWO_CARDS.name, "id_number": demo::TWO_CARDS.id_number});
    let (_, cards) = s.post("/v1/cards", person).await;
    let cities: Vec<&Value> = cards["cards"].as_array().unwrap().iter().map(|c| &c["city_name"]).collect();
    assert_eq!(cities, [&json!("深圳市"), &json!("佛山市")], "{cards}");
    assert!(cards["cards"][0]["card_number_masked"].as_str().unwrap().contains("****"));
    let (_, none) = s.post("/v1/cards", json!({"name": "张三", "id_number": demo::TWO_CARDS.id_number})).await;
    assert_eq!(none, json!({"cards": []}));

    let (status, error) = s.put_case("gd-1", &guangdong(&s, demo::TWO_CARDS, "000000").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let problems: Vec<(&str, &str)> = error["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["field"].as_str().unwrap(), p["code"].as_str().unwrap()))
        .collect();
    assert!(problems.contains(&("applicant.social_security_number", "one_person_one_card")), "{error:#}");
    assert!(problems.contains(&("applicant.sms_code", "sms_code_wrong")), "{error:#}");

    let newcomer = demo::DemoPerson { name: "林小红", id_number: "44030519900405004X" };
    let mut case = guangdong(&s, newcomer, &s.sms_code(MOBILE).await).await;
    case.answers.insert("photo.receipt_number".into(), json!("no-such-receipt"));
    let (_, error) = s.put_case("gd-2", &case).await;
    assert_eq!(fields(&error), ["photo.receipt_number"]);
    assert_eq!(error["problems"][0]["code"], "receipt_not_found", "{error}");
    case.answers.insert("photo.receipt_number".into(), json!(demo::EXPIRED_RECEIPT));
    let (_, error) = s.put_case("gd-2", &case).await;
    assert_eq!(error["problems"][0]["code"], "receipt_expired", "{error}");
    case.answers.insert("photo.receipt_number".into(), json!(demo::PHOTO_RECEIPT));
    s.submit("gd-2", &case).await;
    s.running.shutdown().await;
}

#[tokio::test]
async fn cleaning_up_cards_lets_the_person_apply() {
    let s = serve().await;
    let person = json!({"name": demo::TWO_CARDS.name, "id_number": demo::TWO_CARDS.id_number});
    let (_, cards) = s.post("/v1/cards", person.clone()).await;
    let ids: Vec<Value> = cards["cards"].as_array().unwrap().iter().map(|c| c["id"].clone()).collect();
    let cleanup = submission(
        "gd-card-cleanup",
        json!({"notice.agreed": true, "applicant.name": demo::TWO_CARDS.name, "applicant.social_security_number": demo::TWO_CARDS.id_number, "cleanup.cards": ids, "cleanup.confirmed": true}),
        &[],
    );
    s.submit("cleanup-1", &cleanup).await;
    let (_, cards) = s.post("/v1/cards", person).await;
    assert_eq!(cards, json!({"cards": []}));
    let answer = s.eligibility("gd-individual", demo::TWO_CARDS, json!({"city": "4401"})).await;
    assert_eq!(answer["eligibility"], "eligible");
    s.submit("gd-1", &guangdong(&s, demo::TWO_CARDS, &s.sms_code(MOBILE).await).await).await;
    s.running.shutdown().await;
}

#[tokio::test]
async fn faults_answer_500_and_429_before_anything_happens() {
    let faults =
        Faults { seed: 7, error_rate: 0.4, throttle_rate: 0.4, slow_rate: 0.2, slow: Duration::from_millis(20) };
    let s = serve_with(|c| c.faults = faults).await;
    let mut seen = BTreeMap::new();
    for _ in 0..40 {
        let response = s.request(Method::POST, "/v1/sms").json(&json!({"mobile": MOBILE})).send().await.unwrap();
        let status = response.status();
        if status == StatusCode::TOO_MANY_REQUESTS {
            let retry = response.headers()["retry-after"].to_str().unwrap().to_owned();
            let body: Value = response.json().await.unwrap();
            if body["code"] == "throttled" {
                assert_eq!(retry, "1");
            }
            *seen.entry(body["code"].as_str().unwrap().to_owned()).or_insert(0) += 1;
        } else {
            let body: Value = response.json().await.unwrap();
            let code = body["code"].as_str().unwrap_or("ok").to_owned();
            *seen.entry(code).or_insert(0) += 1;
        }
    }
    assert!(
        seen.get("server_error").is_some_and(|n| *n > 5) && seen.get("throttled").is_some_and(|n| *n > 5),
        "{seen:?}"
    );
    // Exactly one code was sent: every other request either faulted first or was too soon.
    assert_eq!(seen.get("ok"), Some(&1), "{seen:?}");
    for _ in 0..10 {
        let health = s.http.get(format!("{}/v1/health", s.running.url())).send().await.unwrap();
        assert_eq!(health.status(), StatusCode::OK);
    }
    s.running.shutdown().await;
}

/// The tester's starvation, bounded for the suite: idle connections beyond the limit, slow
/// headers and a stalled body, on loopback; a normal request is still answered and every
/// connection the agency took is closed by its timeouts.
#[tokio::test]
async fn idle_slow_and_too_many_connections_do_not_starve_the_agency() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;
    let limits = Limits { connections: 32, header_read: Duration::from_millis(500), request: Duration::from_secs(1) };
    let s = serve_with(|c| c.limits = limits).await;
    let addr = s.running.addr();
    // Closed by the agency: the read ends (or the connection is reset), within a bound.
    async fn closed(stream: &mut TcpStream, within: Duration) -> bool {
        let mut buf = [0u8; 512];
        loop {
            match tokio::time::timeout(within, stream.read(&mut buf)).await {
                Ok(Ok(0)) | Ok(Err(_)) => return true,
                Ok(Ok(_)) => continue,
                Err(_) => return false,
            }
        }
    }
    let mut idle = Vec::new();
    for _ in 0..200 {
        idle.push(TcpStream::connect(addr).await.unwrap());
    }
    let mut slow = Vec::new();
    for _ in 0..40 {
        let mut c = TcpStream::connect(addr).await.unwrap();
        c.write_all(b"GET /v1/health HTTP/1.1\r\nHo").await.unwrap();
        slow.push(c);
    }
    // A normal request waits its turn behind them, and is answered.
    let started = std::time::Instant::now();
    let answered = tokio::time::timeout(Duration::from_secs(30), s.get("/v1/health")).await;
    assert_eq!(answered.expect("answered while starved").0, StatusCode::OK);
    let waited = started.elapsed();
    // Every connection was taken in turn and closed by the header timeout.
    for c in idle.iter_mut().chain(slow.iter_mut()) {
        assert!(closed(c, Duration::from_secs(20)).await, "a connection stayed open");
    }
    // A kept-alive connection idle after its answer is closed too.
    let mut kept = TcpStream::connect(addr).await.unwrap();
    kept.write_all(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
    let mut buf = [0u8; 1024];
    let n = kept.read(&mut buf).await.unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
    assert!(closed(&mut kept, Duration::from_secs(5)).await, "an idle kept-alive connection stayed open");
    // A body that stops coming: 408 once the request limit is up.
    let mut stalled = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /v1/eligibility HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"name\""
    );
    stalled.write_all(head.as_bytes()).await.unwrap();
    let n = tokio::time::timeout(Duration::from_secs(10), stalled.read(&mut buf)).await.expect("answered").unwrap();
    let answer = String::from_utf8_lossy(&buf[..n]);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("request_timeout"), "{answer}");
    eprintln!("starved: a normal request answered after {waited:?} behind 240 idle or slow connections (32 at a time)");
    s.running.shutdown().await;
}
