//! `banka validate --batch` on a 10,000-row CSV (the issue asks for well under a second).

use banka_cli::batch::{validate_csv, Column};
use banka_rules::{id_number::check_character, Context, ValueKind};
use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};

/// 10,000 rows: mostly valid IDs from several regions and years, every tenth one mistyped.
fn ten_thousand_rows() -> String {
    let regions = ["110105", "110103", "310112", "440106", "510107", "650102"];
    let mut csv = String::from("序号,姓名,身份证号码\n");
    for i in 0..10_000u32 {
        let birth = format!("{}{:02}{:02}", 1940 + i % 80, 1 + i % 12, 1 + i % 28);
        let mut id = format!("{}{birth}{:03}", regions[i as usize % regions.len()], i % 1000);
        id.push(check_character(id.as_bytes()));
        if i % 10 == 0 {
            id.replace_range(17..18, if id.ends_with('1') { "2" } else { "1" });
        }
        csv.push_str(&format!("{i},职工{i},{id}\n"));
    }
    csv
}

fn batch(c: &mut Criterion) {
    let csv = ten_thousand_rows();
    let ctx = Context { today: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(), beijing_address: false };
    let column = Column::parse("身份证号码");
    let report = validate_csv(&csv, ValueKind::IdNumber, &column, &ctx).unwrap();
    assert_eq!((report.total, report.invalid), (10_000, 1_000));
    c.bench_function("validate_csv 10k id numbers", |b| {
        b.iter(|| validate_csv(&csv, ValueKind::IdNumber, &column, &ctx).unwrap())
    });
}

criterion_group!(benches, batch);
criterion_main!(benches);
