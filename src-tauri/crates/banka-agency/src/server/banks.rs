//! The sample bank directory: a few banks with two branches each in every Beijing district and
//! Guangdong city, generated (not real branches; every name says 示例), and `GET /v1/banks`.

use std::collections::HashMap;
use std::sync::LazyLock;

use axum::extract::Query;
use axum::Json;
use banka_flows::jurisdiction::Jurisdiction;
use banka_rules::codes::{beijing_districts, guangdong_cities, Code};
use banka_rules::search;

use super::failure::{Api, Failure};
use crate::api::{Bank, Branch, Directory, PensionBank};

const BEIJING_BANKS: [(&str, &str); 5] = [
    ("icbc", "中国工商银行"),
    ("abc", "中国农业银行"),
    ("boc", "中国银行"),
    ("ccb", "中国建设银行"),
    ("bob", "北京银行"),
];
const GUANGDONG_BANKS: [(&str, &str); 5] = [
    ("icbc", "中国工商银行"),
    ("abc", "中国农业银行"),
    ("boc", "中国银行"),
    ("ccb", "中国建设银行"),
    ("cgb", "广发银行"),
];
const STREETS: [&str; 11] =
    ["站前路", "人民路", "建设路", "文化路", "和平路", "新华路", "光明路", "中山路", "解放路", "胜利路", "青年路"];
const BRANCHES_PER_BANK: usize = 2;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Province {
    Beijing,
    Guangdong,
}

struct Region {
    code: &'static Code,
    province: Province,
}

fn regions() -> impl Iterator<Item = Region> {
    let beijing = beijing_districts().iter().map(|code| Region { code, province: Province::Beijing });
    beijing.chain(guangdong_cities().iter().map(|code| Region { code, province: Province::Guangdong }))
}

fn banks_of(province: Province) -> &'static [(&'static str, &'static str)] {
    match province {
        Province::Beijing => &BEIJING_BANKS,
        Province::Guangdong => &GUANGDONG_BANKS,
    }
}

static BRANCHES: LazyLock<Vec<Branch>> = LazyLock::new(|| {
    let mut out = Vec::new();
    for (r, region) in regions().enumerate() {
        let (place, address_prefix) = match region.province {
            // 朝阳区 → 北京朝阳…; 北京市朝阳区…
            Province::Beijing => (format!("北京{}", short(region.code.zh)), format!("北京市{}", region.code.zh)),
            Province::Guangdong => (short(region.code.zh).to_owned(), format!("广东省{}", region.code.zh)),
        };
        for (b, (bank_id, bank)) in banks_of(region.province).iter().enumerate() {
            for n in 0..BRANCHES_PER_BANK {
                let street = STREETS[(r * 3 + b * BRANCHES_PER_BANK + n) % STREETS.len()];
                let seq = out.len() + 1;
                out.push(Branch {
                    id: format!("{bank_id}-{}-{}", region.code.code, n + 1),
                    name: format!("{bank}{place}{street}支行（示例）"),
                    bank: (*bank).to_owned(),
                    region: region.code.code.to_owned(),
                    address: format!("{address_prefix}{street}{}号（示例地址）", seq * 7 % 180 + 1),
                    phone: format!("400-000-{seq:04}"),
                });
            }
        }
    }
    out
});

/// A district's or city's name without 区/市 (朝阳区 → 朝阳, 广州市 → 广州).
fn short(name: &str) -> &str {
    name.strip_suffix('区').or_else(|| name.strip_suffix('市')).unwrap_or(name)
}

/// The region a code names, as the code lists spell it; a Guangdong city may also be given in
/// six digits (440100).
fn region(code: &str) -> Option<Region> {
    let city = code.strip_suffix("00").filter(|c| c.len() == 4);
    regions().find(|r| r.code.code == code || (r.province == Province::Guangdong && Some(r.code.code) == city))
}

/// The sample directory of one region (or of a whole province), branches matching `q` in
/// name or address (parts of them or their pinyin, see `banka_rules::search`).
fn directory(branches: impl Iterator<Item = &'static Branch>, q: Option<&str>) -> Directory {
    let branches: Vec<&Branch> = branches.collect();
    let mut banks: Vec<Bank> = Vec::new();
    for b in &branches {
        if !banks.iter().any(|k| k.name == b.bank) {
            let id = b.id.split('-').next().unwrap_or_default().to_owned();
            banks.push(Bank { id, name: b.bank.clone() });
        }
    }
    let q = q.unwrap_or_default();
    let matches = |b: &Branch| search::matches(&b.name, q) || search::matches(&b.address, q);
    Directory { sample: true, banks, branches: branches.into_iter().filter(|b| matches(b)).cloned().collect() }
}

/// Every branch of a province: what an employer may offer its employees.
pub fn province(p: Province) -> Directory {
    let codes: Vec<&str> = regions().filter(|r| r.province == p).map(|r| r.code.code).collect();
    directory(BRANCHES.iter().filter(|b| codes.contains(&b.region.as_str())), None)
}

/// The sample pension-disbursing branch of a retiree: a bank of their home district (the ID
/// number's first six digits, if in Beijing), picked by their number.
pub fn pension(id_number: &str) -> PensionBank {
    let home = id_number.get(..6).and_then(region).filter(|r| r.province == Province::Beijing);
    let district = home.map_or(beijing_districts()[0].code, |r| r.code.code);
    let options: Vec<&Branch> = BRANCHES.iter().filter(|b| b.region == district).collect();
    let pick = id_number.bytes().map(usize::from).sum::<usize>() % options.len();
    PensionBank { bank: options[pick].bank.clone(), branch: options[pick].name.clone(), pickup_allowed: false }
}

/// `GET /v1/banks?region=<code>&q=<text>`.
pub async fn list(Api(Query(params)): Api<Query<HashMap<String, String>>>) -> Result<Json<Directory>, Failure> {
    let Some(code) = params.get("region").map(|r| r.trim()).filter(|r| !r.is_empty()) else {
        return Err(Failure::bad_request(
            "请提供 region 参数：北京市的区或广东省的地市代码。",
            "Give the region parameter: a Beijing district or Guangdong city code.",
        )
        .field("region"));
    };
    // A province (110000, 440000): every branch of it, what an employer may offer.
    match Jurisdiction::ALL.into_iter().find(|j| j.province_code() == code) {
        Some(Jurisdiction::Beijing) => return Ok(Json(province(Province::Beijing))),
        Some(Jurisdiction::Guangdong) => return Ok(Json(province(Province::Guangdong))),
        None => {}
    }
    let Some(region) = region(code) else {
        return Err(Failure::new(
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_region",
            "region 不是北京市的区或广东省的地市代码，请从代码表中选择。",
            "The region is not a Beijing district or Guangdong city code. Choose one from the code list.",
        )
        .field("region"));
    };
    let branches = BRANCHES.iter().filter(|b| b.region == region.code.code);
    Ok(Json(directory(branches, params.get("q").map(String::as_str))))
}
