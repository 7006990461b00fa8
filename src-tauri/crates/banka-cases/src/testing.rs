//! Seeding for benchmarks: many realistic cases written in one transaction, through the same
//! tables and triggers the app uses. Behind the `testing` feature; never in the app.

use chrono::{Duration, Utc};
use serde_json::json;

use crate::case::Status;
use crate::error::Result;
use crate::store::Store;

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN: &str =
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志文斌宇浩凯健俊帆帅旭宁";
const FLOWS: [&str; 9] = [
    "bj-individual",
    "bj-minor",
    "bj-employer-open",
    "bj-employee-confirm",
    "bj-employer-submit",
    "bj-retiree",
    "gd-individual",
    "gd-minor",
    "gd-card-cleanup",
];

/// Adds `count` cases with names, ID numbers and phones drawn from `seed`, changed over the
/// last year; returns their ids.
pub async fn seed_cases(store: &Store, count: usize, seed: u64) -> Result<Vec<String>> {
    let mut state = seed;
    let mut next = move |n: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % n
    };
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    let now = Utc::now();
    let mut ids = Vec::with_capacity(count);
    let mut tx = store.pool.begin().await?;
    for _ in 0..count {
        let id = uuid::Uuid::new_v4().to_string();
        let name: String = std::iter::once(surnames[next(surnames.len())])
            .chain((0..1 + next(2)).map(|_| given[next(given.len())]))
            .collect();
        let id_number =
            format!("110105{}{:02}{:02}{:03}{}", 1940 + next(80), 1 + next(12), 1 + next(28), next(1000), next(10));
        let mobile = format!("13{}{:08}", next(10), next(100_000_000));
        let status = Status::ALL[next(Status::ALL.len())].name();
        let updated = (now - Duration::minutes(next(525_600) as i64)).timestamp_millis();
        sqlx::query(
            "INSERT INTO cases (id, flow_id, flow_version, status, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?)",
        )
        .bind(&id)
        .bind(FLOWS[next(FLOWS.len())])
        .bind(status)
        .bind(updated - 3_600_000)
        .bind(updated)
        .execute(&mut *tx)
        .await?;
        for (path, value) in
            [("applicant.name", name), ("applicant.id_number", id_number), ("applicant.mobile", mobile)]
        {
            sqlx::query("INSERT INTO answers (case_id, path, value) VALUES (?, ?, ?)")
                .bind(&id)
                .bind(path)
                .bind(json!(value).to_string())
                .execute(&mut *tx)
                .await?;
        }
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

/// The bundle reader on a bundle's opened (decrypted) contents, for the fuzz target: whether
/// they were accepted.
pub fn read_opened_bundle(plain: &[u8]) -> bool {
    crate::bundle::read_opened(plain).is_ok()
}
