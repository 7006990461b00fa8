//! The case list with 100,000 cases (target: ≤ 20 ms per search on a 2-core laptop): the first
//! page, and searches by name, ID-number tail, phone, status, flow and dates.

use banka_cases::{KdfParams, Passphrase, Query, Status, Store};
use criterion::{criterion_group, criterion_main, Criterion};

const CASES: usize = 100_000;

fn search(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (store, sample) = rt.block_on(async {
        let store =
            Store::create(dir.path(), &Passphrase::new("benchmark passphrase"), KdfParams::MINIMUM).await.unwrap();
        let ids = banka_cases::testing::seed_cases(&store, CASES, 42).await.unwrap();
        let sample = store.case(&ids[CASES / 2]).await.unwrap();
        (store, sample)
    });
    let answer = |path: &str| sample.answers[path].as_str().unwrap().to_owned();
    let (name, id_number, mobile) =
        (answer("applicant.name"), answer("applicant.id_number"), answer("applicant.mobile"));
    let today = chrono::Local::now().date_naive();
    let text = |t: &str| Query { text: Some(t.to_owned()), ..Query::default() };
    let queries = [
        ("first page", Query::default()),
        ("name", text(&name)),
        ("surname", text(&name.chars().take(1).collect::<String>())),
        ("id tail 4", text(&id_number[14..])),
        ("phone part", text(&mobile[3..9])),
        ("no match", text("不存在的人")),
        ("status", Query { status: Some(Status::Failed), ..Query::default() }),
        (
            "flow + last 30 days",
            Query {
                flow: Some("bj-retiree".into()),
                from: today.checked_sub_days(chrono::Days::new(30)),
                until: Some(today),
                ..Query::default()
            },
        ),
    ];
    let mut group = c.benchmark_group("search 100k cases");
    for (what, query) in &queries {
        let total = rt.block_on(store.search(query)).unwrap().total;
        println!("{what}: {total} matches");
        group.bench_function(*what, |b| b.to_async(&rt).iter(|| store.search(query)));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = search
}
criterion_main!(benches);
