//! Check + fix speed on one core (the crate uses no threads): a 12 MP phone JPEG and a 358×441
//! card photo. Targets (issue 5): 12 MP ≤ 150 ms, 358×441 ≤ 60 ms.

use banka_flows::vocabulary::DocumentKind;
use banka_photos::{check, fix, FixOptions};
use criterion::{criterion_group, criterion_main, Criterion};
use image::{imageops, Rgb, RgbImage};

const OK: &[u8] = include_bytes!("../tests/images/portrait-ok.jpg");
const PHONE: &[u8] = include_bytes!("../tests/images/portrait-phone.jpg");

/// A 3000×4000 portrait as a phone takes it: the test portrait enlarged, with sensor grain so
/// that the JPEG has a phone photo's size (a few MB), not a smooth upscale's.
fn twelve_megapixels() -> Vec<u8> {
    let upright = image::load_from_memory(PHONE).unwrap().rotate90().to_rgb8();
    let mut big: RgbImage = imageops::resize(&upright, 3000, 4000, imageops::FilterType::Triangle);
    let mut n = 7u32;
    for p in big.pixels_mut() {
        n = n.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        let grain = (n >> 28) as i16 - 8;
        *p = Rgb(p.0.map(|c| (i16::from(c) + grain).clamp(0, 255) as u8));
    }
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90).encode_image(&big).unwrap();
    out
}

fn bench(c: &mut Criterion) {
    let phone = twelve_megapixels();
    eprintln!("12 MP JPEG: {} KB", phone.len() / 1024);
    let mut g = c.benchmark_group("card_photo");
    g.sample_size(20);
    g.bench_function("12MP check", |b| b.iter(|| check(DocumentKind::CardPhoto, &phone)));
    g.bench_function("12MP check+fix", |b| b.iter(|| fix(DocumentKind::CardPhoto, &phone, FixOptions::default())));
    g.bench_function("358x441 check", |b| b.iter(|| check(DocumentKind::CardPhoto, OK)));
    g.bench_function("358x441 check+fix", |b| b.iter(|| fix(DocumentKind::CardPhoto, OK, FixOptions::default())));
    g.finish();
    let mut g = c.benchmark_group("document");
    g.sample_size(20);
    g.bench_function("12MP check+fix", |b| b.iter(|| fix(DocumentKind::IdCardFront, &phone, FixOptions::default())));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
